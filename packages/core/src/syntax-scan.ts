/**
 * Scanners for the markdown and HTML syntax the report model reads from raw text. Each replaces a regular
 * expression that backtracks on hostile text (`![a](` repeated on one line took cubic time, unclosed `<!--`
 * quadratic): every character is examined a bounded number of times, so the work is linear in the text.
 * `work.steps`, when given, counts the characters examined, for the tests that show it.
 */

export interface Work {
  steps: number;
}

/** First index >= from (and < end) of `a` or `b`; `end` when neither occurs. */
function firstOf(text: string, from: number, end: number, a: number, b: number, work?: Work): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === a || c === b) break;
    i++;
  }
  if (work) work.steps += i - from + 1;
  return i;
}

/** `text.indexOf(needle, from)`, counted. */
function find(text: string, needle: string, from: number, work?: Work): number {
  const at = text.indexOf(needle, from);
  if (work) work.steps += (at === -1 ? text.length : at + needle.length) - Math.min(from, text.length) + 1;
  return at;
}

const BRACKET = 93; // ]
const PAREN_OPEN = 40; // (
const PAREN = 41; // )
const NEWLINE = 10;

export interface ImageSyntaxMatch {
  index: number;
  length: number;
  alt: string;
  url: string;
}

/**
 * The matches of `/!\[([^\]\n]*)\]\(([^)\n]*)\)/g` in `text`, in order. The `]` (and the `)`) ending a match
 * is the first `]` or newline (`)` or newline) after its start, and those only move forward as the starts do:
 * one pointer each.
 */
export function imageSyntaxMatches(text: string, work?: Work): ImageSyntaxMatch[] {
  const out: ImageSyntaxMatch[] = [];
  let bracket = -1;
  let paren = -1;
  for (let p = find(text, "![", 0, work); p !== -1; ) {
    if (bracket < p + 2) bracket = firstOf(text, p + 2, text.length, BRACKET, NEWLINE, work);
    const k = bracket;
    if (k >= text.length || text.charCodeAt(k) !== BRACKET || text.charCodeAt(k + 1) !== PAREN_OPEN) {
      p = find(text, "![", p + 1, work);
      continue;
    }
    if (paren < k + 2) paren = firstOf(text, k + 2, text.length, PAREN, NEWLINE, work);
    const j = paren;
    if (j >= text.length || text.charCodeAt(j) !== PAREN) {
      p = find(text, "![", p + 1, work);
      continue;
    }
    out.push({ index: p, length: j + 1 - p, alt: text.slice(p + 2, k), url: text.slice(k + 2, j) });
    p = find(text, "![", j + 1, work);
  }
  return out;
}

/** Whether `text` holds markdown image syntax (see `imageSyntaxMatches`). */
export function hasImageSyntax(text: string): boolean {
  return text.includes("![") && imageSyntaxMatches(text).length > 0;
}

/**
 * How many matches Python's `re.findall(r"\!\[.*?\]\(.*?\)", text)` finds (`.` stops only at a newline). A match
 * from `![` runs to the first `](` after it and then the first `)` after that, on the same line; when those are
 * missing for one start, they are for every later start on the line, so the scan goes on at the next line.
 */
export function officialImageCount(text: string, work?: Work): number {
  let count = 0;
  let newline = -1;
  let pair = -1;
  let paren = -1;
  for (let p = find(text, "![", 0, work); p !== -1; ) {
    if (newline < p) {
      newline = find(text, "\n", p, work);
      if (newline === -1) newline = text.length;
    }
    if (pair < p + 2) {
      pair = find(text, "](", p + 2, work);
      if (pair === -1) pair = text.length;
    }
    if (paren < pair + 2) paren = firstOf(text, pair + 2, text.length, PAREN, PAREN, work);
    if (pair >= newline || paren >= newline) {
      if (newline >= text.length) break;
      p = find(text, "![", newline + 1, work);
      continue;
    }
    count++;
    p = find(text, "![", paren + 1, work);
  }
  return count;
}

export interface CommentMatch {
  start: number;
  end: number;
  /** The text between `<!--` and `-->`. */
  body: string;
}

/** The matches of `/<!--([\s\S]*?)-->/g`: a `<!--` without a `-->` after it ends the scan (none can close). */
export function htmlComments(text: string, work?: Work): CommentMatch[] {
  const out: CommentMatch[] = [];
  for (let p = find(text, "<!--", 0, work); p !== -1; ) {
    const close = find(text, "-->", p + 4, work);
    if (close === -1) break;
    out.push({ start: p, end: close + 3, body: text.slice(p + 4, close) });
    p = find(text, "<!--", close + 3, work);
  }
  return out;
}

/** `text` with each HTML comment replaced by what `by` makes of it. */
export function replaceComments(text: string, by: (comment: string) => string): string {
  const comments = htmlComments(text);
  if (comments.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const c of comments) {
    parts.push(text.slice(at, c.start), by(text.slice(c.start, c.end)));
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
