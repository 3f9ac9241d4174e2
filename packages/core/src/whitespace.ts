/**
 * Python's `str.split()` with no argument splits on the characters `str.isspace()` accepts. JavaScript's `\s`
 * differs (it includes U+FEFF, excludes U+001C–U+001F and U+0085), so the course checker's word count needs
 * its own class.
 */
function isPythonSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `len(s.split())` in Python. A scan of code units: every counted character is in the BMP. */
export function pythonSplitCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isPythonSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * A word as a reader counts it: a run of letters/digits, with inner apostrophes, hyphens and periods. Combining
 * marks belong to the letter before them (a decomposed `ë` is one letter, not a word break).
 */
const PROSE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** `[\p{L}\p{N}]` restricted to ASCII: letters and digits. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The joiners of PROSE_WORD: `'`, `’`, `-`, `.`. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2d || c === 0x2e || c === 0x2019;
}

/** A character the scan below leaves to PROSE_WORD: non-ASCII, except the joiner `’`. */
function isOther(c: number): boolean {
  return c >= 0x80 && c !== 0x2019;
}

/** PROSE_WORD's matches from `from`, where a match may start (no word runs on into it). */
function countFrom(text: string, from: number): number {
  PROSE_WORD.lastIndex = from;
  let n = 0;
  while (PROSE_WORD.exec(text) !== null) n++;
  return n;
}

/**
 * PROSE_WORD's matches, counted. ASCII words are scanned without a regex or an allocation per word; at the
 * first other character (a letter or mark the regex may take into a word) the rest is left to the regex, from
 * the start of the word it may belong to.
 */
export function proseWordCount(text: string): number {
  let n = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isOther(c)) return n + countFrom(text, i);
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < length && isAsciiAlnum(text.charCodeAt(i))) i++;
      if (i >= length) break;
      const next = text.charCodeAt(i);
      if (isOther(next)) return n + countFrom(text, start);
      if (!isJoiner(next) || i + 1 >= length) break;
      const after = text.charCodeAt(i + 1);
      if (isOther(after)) return n + countFrom(text, start);
      if (!isAsciiAlnum(after)) break;
      i += 2;
    }
    n++;
  }
  return n;
}

/** The whitespace runs that folding to one space changes: every run but a lone " ". */
const UNFOLDED_SPACE = /\s{2,}|[^\S ]/g;

/**
 * `text.replace(/\s+/g, " ")`, faster: most runs are a lone space already, and are left alone rather than
 * replaced one by one.
 */
export function foldSpaces(text: string): string {
  return text.replace(UNFOLDED_SPACE, " ");
}
