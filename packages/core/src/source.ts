import type { FrontMatter, LineEnding, Point, Range } from "./types.js";

/** Maps offsets of a text to 1-based line/column points. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes("\r")) {
      // Without carriage returns a line starts after each `\n`: let indexOf find them.
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset of the start of a 1-based line (the text's end past the last line). */
  lineStart(line: number): number {
    return line - 1 < this.starts.length ? this.starts[line - 1]! : this.text.length;
  }

  /** Offset of the end of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    let end = line < this.starts.length ? this.starts[line]! : this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

export function stripBom(text: string): { text: string; hadBom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}

export function detectLineEnding(text: string): LineEnding {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (lf === 0 && crlf === 0) return "none";
  if (lf > 0 && crlf > 0) return "mixed";
  return crlf > 0 ? "crlf" : "lf";
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A Jekyll front matter block at the very start (the 2023/2024 templates open with one). */
export function findFrontMatter(text: string, index: LineIndex): FrontMatter | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  return { raw: m[1]!, range: index.range(0, m[0].length) };
}
