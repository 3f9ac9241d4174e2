/**
 * Readings that reach past one sentence (docs/evidence.md): what a sentence says of the work named in another. A
 * failure told in the next sentence ("We tried X. It never completed.") undoes the attempt before it; a list
 * introduced by a hypothesis ("Monitoring would allow us to:") stays a hypothesis item after item; a sentence
 * that only praises what the work is good for ("monitoring helps measure drift") describes nothing done.
 */
import type { TextBlock } from "@mlops-report/core";
import { type AnswerSentences, clauseAt } from "./analyse.js";
import { hasFirstPerson, PAST_MARKER } from "./cues.js";

/** The cue of a term whose work a later failure sentence undoes. */
export const FAILED_ATTEMPT = "a failure told after it";
/** The cue of a term in an item of a list that a hypothesis introduces. */
export const HYPOTHETICAL_LIST = "a list introduced by a hypothesis";
/** The cue of a term in an impersonal sentence about what the work is good for. */
export const GENERIC_BENEFIT = "a general statement of what it is good for";

/** What a hit must say for these readings: where it is, and how it is read so far. */
export interface DiscourseHit {
  index: number;
  start: number;
  status: "asserted" | "negated" | "hypothetical";
  cue?: string;
}

/** Work that did not come off: it never ran, failed, crashed, was given up. */
const FAILURE =
  /\b(?:never|not|n't|unable\s+to)\s+(?:\w+\s+)?(?:complete[ds]?|finish(?:ed)?|work(?:ed|ing)?|succeed(?:ed)?|succes?sful|run|ran|start(?:ed)?|converge[ds]?)\b|\bfail(?:ed|s|ing|ure)?\b|\bunsuccessful(?:ly)?\b|\bwithout\s+success\b|\bto\s+no\s+avail\b|\bcrash(?:ed|es|ing)?\b|\bg[ai]ve\s+up\b|\bkept\s+(?:failing|crashing|breaking)\b|\btimed\s+out\b/i;
/** A failure that was overcome, or only at first, is no failure of the work. */
const RECOVERY =
  /\b(?:fixed|solved|resolved|managed|succeeded|eventually|finally|at\s+first|initially|in\s+the\s+beginning|until|after\s+(?:some|a\s+few|several))\b/i;
/**
 * A sentence whose subject points back at the work just named: a pronoun, or "the job", "the run"… ("It never
 * completed.", "Unfortunately, the jobs kept failing."), or the group failing to get it going.
 */
const BACK_REFERENCE =
  /^\W*(?:(?:unfortunately|sadly|however|but|yet|ultimately|again|then|in\s+the\s+end)\W+)*(?:it|this|that|these|those|they|the\s+(?:\w+\s+)?(?:jobs?|runs?|training|attempts?|process|builds?|deployments?|containers?|images?|pipelines?|scripts?|setup|experiments?|workflows?|services?|instances?|vms?))\b|^\W*(?:(?:unfortunately|sadly|however|but)\W+)*(?:we|i)\s+(?:could\s+not|couldn't|did\s+not|didn't|never|were\s+unable\s+to|was\s+unable\s+to)\s+(?:get|make)\s+(?:it|this|that|them)\b/i;
/** How many sentences back a failure reaches: the attempt it undoes is told just before it. */
const FAILURE_REACH = 2;

/** Whether a sentence tells that the work just named failed, and did not come off later. */
function tellsFailure(text: string): boolean {
  return BACK_REFERENCE.test(text) && FAILURE.test(text) && !RECOVERY.test(text);
}

/**
 * A sentence without the item's terms that tells a failure of the work just named undoes the assertions of the
 * sentences before it in the same paragraph, up to the last one that named the item.
 */
export function applyFailures(sentences: AnswerSentences, hits: DiscourseHit[]): void {
  const withHits = new Set(hits.map((h) => h.index));
  for (let j = 1; j < sentences.length; j++) {
    if (withHits.has(j)) continue;
    const block = sentences.raw[j]!.block;
    let named = -1;
    for (let k = j - 1; k >= Math.max(0, j - FAILURE_REACH) && sentences.raw[k]!.block === block; k--)
      if (withHits.has(k)) {
        named = k;
        break;
      }
    if (named < 0 || !tellsFailure(sentences.sentence(j).cueText)) continue;
    for (const hit of hits) {
      if (hit.index !== named || hit.status !== "asserted") continue;
      hit.status = "hypothetical";
      hit.cue = FAILED_ATTEMPT;
    }
  }
}

/** A sentence that is a fragment of the one before: a means with no clause of its own ("By tracking drift."). */
const MEANS_FRAGMENT = /^\W*(?:by|through|via)\s+[a-z]+ing\b/i;

/**
 * The fragments (by index) that go on a sentence ending in a hypothesis in the same paragraph, with its cue:
 * "If we had monitoring, it would be vital. By tracking drift over time." says nothing was tracked.
 */
export function continuedHypotheses(sentences: AnswerSentences): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 1; i < sentences.length; i++) {
    const raw = sentences.raw[i]!;
    if (!MEANS_FRAGMENT.test(raw.text) || sentences.raw[i - 1]!.block !== raw.block) continue;
    const s = sentences.sentence(i);
    if (hasFirstPerson(s.cueText)) continue;
    const before = sentences.sentence(i - 1);
    const cue =
      out.get(i - 1) ?? (before.hypothesisFrom < before.clauses.length ? before.hypothesisCue : null);
    if (cue !== null) out.set(i, cue);
  }
  return out;
}

