import type { TextBlock } from "@mlops-report/core";
import { findEvidence, type Term } from "@mlops-report/rules";

/** A synthetic block. Inline code is written between backticks, which are removed as core removes them. */
export function block(source: string, line = 1, kind: TextBlock["kind"] = "paragraph"): TextBlock {
  const code: [number, number][] = [];
  let text = "";
  const parts = source.split("`");
  parts.forEach((part, i) => {
    if (i % 2 === 1) code.push([text.length, text.length + part.length]);
    text += part;
  });
  return { kind, text, line, column: 1, code };
}

/** One paragraph block per argument, on lines 1, 3, 5, … */
export function answer(...paragraphs: string[]): TextBlock[] {
  return paragraphs.map((p, i) => block(p, 1 + 2 * i));
}

/** `[matched text, status]` of every hit, in order. */
export function statuses(blocks: readonly TextBlock[], terms: readonly Term[]): [string, string][] {
  return findEvidence(blocks, terms).map((h) => [h.term, h.status]);
}

/** The same for a one-paragraph answer. */
export function classify(text: string, terms: readonly Term[]): [string, string][] {
  return statuses([block(text)], terms);
}

/** `[matched text, status, cue]` of every hit, in order. */
export function cues(
  blocks: readonly TextBlock[],
  terms: readonly Term[],
): [string, string, string | undefined][] {
  return findEvidence(blocks, terms).map((h) => [h.term, h.status, h.cue]);
}
