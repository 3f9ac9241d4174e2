/**
 * Python's `str.split()` with no argument splits on the characters `str.isspace()` accepts. JavaScript's `\s`
 * differs (it includes U+FEFF, excludes U+001C–U+001F and U+0085), so the course checker's word count needs
 * its own class.
 */
const PY_SPACE =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_TOKEN = new RegExp(`[^${PY_SPACE}]+`, "g");

/** `len(s.split())` in Python. */
export function pythonSplitCount(text: string): number {
  PY_TOKEN.lastIndex = 0;
  let n = 0;
  while (PY_TOKEN.exec(text) !== null) n++;
  return n;
}

/**
 * A word as a reader counts it: a run of letters/digits, with inner apostrophes, hyphens and periods. Combining
 * marks belong to the letter before them (a decomposed `ë` is one letter, not a word break).
 */
const PROSE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

export function proseWordCount(text: string): number {
  PROSE_WORD.lastIndex = 0;
  let n = 0;
  while (PROSE_WORD.exec(text) !== null) n++;
  return n;
}
