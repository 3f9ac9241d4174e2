/**
 * Term-independent analysis of an answer: sentences, clauses, negation scopes, hypotheses and attempts.
 * Cached per blocks array, since every rule asks about the same answers with different terms.
 */
import type { TextBlock } from "@mlops-report/core";
import { type Clause, splitClauses } from "./clauses.js";
import {
  ANSWER_NO,
  type CueMatch,
  findCues,
  hasFirstPerson,
  type NegationCue,
  type NegationReach,
  opensWithPastVerb,
  PAST_MARKER,
  phraseEnd,
  type SentenceCues,
} from "./cues.js";
import type { Span } from "./normalize.js";
import { type RawSentence, rawSentences } from "./sentences.js";

export interface NegationScope {
  /** [start, end) in the sentence: a term that starts inside is denied. */
  start: number;
  end: number;
  cue: string;
  /** The hypothesis cue of the clause the denial sits in ("we would not want X"), if any. */
  hypothesis: string | null;
  /** The denial is about one of several things ("one of our workflows does not use X"): no denial of X. */
  partial: boolean;
  /** "phrase" for a noun-phrase cue ("no X", "without X"), which an extra's qualifier does not hedge. */
  reach: NegationReach;
}

export interface AnalysedClause extends Clause {
  /** The hypothesis cue in this clause, if any. */
  hypothesis: string | null;
  /** The first attempt cue in this clause: it covers the rest of the clause. */
  attempt: CueMatch | null;
}

/** What a sentence's cues make of it; its text and line stay in its `RawSentence`. */
export interface AnalysedSentence {
  /** The text that cues are matched against: inline code masked. */
  cueText: string;
  clauses: AnalysedClause[];
  negations: NegationScope[];
  /** Index of the first hypothetical clause: it and every later clause are hypothetical. */
  hypothesisFrom: number;
  /** The cue that makes clause `hypothesisFrom` hypothetical. */
  hypothesisCue: string | null;
  /** Some attempt cue is in the sentence (else no clause has an `attempt`). */
  attempted: boolean;
  /**
   * Per clause: has a first-person word or a past-tense marker. Only the generic-statement rule asks, for few
   * sentences, so it is left out until `personalClauses` is called.
   */
  personal?: boolean[];
  /** Opens with a past-tense verb ("Implemented a …"); left out until `opensPast` is called. */
  pastOpener?: boolean;
  /** Holds a denial outside any hypothesis, or opens the answer with "No,". */
  denial: boolean;
}

const NON_SPACE = /[^ ]/g;
const ANY = /[\s\S]/g;

/** Replaces every UTF-16 unit of the spans that `pattern` matches by `by`, keeping offsets. */
function blank(text: string, spans: readonly Span[], pattern: RegExp, by: string): string {
  if (spans.length === 0) return text;
  let out = "";
  let pos = 0;
  for (const [a, b] of spans) {
    out += text.slice(pos, a) + text.slice(a, b).replace(pattern, by);
    pos = b;
  }
  return out + text.slice(pos);
}

/** The parenthetical around `at` inside [lo, hi): a negation inside "( … )" stops at ")". */
function parenBounds(text: string, lo: number, hi: number, at: number): [number, number] {
  let depth = 0;
  let open = lo;
  for (let i = at - 1; i >= lo; i--) {
    const c = text[i];
    if (c === ")") depth++;
    else if (c === "(") {
      if (depth === 0) {
        open = i + 1;
        break;
      }
      depth--;
    }
  }
  if (open === lo) return [lo, hi];
  const close = text.indexOf(")", at);
  return [open, close === -1 || close > hi ? hi : close];
}

/** Words before which the subject of a passive denial cannot start ("checked that the queue was not …"). */
const SUBJECT_FENCE =
  /,|\b(?:that|which|who|whom|where|when|because|since|so|but|if|while|whereas|although|though|unless|whether)\b/gi;

/** Where the subject of a passive denial at `cue` starts: after the last comma or clause word before it. */
function subjectStart(text: string, lo: number, cue: number): number {
  let start = lo;
  const before = text.slice(lo, cue);
  SUBJECT_FENCE.lastIndex = 0;
  for (let m = SUBJECT_FENCE.exec(before); m; m = SUBJECT_FENCE.exec(before))
    start = lo + m.index + m[0].length;
  return start;
}

/** A subject that names one of several things: "one of our workflows", "some jobs", "the second workflow". */
const PARTIAL_SUBJECT =
  /^\W*(?:(?:one|some|several|a\s+few|two|three|most|many|half|parts?)\s+of\b|(?:one|another|some)\s+\p{L}+|the\s+(?:other|first|second|third|last)\b)/iu;