/** Where a list's introduction ends: a colon at the end of the sentence, or before its first item. */
const LIST_COLON = /:\s*(?:\d{1,2}[.)](?:\s|$)|[-*•]\s|$)/;

/**
 * The sentences (by index) of the lists that a hypothetical introduction opens ("Monitoring would allow us to:",
 * "If we had more time we would:"), with the introduction's cue: the rest of the paragraph after the colon, and
 * the list items right after the paragraph. The rest of the introduction's own sentence is hypothetical already.
 */
export function hypotheticalListSentences(
  sentences: AnswerSentences,
  blocks: readonly TextBlock[],
): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < sentences.length; i++) {
    const raw = sentences.raw[i]!;
    const colon = raw.text.search(LIST_COLON);
    if (colon < 0) continue;
    const s = sentences.sentence(i);
    if (s.hypothesisCue === null || clauseAt(s.clauses, colon) < s.hypothesisFrom) continue;
    let k = i + 1;
    while (k < sentences.length && sentences.raw[k]!.block === raw.block) out.set(k++, s.hypothesisCue);
    let block = raw.block;
    for (; k < sentences.length; k++) {
      const b = sentences.raw[k]!.block;
      if ((b !== block && b !== block + 1) || blocks[b]?.kind !== "list-item") break;
      block = b;
      out.set(k, s.hypothesisCue);
    }
  }
  return out;
}

/** What the work is good for, said in the present: "helps", "allows", "enables", "is useful for". */
const BENEFIT =
  /\b(?:helps?|allows?|enables?|lets|makes?\s+it\s+(?:possible|easier)|(?:is|are)\s+(?:useful|helpful|important|essential|crucial|vital|key|valuable|beneficial)|provides?\s+(?:a\s+way|the\s+ability|insights?)|can\s+(?:help|be\s+used))\b/i;

/** A subject that points back at what the group just described: "This enables …", "It lets …". */
const POINTS_BACK = /^\W*(?:this|that|these|those|it|they|which|here)\b/i;

/**
 * An assertion in a sentence that says only what the work is good for, with no first-person word and no past
 * tense ("Monitoring helps measure drift"), describes nothing the group did; one whose subject points back at
 * the group's work ("This enables drift detection") still describes that work.
 */
export function isGenericBenefit(sentences: AnswerSentences, index: number): boolean {
  const s = sentences.sentence(index);
  return (
    BENEFIT.test(s.cueText) &&
    !POINTS_BACK.test(s.cueText) &&
    !hasFirstPerson(s.cueText) &&
    !PAST_MARKER.test(s.cueText)
  );
}
