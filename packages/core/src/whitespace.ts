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
 * marks belong to the letter before them (a decomposed `ë` is one letter, not a word break). Sticky: the count
 * below tries it at one place at a time.
 */
export const PROSE_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/uy;

/** `[\p{L}\p{N}]` restricted to ASCII: letters and digits. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The joiners of PROSE_WORD: `'`, `’`, `-`, `.`. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2d || c === 0x2e || c === 0x2019;
}

/**
 * A character the scan below leaves to PROSE_WORD: non-ASCII, except General Punctuation (U+2000–U+206F: spaces,
 * dashes, quotes, the joiner `’`), which holds no letter, digit or mark. Most reports have no other non-ASCII
 * character, and then the regex is never compiled: compiling its Unicode classes took about 2 ms in a new process.
 */
function isOther(c: number): boolean {
  return c >= 0x80 && (c < 0x2000 || c > 0x206f);
}

/** Where the PROSE_WORD match at `at` ends, or -1 when no word starts there. */
function wordEndAt(text: string, at: number): number {
  PROSE_WORD.lastIndex = at;
  return PROSE_WORD.test(text) ? PROSE_WORD.lastIndex : -1;
}

/**
 * Where the word that starts with the ASCII letter or digit at `start` ends, when it is all ASCII (with `’`), or
 * -1 when it runs into a character the scan leaves to PROSE_WORD.
 */
function asciiWordEnd(text: string, start: number): number {
  const length = text.length;
  let i = start + 1;
  for (;;) {
    while (i < length && isAsciiAlnum(text.charCodeAt(i))) i++;
    if (i >= length) return i;
    const next = text.charCodeAt(i);
    if (isOther(next)) return -1;
    if (!isJoiner(next) || i + 1 >= length) return i;
    const after = text.charCodeAt(i + 1);
    if (isOther(after)) return -1;
    if (!isAsciiAlnum(after)) return i;
    i += 2;
  }
}

/**
 * PROSE_WORD's matches over the whole text, counted. ASCII words are scanned without a regex or an allocation
 * per word; a word that holds another character, and a place where another character stands, are left to the
 * regex one at a time, and the scan resumes after them: one accented letter early in a text no longer leaves
 * every word after it to the regex.
 */
export function proseWordCount(text: string): number {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c)) {
      n++;
      const end = asciiWordEnd(text, i);
      i = end === -1 ? wordEndAt(text, i) : end;
    } else if (isOther(c)) {
      // The low half of a surrogate pair whose code point starts no word starts none either: a step of one will do.
      const end = wordEndAt(text, i);
      if (end === -1) i++;
      else {
        n++;
        i = end;
      }
    } else i++;
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
