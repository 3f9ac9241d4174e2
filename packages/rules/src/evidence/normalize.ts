/**
 * Normalisation of one answer block before sentence splitting and cue matching (docs/evidence.md).
 * Prose is cleaned; inline code spans are copied verbatim so that their text stays evidence, and their
 * offsets are carried over into the normalised text.
 */

export type Span = [number, number];

export interface NormalText {
  text: string;
  /** [start, end) of inline code spans in `text`. */
  code: Span[];
  /** [start, end) of code spans that hold an image (`![alt](path)`): never searched. */
  hidden: Span[];
}

/** Marks a hard boundary inside a block (`<br>`, block-level HTML tags). */
export const HARD_BREAK = "\u2029";

const MOJIBAKE: readonly [RegExp, string][] = [
  [/â€[™˜]/g, "'"],
  [/â€[œ\u009d]/g, '"'],
  [/â€[“”]/g, "-"],
  // A lossy form keeps only the first byte: "didnât", "weâre". Only before an English contraction ending.
  [/(?<=\p{L})â[\u0080-\u009f]*(?=(?:s|t|re|ll|ve|d|m)\b)/gu, "'"],
];
const SINGLE_QUOTES = /[\u2018\u2019\u00b4\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
const PLACEHOLDER = /-{3,}\s*question\s+\d+\s+fill\s+here\s*-{3,}/gi;
const BLOCK_TAG = /<\/?(?:br|p|div|h[1-6]|li|ul|ol|tr|td|th|table|details|summary|blockquote)\b[^<>]*>/gi;
const INLINE_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
const ESCAPED_PERCENT = /\\%/g;
const DOLLAR = /\$/g;
const STARS = /\*+/g;
// Underscores that touch a letter or digit on both sides belong to an identifier (`test_api`); others are emphasis.
const EDGE_UNDERSCORES = /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const OTHER_SPACES = String.raw`\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u202f\u205f\u3000`;
/**
 * The runs of spaces that folding them to one space changes: every run but a lone " " (two or more characters,
 * or one other space). Text mostly arrives folded already, so this mostly finds nothing to replace.
 */
const SPACES = new RegExp(`[ ${OTHER_SPACES}]{2,}|[${OTHER_SPACES}]`, "g");
const LEADING_WRAPPER = /^\s*(?:answer:\s*)?-{3,}(?=\s|$)/i;
const TRAILING_WRAPPER = /(?:^|\s)-{3,}\s*$/;
const IMAGE_IN_CODE = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/;

/**
 * Each replacement runs only when the text holds the character its pattern cannot match without: most prose
 * has no mojibake, tags, dollars or stars, and this runs on every prose piece of every answer searched.
 */
function normaliseProse(text: string, first: boolean, last: boolean): string {
  let s = text;
  if (s.includes("â")) for (const [re, to] of MOJIBAKE) s = s.replace(re, to);
  s = s.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  if (s.includes("---")) s = s.replace(PLACEHOLDER, " ");
  if (s.includes("<")) s = s.replace(BLOCK_TAG, HARD_BREAK).replace(INLINE_TAG, "");
  if (s.includes("\\%")) s = s.replace(ESCAPED_PERCENT, "%");
  if (s.includes("$")) s = s.replace(DOLLAR, "");
  if (s.includes("*")) s = s.replace(STARS, "");
  if (s.includes("_")) s = s.replace(EDGE_UNDERSCORES, "");
  s = s.replace(SPACES, " ");
  // The template's `--- ... ---` answer wrapper, when it survives into the block (removing tags or stars
  // above may have joined its dashes).
  if ((first || last) && s.includes("---")) {
    if (first) s = s.replace(LEADING_WRAPPER, "");
    if (last) s = s.replace(TRAILING_WRAPPER, "");
  }
  return s;
}

function cleanSpans(spans: readonly (readonly [number, number])[], length: number): Span[] {
  if (spans.length === 0) return [];
  const sorted = spans
    .map(([a, b]): Span => [Math.max(0, Math.min(a, length)), Math.max(0, Math.min(b, length))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const span of sorted) {
    const prev = out[out.length - 1];
    if (prev && span[0] < prev[1]) continue;
    out.push(span);
  }
  return out;
}

/** Normalises a block's text; `code` are the block's inline code spans as [start, end) offsets. */
export function normaliseBlock(text: string, code: readonly (readonly [number, number])[]): NormalText {
  const spans = cleanSpans(code, text.length);
  let out = "";
  const outCode: Span[] = [];
  const hidden: Span[] = [];
  let pos = 0;
  const pieces: { prose: boolean; start: number; end: number }[] = [];
  for (const [a, b] of spans) {
    if (a > pos) pieces.push({ prose: true, start: pos, end: a });
    pieces.push({ prose: false, start: a, end: b });
    pos = b;
  }
  if (pos < text.length || pieces.length === 0) pieces.push({ prose: true, start: pos, end: text.length });
  pieces.forEach((piece, i) => {
    const raw = text.slice(piece.start, piece.end);
    if (piece.prose) {
      out += normaliseProse(raw, i === 0, i === pieces.length - 1);
      return;
    }
    const codeText = raw.replace(SPACES, " ");
    const span: Span = [out.length, out.length + codeText.length];
    out += codeText;
    outCode.push(span);
    if (IMAGE_IN_CODE.test(codeText)) hidden.push(span);
  });
  return { text: out, code: outCode, hidden };
}