/**
 * A word every match of PARTIAL_SUBJECT holds, with its flags but without its `\W` and `\p{L}`, which V8 is slow
 * to compile case-insensitively (about a millisecond, measured): most subjects hold none of these words, and the
 * full pattern is then never compiled.
 */
const PARTIAL_WORD = /one|some|several|few|two|three|most|many|half|part|other|first|second|third|last/iu;

/** A denial that names its own exception ("we used no config files apart from the sweep's") denies only part. */
const EXCEPTION = /\b(?:apart\s+from|except(?:\s+for)?|other\s+than|besides|save\s+for|aside\s+from)\b/i;

/** A counterfactual perfect's cue ("would have saved"), as against "out of scope", the other whole-clause cue. */
const COUNTERFACTUAL_CUE = /^(?:could|would)\s+have\b/i;

/** Index of the clause holding offset `at` (the last clause for an offset at the very end). */
export function clauseAt(clauses: readonly Clause[], at: number): number {
  const i = clauses.findIndex((c) => at >= c.start && at < c.end);
  return i === -1 ? Math.max(0, clauses.length - 1) : i;
}

function scopeOf(text: string, cue: NegationCue, clause: AnalysedClause): NegationScope {
  const [lo, hi] = parenBounds(text, clause.start, clause.end, cue.start);
  const subject = subjectStart(text, lo, cue.start);
  const named = text.slice(subject, cue.start);
  const partial =
    cue.reach !== "phrase" &&
    ((PARTIAL_WORD.test(named) && PARTIAL_SUBJECT.test(named)) || EXCEPTION.test(text.slice(cue.end, hi)));
  const common = { cue: cue.text, hypothesis: clause.hypothesis, partial, reach: cue.reach };
  if (cue.reach === "clause") return { start: subject, end: hi, ...common };
  if (cue.reach === "phrase") return { start: cue.end, end: phraseEnd(text, cue.end, hi), ...common };
  return { start: cue.end, end: hi, ...common };
}

function firstIn(cues: readonly CueMatch[], clause: Clause): CueMatch | null {
  return cues.find((c) => c.start >= clause.start && c.start < clause.end) ?? null;
}

function clausesOf(cueText: string, cues: SentenceCues): AnalysedClause[] {
  return splitClauses(cueText, cues.negations, cues.protectedSpans).map((c) => ({
    start: c.start,
    end: c.end,
    subordinate: c.subordinate,
    contrast: c.contrast,
    instead: c.instead,
    topic: c.topic,
    conditional: c.conditional,
    hypothesis: firstIn(cues.hypotheses, c)?.text ?? null,
    attempt: firstIn(cues.attempts, c),
  }));
}

/**
 * A sentence without any cue (most sentences with a term): every term in it is asserted whatever its clauses,
 * so they are split only if the generic-statement rule asks whether a clause is personal.
 */
function plainSentence(cueText: string, cues: SentenceCues): AnalysedSentence {
  let clauses: AnalysedClause[] | undefined;
  return {
    cueText,
    get clauses(): AnalysedClause[] {
      clauses ??= clausesOf(cueText, cues);
      return clauses;
    },
    negations: [],
    get hypothesisFrom(): number {
      return this.clauses.length;
    },
    hypothesisCue: null,
    attempted: false,
    denial: false,
  };
}

