/**
 * Sentence splitting inside answer blocks (docs/evidence.md). Blocks are already split at hard boundaries;
 * here a block is normalised, cut at `<br>`-like breaks, then at sentence ends.
 */
import type { TextBlock } from "@mlops-report/core";
import { HARD_BREAK, normaliseBlock, type Span } from "./normalize.js";

export interface RawSentence {
  /** Normalised text, trimmed. */
  text: string;
  /** Inline code spans, relative to `text`. */
  code: Span[];
  /** Code spans holding an image, relative to `text`: never searched. */
  hidden: Span[];
  line: number;
  block: number;
}

/** Words that end in a period without ending the sentence. Compared lowercased, without the final period. */
const ABBREVIATIONS = new Set([
  "e.g",
  "eg",
  "i.e",
  "ie",
  "etc",
  "vs",
  "approx",
  "fig",
  "figs",
  "via",
  "cf",
  "incl",
  "al",
  "eq",
  "ca",
  "resp",
  "dr",
  "mr",
  "ms",
  "prof",
  "sec",
  "ref",
]);

const TERMINATORS = ".!?";
const CLOSERS = ")]\"'»";
const SENTENCE_START = /[\p{Lu}\p{N}"'([«]/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTERS_ONLY = /^[\p{L}-]+$/u;
const TOKEN_START = /[\s([{"']/;
const LETTER = /\p{L}/u;
const AFTER_GLUED_WORD = /[\s,;:!?)"']/;

function inSpans(spans: readonly Span[], i: number): boolean {
  for (const [a, b] of spans) {
    if (i < a) return false;
    if (i < b) return true;
  }
  return false;
}

function startsSpan(spans: readonly Span[], i: number): boolean {
  return spans.some(([a]) => a === i);
}

/** The token that ends right before `i`: from the last space or opening bracket. */
function tokenBefore(text: string, i: number, from: number): string {
  let k = i;
  while (k > from && !TOKEN_START.test(text[k - 1] ?? " ")) k--;
  return text.slice(k, i);
}

function isAbbreviation(text: string, i: number, from: number): boolean {
  return ABBREVIATIONS.has(tokenBefore(text, i, from).toLowerCase());
}

/** "step.The": a period glued to a capitalised word, outside code, file names and dotted identifiers. */
function isGluedEnd(text: string, i: number, from: number, to: number, code: readonly Span[]): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  const next2 = text[i + 2];
  if (!prev || !next || !next2 || !LOWER.test(prev) || !UPPER.test(next) || !LOWER.test(next2)) return false;
  if (inSpans(code, i - 1) || inSpans(code, i + 1)) return false;
  const before = tokenBefore(text, i, from);
  if (before.length < 2 || !LETTERS_ONLY.test(before)) return false;
  let k = i + 2;
  while (k < to && LETTER.test(text[k] ?? "")) k++;
  return k >= to || AFTER_GLUED_WORD.test(text[k] ?? "");
}

/** The characters that may end a sentence: the scan jumps from one to the next. */
const TERMINATOR = /[.!?]/g;

/** Offsets where a new sentence starts inside [from, to). */
function sentenceCuts(text: string, from: number, to: number, code: readonly Span[]): number[] {
  const cuts: number[] = [];
  let i = from;
  while (i < to) {
    TERMINATOR.lastIndex = i;
    const found = TERMINATOR.exec(text);
    if (found === null || found.index >= to) break;
    i = found.index;
    if (inSpans(code, i)) {
      i++;
      continue;
    }
    const c = text[i] ?? "";
    if (c === "." && isGluedEnd(text, i, from, to, code)) {
      cuts.push(i + 1);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && TERMINATORS.includes(text[j] ?? "")) j++;
    while (j < to && CLOSERS.includes(text[j] ?? "")) j++;
    if (j >= to || text[j] !== " ") {
      i = j;
      continue;
    }
    let k = j;
    while (k < to && text[k] === " ") k++;
    if (k >= to) break;
    const opens = SENTENCE_START.test(text[k] ?? "") || startsSpan(code, k);
    if (opens && !(c === "." && isAbbreviation(text, i, from))) cuts.push(k);
    i = j;
  }
  return cuts;
}

function relative(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const [a, b] of spans) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (e > s) out.push([s - start, e - start]);
  }
  return out;
}

/** Splits every block into normalised sentences, in order. */
export function rawSentences(blocks: readonly TextBlock[]): RawSentence[] {
  const out: RawSentence[] = [];
  blocks.forEach((block, index) => {
    const norm = normaliseBlock(block.text, block.code);
    const { text } = norm;
    let partStart = 0;
    while (partStart <= text.length) {
      let partEnd = text.indexOf(HARD_BREAK, partStart);
      if (partEnd === -1) partEnd = text.length;
      const bounds = [partStart, ...sentenceCuts(text, partStart, partEnd, norm.code), partEnd];
      for (let k = 0; k + 1 < bounds.length; k++) {
        let s = bounds[k] ?? 0;
        let e = bounds[k + 1] ?? 0;
        while (s < e && text[s] === " ") s++;
        while (e > s && text[e - 1] === " ") e--;
        if (e <= s) continue;
        out.push({
          text: text.slice(s, e),
          code: relative(norm.code, s, e),
          hidden: relative(norm.hidden, s, e),
          line: block.line,
          block: index,
        });
      }
      partStart = partEnd + 1;
    }
  });
  return out;
}
