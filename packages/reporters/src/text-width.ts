/** Terminal column widths, so that wrapped output fits its columns whatever script or emoji a report uses. */

const zeroWidth: readonly [number, number][] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x200b, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

// East Asian Wide and Fullwidth blocks and the emoji blocks; symbols that some terminals draw wide are
// counted as wide too: overestimating keeps lines within the limit.
const doubleWidth: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23f3],
  [0x2600, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f000, 0x1faff],
  [0x20000, 0x3fffd],
];

function inRanges(code: number, ranges: readonly [number, number][]): boolean {
  for (const [low, high] of ranges) {
    if (code < low) return false;
    if (code <= high) return true;
  }
  return false;
}

export function codePointWidth(code: number): 0 | 1 | 2 {
  if (inRanges(code, zeroWidth)) return 0;
  return inRanges(code, doubleWidth) ? 2 : 1;
}

/** Printable ASCII only: one column a character. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/** Columns a string takes in a terminal (it must hold no escape sequences). */
export function displayWidth(text: string): number {
  // Most text is printable ASCII: a regex answers that natively, where walking the code points in code not yet
  // compiled took some 2 ms of a one-report run's output.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** Splits a word wider than `width` into pieces that fit. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let pieceWidth = 0;
  for (const char of word) {
    const charWidth = codePointWidth(char.codePointAt(0) ?? 0);
    if (pieceWidth + charWidth > width && piece !== "") {
      pieces.push(piece);
      piece = "";
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += charWidth;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/** Greedy word wrap to at most `width` columns per line; always returns at least one line. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of text.split(" ")) {
    if (word === "") continue;
    for (const piece of displayWidth(word) > width ? breakWord(word, width) : [word]) {
      const pieceWidth = displayWidth(piece);
      if (line === "") {
        line = piece;
        lineWidth = pieceWidth;
      } else if (lineWidth + 1 + pieceWidth <= width) {
        line += ` ${piece}`;
        lineWidth += 1 + pieceWidth;
      } else {
        lines.push(line);
        line = piece;
        lineWidth = pieceWidth;
      }
    }
  }
  lines.push(line);
  return lines;
}

/** The text cut to at most `width` columns, ending in `…` where it was cut. */
export function truncateText(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const char of text) {
    const charWidth = codePointWidth(char.codePointAt(0) ?? 0);
    if (used + charWidth > width - 1) break;
    out += char;
    used += charWidth;
  }
  return `${out}…`;
}
