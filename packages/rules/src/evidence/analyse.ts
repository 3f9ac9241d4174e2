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
  opensWithPastVerb,
  PAST_MARKER,
  phraseEnd,
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
}

export interface AnalysedClause extends Clause {
  /** The hypothesis cue in this clause, if any. */
  hypothesis: string | null;
  /** The first attempt cue in this clause: it covers the rest of the clause. */
  attempt: CueMatch | null;
  /** Has a first-person word or a past-tense marker. */
  personal: boolean;
}

export interface AnalysedSentence extends RawSentence {
  /** The text that terms are matched against: images written in code are blanked. */
  termText: string;
  clauses: AnalysedClause[];
  negations: NegationScope[];
  /** Index of the first hypothetical clause: it and every later clause are hypothetical. */
  hypothesisFrom: number;
  /** The cue that makes clause `hypothesisFrom` hypothetical. */
  hypothesisCue: string | null;
  /** Opens with a past-tense verb ("Implemented a …"). */
  pastOpener: boolean;
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

/** Index of the clause holding offset `at` (the last clause for an offset at the very end). */
export function clauseAt(clauses: readonly Clause[], at: number): number {
  const i = clauses.findIndex((c) => at >= c.start && at < c.end);
  return i === -1 ? Math.max(0, clauses.length - 1) : i;
}

function scopeOf(text: string, cue: NegationCue, clause: AnalysedClause): NegationScope {
  const [lo, hi] = parenBounds(text, clause.start, clause.end, cue.start);
  const common = { cue: cue.text, hypothesis: clause.hypothesis };
  if (cue.reach === "clause") return { start: subjectStart(text, lo, cue.start), end: hi, ...common };
  if (cue.reach === "phrase") return { start: cue.end, end: phraseEnd(text, cue.end, hi), ...common };
  return { start: cue.end, end: hi, ...common };
}

function firstIn(cues: readonly CueMatch[], clause: Clause): CueMatch | null {
  return cues.find((c) => c.start >= clause.start && c.start < clause.end) ?? null;
}

function analyseSentence(raw: RawSentence, opensAnswer: boolean): AnalysedSentence {
  const cueText = blank(raw.text, raw.code, NON_SPACE, "x");
  const termText = blank(raw.text, raw.hidden, ANY, " ");
  const cues = findCues(cueText);
  const plain = splitClauses(cueText, cues.negations, cues.protectedSpans);
  const clauses: AnalysedClause[] = plain.map((c) => {
    const body = cueText.slice(c.start, c.end);
    return {
      ...c,
      hypothesis: firstIn(cues.hypotheses, c)?.text ?? null,
      attempt: firstIn(cues.attempts, c),
      personal: hasFirstPerson(body) || PAST_MARKER.test(body),
    };
  });
  const negations: NegationScope[] = [];
  const lead = clauses[0];
  for (const cue of cues.negations) {
    const at = clauseAt(clauses, cue.start);
    const clause = clauses[at];
    if (!clause) continue;
    negations.push(scopeOf(cueText, cue, clause));
    // A leading topic belongs to the main clause: "As for sweeps, we never …" denies sweeps.
    if (at === 1 && lead?.topic && cue.reach !== "phrase") {
      negations.push({ start: lead.start, end: lead.end, cue: cue.text, hypothesis: clause.hypothesis });
    }
  }
  let hypothesisFrom = clauses.findIndex((c) => c.hypothesis !== null);
  if (hypothesisFrom === -1) hypothesisFrom = clauses.length;
  const hypothesisCue = clauses[hypothesisFrom]?.hypothesis ?? null;
  // A leading topic or condition shares the hypothesis of the clause after it:
  // "To stress the API, we would …", "If we moved the API, scaling would be …".
  if (hypothesisCue !== null && hypothesisFrom === 1 && (lead?.topic || lead?.conditional))
    hypothesisFrom = 0;

  let denial = cues.negations.some(
    (n) => n.reach !== "phrase" && clauseAt(clauses, n.start) < hypothesisFrom,
  );
  const no = opensAnswer ? ANSWER_NO.exec(cueText) : null;
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
    });
    denial = true;
  }
  return {
    ...raw,
    termText,
    clauses,
    negations,
    hypothesisFrom,
    hypothesisCue,
    pastOpener: opensWithPastVerb(cueText),
    denial,
  };
}

const cache = new WeakMap<readonly TextBlock[], AnalysedSentence[]>();

/** Analyses an answer's blocks; the result is cached for the same array. */
export function analyse(blocks: readonly TextBlock[]): AnalysedSentence[] {
  const hit = cache.get(blocks);
  if (hit) return hit;
  const sentences = rawSentences(blocks).map((raw, i) => analyseSentence(raw, i === 0));
  cache.set(blocks, sentences);
  return sentences;
}