function analyseSentence(raw: RawSentence, opensAnswer: boolean): AnalysedSentence {
  const cueText = blank(raw.text, raw.code, NON_SPACE, "x");
  const cues = findCues(cueText);
  const no = opensAnswer ? ANSWER_NO.exec(cueText) : null;
  if (!no && cues.negations.length === 0 && cues.hypotheses.length === 0 && cues.attempts.length === 0)
    return plainSentence(cueText, cues);
  const clauses = clausesOf(cueText, cues);
  const negations: NegationScope[] = [];
  /** Clause-wide denials that are not about one of several things: what makes the sentence a denial. */
  const plainDenials: number[] = [];
  const lead = clauses[0];
  for (const cue of cues.negations) {
    const at = clauseAt(clauses, cue.start);
    const clause = clauses[at];
    if (!clause) continue;
    const scope = scopeOf(cueText, cue, clause);
    negations.push(scope);
    if (cue.reach !== "phrase" && !scope.partial) plainDenials.push(at);
    // A leading topic belongs to the main clause: "As for sweeps, we never …" denies sweeps; a denial inside a
    // parenthetical of that clause ("(our laptops have no GPU)") says nothing of the topic.
    const bare = parenBounds(cueText, clause.start, clause.end, cue.start)[0] === clause.start;
    if (at === 1 && lead?.topic && cue.reach !== "phrase" && bare) {
      negations.push({
        start: lead.start,
        end: lead.end,
        cue: cue.text,
        hypothesis: clause.hypothesis,
        partial: false,
        reach: cue.reach,
      });
    }
  }
  let hypothesisFrom = clauses.findIndex((c) => c.hypothesis !== null);
  if (hypothesisFrom === -1) hypothesisFrom = clauses.length;
  let hypothesisCue = clauses[hypothesisFrom]?.hypothesis ?? null;
  // What follows a counterfactual in its sentence is said of the same unreal case: "monitoring would have saved
  // us trouble, as it allows us to track …" describes nothing done.
  const counterfactual = cues.negations.find((n) => n.reach === "clause" && COUNTERFACTUAL_CUE.test(n.text));
  if (counterfactual) {
    const after = clauseAt(clauses, counterfactual.start) + 1;
    if (after < hypothesisFrom) {
      hypothesisFrom = after;
      hypothesisCue = counterfactual.text;
    }
  }
  // A leading topic or condition shares the hypothesis of the clause after it:
  // "To stress the API, we would …", "If we moved the API, scaling would be …".
  if (hypothesisCue !== null && hypothesisFrom === 1 && (lead?.topic || lead?.conditional))
    hypothesisFrom = 0;

  let denial = plainDenials.some((at) => at < hypothesisFrom);
  if (no) {
    // "No, …" denies up to the first contrast ("No, but we …") or asserted replacement ("…, instead …").
    const from = clauseAt(clauses, no[0].length - 1);
    let end = clauses[from]?.end ?? cueText.length;
    for (let k = from + 1; k < clauses.length; k++) {
      const c = clauses[k];
      if (!c || c.contrast || c.instead) break;
      end = c.end;
    }
    negations.push({
      start: no[0].length,
      end,
      cue: no[1] ?? "No",
      hypothesis: clauses[from]?.hypothesis ?? null,
      partial: false,
      reach: "clause",
    });
    denial = true;
  }
  return {
    cueText,
    clauses,
    negations,
    hypothesisFrom,
    hypothesisCue,
    attempted: cues.attempts.length > 0,
    denial,
  };
}

/** Per clause of the sentence: has a first-person word or a past-tense marker. */
export function personalClauses(s: AnalysedSentence): readonly boolean[] {
  s.personal ??= s.clauses.map((c) => {
    const body = s.cueText.slice(c.start, c.end);
    return hasFirstPerson(body) || PAST_MARKER.test(body);
  });
  return s.personal;
}

/** The sentence opens with a past-tense verb ("Implemented a …"). */
export function opensPast(s: AnalysedSentence): boolean {
  s.pastOpener ??= opensWithPastVerb(s.cueText);
  return s.pastOpener;
}

/**
 * An answer's sentences, split and normalised up front (terms are matched against their `termText`); the
 * cue and clause analysis of a sentence is done the first time it is asked for, which is only for sentences
 * that hold a term: most sentences of an answer never do.
 */
export class AnswerSentences {
  readonly raw: readonly RawSentence[];
  /** Per sentence: the text that terms are matched against (images written in code blanked). */
  readonly termTexts: readonly string[];
  private readonly analysed: (AnalysedSentence | undefined)[];

  constructor(blocks: readonly TextBlock[]) {
    this.raw = rawSentences(blocks);
    this.termTexts = this.raw.map((r) => blank(r.text, r.hidden, ANY, " "));
    this.analysed = new Array(this.raw.length);
  }

  get length(): number {
    return this.raw.length;
  }

  /** The analysis of sentence `i` (0 <= i < length). */
  sentence(i: number): AnalysedSentence {
    let s = this.analysed[i];
    if (s === undefined) {
      s = analyseSentence(this.raw[i]!, i === 0);
      this.analysed[i] = s;
    }
    return s;
  }
}

const cache = new WeakMap<readonly TextBlock[], AnswerSentences>();

/** The sentences of an answer's blocks; cached for the same array, so each is analysed at most once. */
export function answerSentences(blocks: readonly TextBlock[]): AnswerSentences {
  let hit = cache.get(blocks);
  if (!hit) {
    hit = new AnswerSentences(blocks);
    cache.set(blocks, hit);
  }
  return hit;
}
