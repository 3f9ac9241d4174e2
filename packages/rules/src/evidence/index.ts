/**
 * Negation- and hypothesis-aware evidence in answer text (checklist-map §4): behind the expression
 * functions `mentions(q, terms)` and `negated(q, terms)`. See docs/evidence.md.
 */
import type { TextBlock } from "@mlops-report/core";
import { type AnalysedSentence, analyse, clauseAt } from "./analyse.js";
import { compileTerm, matchTerm, type Term } from "./terms.js";

export type { Term } from "./terms.js";

/** `hypothetical` means "neither asserted nor denied": hypotheses, attempts, generic statements after a denial. */
export type EvidenceStatus = "asserted" | "negated" | "hypothetical";

export interface Sentence {
  /** Normalised text: emphasis markers dropped, quotes straightened, `\%` and `$` unescaped. */
  text: string;
  /** Line of the sentence's block. */
  line: number;
  /** Index of the block in the array given. */
  block: number;
}

export interface EvidenceHit {
  status: EvidenceStatus;
  /** The text the term matched, as written in the sentence. */
  term: string;
  /** The whole (normalised) sentence. */
  sentence: string;
  line: number;
  /** The cue that decided a status other than `asserted` ("did not", "would", "tried to", …). */
  cue?: string;
}

/** The cue given to an assertion discarded by the generic-statement rule of §4.4. */
export const GENERIC_AFTER_DENIAL = "generic statement after a denial";

interface LocatedHit extends EvidenceHit {
  index: number;
  start: number;
}

/** Splits the blocks into sentences (§4.2), in order. */
export function splitSentences(blocks: readonly TextBlock[]): Sentence[] {
  return analyse(blocks).map((s) => ({ text: s.text, line: s.line, block: s.block }));
}

function classify(s: AnalysedSentence, start: number): { status: EvidenceStatus; cue?: string } {
  const ci = clauseAt(s.clauses, start);
  const clause = s.clauses[ci];
  const scope = s.negations.find((n) => start >= n.start && start < n.end);
  if (scope) {
    // A denial stays a denial unless a hypothesis shares its clause ("we would not want X").
    const hypothesis = clause?.hypothesis ?? scope.hypothesis;
    if (hypothesis) return { status: "hypothetical", cue: hypothesis };
    return { status: "negated", cue: scope.cue };
  }
  if (s.hypothesisCue !== null && ci >= s.hypothesisFrom)
    return { status: "hypothetical", cue: s.hypothesisCue };
  if (clause?.attempt && start >= clause.attempt.start)
    return { status: "hypothetical", cue: clause.attempt.text };
  return { status: "asserted" };
}

/**
 * True when the term's clause, or another clause of its sentence that is not subordinate, has a first-person
 * word or a past-tense marker, or the sentence opens with a past-tense verb. "While not needed for our data,
 * X is useful" stays impersonal: "our" sits in a subordinate clause.
 */
function isPersonal(s: AnalysedSentence, start: number): boolean {
  if (s.pastOpener) return true;
  const ci = clauseAt(s.clauses, start);
  return s.clauses.some((c, k) => c.personal && (k === ci || !c.subordinate));
}

/**
 * §4.4 "Generic statements after a denial": when the answer opens with a denial, or the first sentence with a
 * term denies it, later present-tense impersonal assertions ("X allows tracking …") count for nothing.
 */
function applyGenericRule(sentences: readonly AnalysedSentence[], hits: LocatedHit[]): void {
  let denialAt = -1;
  if (sentences[0]?.denial) denialAt = 0;
  else {
    const first = hits[0]?.index;
    const inFirst = hits.filter((h) => h.index === first);
    const denies =
      inFirst.some((h) => h.status === "negated") && !inFirst.some((h) => h.status === "asserted");
    if (first !== undefined && denies) denialAt = first;
  }
  if (denialAt < 0) return;
  for (const hit of hits) {
    const s = sentences[hit.index];
    if (hit.index <= denialAt || hit.status !== "asserted" || !s || isPersonal(s, hit.start)) continue;
    hit.status = "hypothetical";
    hit.cue = GENERIC_AFTER_DENIAL;
  }
}

/** Every occurrence of any term in the blocks, classified, in text order. */
export function findEvidence(blocks: readonly TextBlock[], terms: readonly Term[]): EvidenceHit[] {
  const regexes = terms.map(compileTerm).filter((re): re is RegExp => re !== null);
  if (regexes.length === 0) return [];
  const sentences = analyse(blocks);
  const hits: LocatedHit[] = [];
  sentences.forEach((s, index) => {
    const found: LocatedHit[] = [];
    // A span matched by two terms is one hit.
    const seen = new Set<string>();
    for (const re of regexes) {
      for (const m of matchTerm(re, s.termText)) {
        const key = `${m.start}:${m.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { status, cue } = classify(s, m.start);
        const hit: LocatedHit = {
          status,
          term: m.text,
          sentence: s.text,
          line: s.line,
          index,
          start: m.start,
        };
        if (cue !== undefined) hit.cue = cue;
        found.push(hit);
      }
    }
    found.sort((a, b) => a.start - b.start);
    hits.push(...found);
  });
  applyGenericRule(sentences, hits);
  return hits.map(({ index: _index, start: _start, ...hit }) => hit);
}

/** Some hit is asserted. */
export function mentions(blocks: readonly TextBlock[], terms: readonly Term[]): boolean {
  return findEvidence(blocks, terms).some((h) => h.status === "asserted");
}

/** Some hit is negated. */
export function negated(blocks: readonly TextBlock[], terms: readonly Term[]): boolean {
  return findEvidence(blocks, terms).some((h) => h.status === "negated");
}
