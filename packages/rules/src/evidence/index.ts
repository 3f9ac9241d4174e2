/**
 * Negation- and hypothesis-aware evidence in answer text (docs/evidence.md): behind the expression
 * functions `mentions(q, terms)` and `negated(q, terms)`. See docs/evidence.md.
 */
import type { TextBlock } from "@mlops-report/core";
import {
  type AnalysedSentence,
  type AnswerSentences,
  answerSentences,
  clauseAt,
  opensPast,
  personalClauses,
} from "./analyse.js";
import {
  applyFailures,
  continuedHypotheses,
  GENERIC_BENEFIT,
  hypotheticalListSentences,
  isGenericBenefit,
} from "./discourse.js";
import { compileTerm, type Term } from "./terms.js";

export { FAILED_ATTEMPT, GENERIC_BENEFIT, HYPOTHETICAL_LIST } from "./discourse.js";
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

/**
 * Whether a hit's cue makes it a general statement: neither a description of work done nor a plan or attempt
 * of it, so no hedge either.
 */
export function isGenericCue(cue: string | undefined): boolean {
  return cue === GENERIC_AFTER_DENIAL || cue === GENERIC_BENEFIT;
}
/** The cue of a denial about one of several things ("one of our workflows does not use X"). */
export const PARTIAL_DENIAL = "denies it of one of several";
/** The cue of a denial of an extra built on the term ("we lacked the time for a dedicated X service"). */
export const MISSING_EXTRA = "denies an extra, not the thing itself";

/**
 * Between a negation and the term: a verb of another action, its object, then "in"/"inside"/"within" and the
 * place. The term is where the action failed, so the group used it ("we could not filter the logs in the X
 * dashboard"). Verbs of doing the item itself are left out:
 * "we did not store data in a bucket" still denies the bucket.
 */
const PLACE = String.raw`(?:in|inside|within)`;
const PLACE_OF_FAILURE = new RegExp(
  String.raw`^\s+(?!(?:use|deploy|host|run|store|save|upload|train|set|implement|build|integrate|include|put|keep|create|add)\b)\p{L}+\s+(?:(?:the|those|these|our|some|any|all|its|their)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+${PLACE}\s+(?:(?:the|our|its|their)\s+)?(?:[\p{L}-]+\s+){0,2}$`,
  "iu",
);

/** Words that make the denied thing an extra or a variant: "a dedicated drift service", "formal load tests". */
const QUALIFIER = String.raw`\b(?:dedicated|separate|standalone|stand-alone|additional|extra|advanced|custom|full|fully|complete|proper|extensive|formal|thorough|comprehensive|sophisticated)`;
const EXTRA_QUALIFIER = new RegExp(String.raw`${QUALIFIER}\s+(?:[\p{L}-]+\s+){0,2}$`, "iu");

/**
 * The word each of the two patterns above cannot match without, with the same flags but no `\p{L}`: compiling
 * a case-insensitive `\p{L}` costs a cold run about a millisecond a pattern (measured), and most denials hold
 * neither a place nor a qualifier, so that the patterns are then never compiled.
 */
const PLACE_WORD = new RegExp(String.raw`\s${PLACE}\s`, "iu");
const QUALIFIER_WORD = new RegExp(String.raw`${QUALIFIER}\s`, "iu");

/**
 * A hit as found, with the index of its block in place of a line: it holds wherever the answer sits in the
 * report, so that a kept one stays right when lines are added above the answer (see `EvidenceStore`).
 */
export interface BlockHit extends Omit<EvidenceHit, "line"> {
  block: number;
}

interface LocatedHit extends BlockHit {
  index: number;
  start: number;
  end: number;
}

/** Splits the blocks into sentences (§4.2), in order. */
export function splitSentences(blocks: readonly TextBlock[]): Sentence[] {
  return answerSentences(blocks).raw.map((s) => ({ text: s.text, line: s.line, block: s.block }));
}

function classify(s: AnalysedSentence, start: number): { status: EvidenceStatus; cue?: string } {
  const scope = s.negations.find((n) => start >= n.start && start < n.end);
  if (scope) {
    // A denial stays a denial unless a hypothesis shares its clause ("we would not want X").
    const hypothesis = s.clauses[clauseAt(s.clauses, start)]?.hypothesis ?? scope.hypothesis;
    if (hypothesis) return { status: "hypothetical", cue: hypothesis };
    if (scope.partial) return { status: "hypothetical", cue: PARTIAL_DENIAL };
    const denied = s.cueText.slice(scope.start, start);
    if (scope.reach === "after" && PLACE_WORD.test(denied) && PLACE_OF_FAILURE.test(denied))
      return { status: "asserted" };
    if (scope.reach !== "phrase" && QUALIFIER_WORD.test(denied) && EXTRA_QUALIFIER.test(denied))
      return { status: "hypothetical", cue: MISSING_EXTRA };
    return { status: "negated", cue: scope.cue };
  }
  // Without a hypothesis or an attempt in the sentence, its clauses cannot make a term anything but asserted.
  if (s.hypothesisCue === null && !s.attempted) return { status: "asserted" };
  const ci = clauseAt(s.clauses, start);
  const clause = s.clauses[ci];
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
  if (opensPast(s)) return true;
  const ci = clauseAt(s.clauses, start);
  const personal = personalClauses(s);
  return s.clauses.some((c, k) => personal[k] === true && (k === ci || !c.subordinate));
}

/**
 * §4.4 "Generic statements after a denial": when the answer opens with a denial, or the first sentence with a
 * term denies it, later present-tense impersonal assertions ("X allows tracking …") count for nothing.
 */
function applyGenericRule(sentences: AnswerSentences, hits: LocatedHit[]): void {
  // Only an asserted hit after the first sentence can be discarded (a denial is at sentence 0 or later): without
  // one there is nothing to decide, and the first sentence need not be analysed.
  if (!hits.some((h) => h.index > 0 && h.status === "asserted")) return;
  let denialAt = -1;
  if (sentences.sentence(0).denial) denialAt = 0;
  else {
    const first = hits[0]?.index;
    const inFirst = hits.filter((h) => h.index === first);
    const denies =
      inFirst.some((h) => h.status === "negated") && !inFirst.some((h) => h.status === "asserted");
    if (first !== undefined && denies) denialAt = first;
  }
  if (denialAt < 0) return;
  for (const hit of hits) {
    if (hit.index <= denialAt || hit.status !== "asserted") continue;
    if (isPersonal(sentences.sentence(hit.index), hit.start)) continue;
    hit.status = "hypothetical";
    hit.cue = GENERIC_AFTER_DENIAL;
  }
}

/**
 * The readings that reach past the sentence (see `discourse.ts`): an assertion in an item of a hypothetical list
 * or a fragment going on a hypothesis, in a general statement of what the work is good for, or before a sentence telling that it failed, is no
 * description of work done.
 */
function applyDiscourse(sentences: AnswerSentences, blocks: readonly TextBlock[], hits: LocatedHit[]): void {
  if (!hits.some((h) => h.status === "asserted")) return;
  const listed = hypotheticalListSentences(sentences, blocks);
  for (const [index, cue] of continuedHypotheses(sentences)) if (!listed.has(index)) listed.set(index, cue);
  for (const hit of hits) {
    if (hit.status !== "asserted") continue;
    const cue = listed.get(hit.index);
    if (cue !== undefined) {
      hit.status = "hypothetical";
      hit.cue = cue;
    } else if (
      isGenericBenefit(sentences, hit.index) &&
      !isPersonal(sentences.sentence(hit.index), hit.start)
    ) {
      hit.status = "hypothetical";
      hit.cue = GENERIC_BENEFIT;
    }
  }
  applyFailures(sentences, hits);
}

/** Every occurrence of any term in the blocks, classified, in text order. */
export function findEvidence(blocks: readonly TextBlock[], terms: readonly Term[]): EvidenceHit[] {
  return withLines(blockHits(blocks, terms), blocks);
}

/** The hits with their lines: the line of a hit is that of its block. */
export function withLines(hits: readonly BlockHit[], blocks: readonly TextBlock[]): EvidenceHit[] {
  return hits.map((h) => {
    const hit: EvidenceHit = {
      status: h.status,
      term: h.term,
      sentence: h.sentence,
      line: blocks[h.block]!.line,
    };
    if (h.cue !== undefined) hit.cue = h.cue;
    return hit;
  });
}

/** `findEvidence`'s hits, each with its block's index instead of its line. */
export function blockHits(blocks: readonly TextBlock[], terms: readonly Term[]): BlockHit[] {
  const regexes = terms.map(compileTerm).filter((re): re is RegExp => re !== null);
  if (regexes.length === 0) return [];
  const sentences = answerSentences(blocks);
  const hits: LocatedHit[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const termText = sentences.termTexts[index]!;
    let found: LocatedHit[] | null = null;
    for (let r = 0; r < regexes.length; r++) {
      const re = regexes[r]!;
      // Every non-empty match, without a list of them per sentence and term.
      re.lastIndex = 0;
      for (let m = re.exec(termText); m !== null; m = re.exec(termText)) {
        const text = m[0];
        if (text.length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + text.length;
        // A span matched by two terms is one hit.
        if (r > 0 && found?.some((h) => h.start === start && h.end === end)) continue;
        const { status, cue } = classify(sentences.sentence(index), start);
        const raw = sentences.raw[index]!;
        const hit: LocatedHit = {
          status,
          term: text,
          sentence: raw.text,
          block: raw.block,
          index,
          start,
          end,
        };
        if (cue !== undefined) hit.cue = cue;
        found ??= [];
        found.push(hit);
      }
      re.lastIndex = 0;
    }
    if (found === null) continue;
    found.sort((a, b) => a.start - b.start);
    hits.push(...found);
  }
  applyGenericRule(sentences, hits);
  applyDiscourse(sentences, blocks, hits);
  return hits.map((h) => {
    const hit: BlockHit = { status: h.status, term: h.term, sentence: h.sentence, block: h.block };
    if (h.cue !== undefined) hit.cue = h.cue;
    return hit;
  });
}

/** Some hit is asserted. */
export function mentions(blocks: readonly TextBlock[], terms: readonly Term[]): boolean {
  return findEvidence(blocks, terms).some((h) => h.status === "asserted");
}

/** Some hit is negated. */
export function negated(blocks: readonly TextBlock[], terms: readonly Term[]): boolean {
  return findEvidence(blocks, terms).some((h) => h.status === "negated");
}
