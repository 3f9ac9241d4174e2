/**
 * Cue phrases (docs/evidence.md), compiled once. All patterns run on a sentence's cue text: normalised prose
 * with inline code masked, so that `--no-cache` or `if not x` inside code never reads as a cue.
 */

/** How far a negation reaches inside its clause. */
export type NegationReach =
  /** The rest of the clause after the cue ("we did not use X"). */
  | "after"
  /** The whole clause, subject included ("X was not used", "X was out of scope"). */
  | "clause"
  /** The next noun phrase only, about four words ("no X", "without X", "instead of X"). */
  | "phrase";

export interface CueMatch {
  start: number;
  end: number;
  /** The cue as written (normalised). */
  text: string;
}

export interface NegationCue extends CueMatch {
  reach: NegationReach;
}

/** Phrases that look like negations but are not (§4.4 "Not negation"). */
const NOT_NEGATION = new RegExp(
  [
    String.raw`\bnot\s+(?:only|just|necessarily|sure|least|too|including|counting)\b`,
    // "setting it up was not hard": an evaluation, not a denial of the work.
    String.raw`\bnot\s+(?:(?:very|that|so|overly|particularly)\s+)?(?:difficult|hard|easy|trivial|straightforward|complex|complicated|perfect|ideal|optimal|significantly)\b`,
    String.raw`\bwhether\s+or\s+not\b`,
    String.raw`\b(?:if|or)\s+not\b`,
    String.raw`\bno\s+(?:matter|major|doubt)\b`,
    // "we found no regressions": the finding is negated, not the check.
    String.raw`\b(?:found|finds?|discovered|detect(?:ed|s)?|observed?|saw|sees?|noticed|show(?:ed|s|n)?|revealed?|reveals|indicate[ds]?|reported)\s+no\b`,
    // "telling the runner not to cancel": "not to" before another verb, unless a decision is negated.
    String.raw`\bnot\s+to\b(?<!\b(?:decided?|decides|deciding|chose|choose|chooses|chosen|opt(?:ed|s)?|elected|agreed|prefer(?:red|s)?)\s+not\s+to)`,
    String.raw`\bstarted\s+but\s+not\s+finished\b`,
  ].join("|"),
  "gi",
);

/** A past participle after "have": a word in -ed, or a common irregular one. */
const PARTICIPLE = String.raw`(?!liked\b|been\s+able\b|had\s+to\b)(?:\w+ed|built|done|run|set|made|written|taken|given|chosen|kept|found|got|gotten|put|sent|spent|begun|drawn|seen|held|split|deployed)\b`;
/**
 * "could have" or "would have" with a participle: a counterfactual, so not done. "should have" and "might have"
 * stay hypotheses: groups regret how they did a thing as often as that they did not, and "might have" guesses.
 */
const HAVE_DONE = String.raw`\s+have\s+(?:\w+ly\s+)?${PARTICIPLE}`;
const COUNTERFACTUAL = `(?:could|would)${HAVE_DONE}`;

/**
 * Negation cues. Named groups give the reach: `phr` phrasal verbs (reach after the cue, or the whole clause
 * in the passive), `whole` whole-clause phrases, `short` noun-phrase cues, `verb` verbal negation with an
 * optional auxiliary in front (passive forms reach the whole clause).
 */
const NEGATION = new RegExp(
  String.raw`\b(?:` +
    String.raw`(?<phr>(?:did\s+not|didn't|didnt)\s+(?:manage|have\s+(?:the\s+|enough\s+)?time|get)\s+to` +
    String.raw`|decided\s+not\s+to|ended\s+up\s+not|unable\s+to|fail(?:ed|s)?\s+to|decid(?:e|ed|es|ing)\s+against` +
    String.raw`|g[ai]ve\s+up|given\s+up|giving\s+up|mov(?:e|ed|es|ing)\s+away\s+from|skipped|dropped|abandoned` +
    String.raw`|avoid(?:ed|s|ing)?|lack(?:ed|s|ing)?|r[au]n\s+out\s+of\s+time|running\s+out\s+of\s+time` +
    String.raw`|(?:had|have|has)\s+no\s+time|no\s+time|no\s+need|no\s+longer)` +
    // A counterfactual perfect ("with DVC we could have versioned the data") says the work was not done.
    String.raw`|(?<whole>out\s+of\s+scope|${COUNTERFACTUAL})` +
    String.raw`|(?<short>no|without|instead\s+of|rather\s+than)` +
    String.raw`|(?<verb>(?:(?:do|does|did|is|are|am|was|were|have|has|had|could|can|will|would|should|must|might|may|be|been|being)\s+)?(?:not|never)` +
    String.raw`|\w+n't|cannot|neither|nor|didnt|doesnt|dont|isnt|arent|wasnt|werent|havent|hasnt|hadnt|couldnt|wouldnt|shouldnt|wont)` +
    String.raw`)\b`,
  "gi",
);

/** Hypothesis cues (§4.4): neither mention nor denial. "could not" is a past denial, not a hypothesis. */
const HYPOTHESIS = new RegExp(
  String.raw`\b(?:would\s+have\s+liked\s+to|would\s+like\s+to|should\s+have|(?:would|could)\s+have(?!\s+(?:\w+ly\s+)?${PARTICIPLE})` +
    String.raw`|would(?!${HAVE_DONE})|should|might|may|could(?!\s+not\b|${HAVE_DONE})` +
    String.raw`|wouldn't|shouldn't|wouldnt|shouldnt|(?:had\s+)?hoped\s+to|wished\s+to` +
    // An inverted conditional: "had we pursued sweeps, …", "were we to add alerts".
    String.raw`|(?<![\w'])(?:had|were)\s+we\b(?=\s+\w+(?:ed|en|to)\b)` +
    String.raw`|if\s+(?:we|i)\s+had|if\s+(?:we|i)\s+were\s+to|given\s+(?:more|enough|additional|extra)\s+time` +
    // "intended" and "considered" only where they state the group's intent: not "ran as intended",
    // "is intended to be run", "inputs considered sufficient".
    String.raw`|(?:we|i)\s+plan|plan(?:s|ned|ning)?\s+to|intend(?:s|ed|ing)?(?<!\b(?:is|are|was|were|be|been)\s+intend\w*)\s+to` +
    String.raw`|aim(?:s|ing)?\s+to|in\s+the\s+future|for(?<=(?:^\W*|[,;]\s*|\b(?:and|but|however)\s+)for)\s+(?:the\s+)?future` +
    // A backlog or a to-do list holds what is still to be done.
    String.raw`|(?:in|on)\s+(?:our|the)\s+(?:backlog|to-?do\s+list)` +
    String.raw`|future\s+work|moving\s+forward|going\s+forward|looking\s+forward|next\s+steps?|ideally` +
    String.raw`|considered(?<=\b(?:we|i|they|also|initially|originally|first|briefly|seriously|had|have)\s+(?:\w+\s+)?considered)` +
    String.raw`|considered\s+(?:\w+ing|the\s+(?:possibility|option|idea|use))|(?:are|is|was|were|am|been)\s+considering` +
    String.raw`|considering\s+\w+ing)\b`,
  "gi",
);

/** Attempt cues (§4.4): an attempt ("tried to use", "tried using") counts for nothing. */
const ATTEMPT =
  /\b(?:tr(?:ied|ies|y|ying)|attempt(?:ed|s|ing)?)(?:\s+(?:instead|hard|briefly|initially|first|also|really))?(?:\s+to\b|(?=\s+[a-z]{2,}ing\b))|\bstarted\s+but\s+not\s+finished\b/gi;

/** An answer that opens with "No," or "No." denies the question's subject. */
export const ANSWER_NO = /^\W*(no|nope)(?:\s*[,.!;:]|\s+[-–—]\s)/i;

const FIRST_PERSON_WORD = /\b(?:we|our|ours|us|my|me|myself|ourselves)\b/i;
// "I" only in capitals, and never the "i" of "i.e.".
const FIRST_PERSON_I = /\bI\b(?!\.)/;

/** Has a first-person word (§4.4: we, our, us, I, my). */
export function hasFirstPerson(text: string): boolean {
  return FIRST_PERSON_WORD.test(text) || FIRST_PERSON_I.test(text);
}
/** Past-tense markers of §4.4. */
export const PAST_MARKER =
  /\b(?:was|were|been|had|did|wasn't|weren't|hadn't|didn't|wasnt|werent|hadnt|didnt)\b/i;
const IRREGULAR_PAST =
  /^(?:built|ran|set|made|wrote|took|gave|chose|kept|found|got|put|sent|spent|began|drew|led|left|saw|did|had|was|were|brought|held|split)$/i;

const BE = new Set(["is", "are", "am", "was", "were", "be", "been", "being"]);
const HAVE = new Set(["has", "have", "had"]);
const IRREGULAR_PARTICIPLE =
  /^(?:built|run|done|made|set|written|taken|given|shown|seen|kept|put|brought|begun|chosen|driven|gotten|got|sent|spent|held|found|known|thrown|split|understood|hidden|broken|shut|cut|fit|met|read|led|left|lost|paid|bought|told|thought|meant|drawn|grown|won)$/;
/** Predicates that deny the subject's presence: "X is not necessary", "X is not part of". */
const ABSENCE_PREDICATE =
  /^(?:necessary|relevant|available|possible|feasible|part|present|active|functional|working|finished|complete|done|ready|applicable|operational|live|running)$/;
const ADVERB = /^(?:\p{L}+ly|yet|ever|even|really|also|still|quite|actually)$/u;
/** Words before a bare "not" that keep it active: "to not include", "we not yet used". */
const SUBJECT_WORDS = new Set(["to", "we", "i", "you", "they", "he", "she", "it", "and", "or"]);
const OMISSION_VERB = /^(?:skipped|dropped|abandoned|avoided)$/i;
/**
 * Verbs whose negation denies nothing about their subject or object: "checks cannot be skipped", "the hook was
 * never bypassed", "DVC files must not be edited by hand" all say the thing is there.
 */
const OTHER_ACTION_VERB =
  /^(?:skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?|ignor(?:e|es|ed|ing)|disabl(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|omit(?:s|ted|ting)?|forg(?:et|ets|ot|otten|etting)|neglect(?:s|ed|ing)?|circumvent(?:s|ed|ing)?|overrid(?:e|es|den|ing)|overrode|overwrit(?:e|es|ten|ing)|overwrote|edit(?:s|ed|ing)?|modif(?:y|ies|ied|ying)|alter(?:s|ed|ing)?|break(?:s|ing)?|broke|broken|merg(?:e|es|ed|ing)|push(?:es|ed|ing)?)$/;
const STARTED = /^started/i;
const ED_FORM = /^\p{L}{2,}ed$/u;
const WORD = /\s*([\p{L}'-]+)/uy;
const LAST_WORD = /([\p{L}'-]+)\s*$/u;
const FIRST_WORD = /^\W*(\p{L}+)/u;
const CAPITALISED = /^\p{Lu}/u;
const WHITESPACE = /\s+/;
const NEGATIVE_SUFFIX = /n't$|nt$/;
const SCOPE_BREAK = /[,;:.!?()]/;
const WORD_END = /[\s,;:.!?()]/;
/** Words in -ed that are not verb forms. */
const NOT_ED_FORM = /^(?:need|seed|speed|feed|embed|shed|breed|indeed|proceed|exceed|succeed)$/i;

function isEdForm(word: string): boolean {
  return ED_FORM.test(word) && !NOT_ED_FORM.test(word);
}

function isParticiple(word: string): boolean {
  return isEdForm(word) || IRREGULAR_PARTICIPLE.test(word);
}

/** The next words after `from`, lowercased, up to `n`. */
function wordsAfter(text: string, from: number, n: number): string[] {
  const out: string[] = [];
  WORD.lastIndex = from;
  while (out.length < n) {
    const m = WORD.exec(text);
    if (!m?.[1]) break;
    out.push(m[1].toLowerCase());
  }
  return out;
}

function wordBefore(text: string, at: number): string {
  const m = LAST_WORD.exec(text.slice(Math.max(0, at - 40), at));
  return m?.[1]?.toLowerCase() ?? "";
}

/** Skips up to two adverbs ("was not directly used"). */
function skipAdverbs(words: readonly string[], i: number): number {
  let k = i;
  while (k < i + 2 && ADVERB.test(words[k] ?? "")) k++;
  return k;
}

function auxiliaryOf(cue: string): "be" | "have" | "none" | "other" {
  const first = cue.toLowerCase().split(WHITESPACE)[0] ?? "";
  if (first === "not" || first === "never") return "none";
  const stem = first.replace(NEGATIVE_SUFFIX, "");
  if (BE.has(first) || BE.has(stem)) return "be";
  if (HAVE.has(first) || HAVE.has(stem)) return "have";
  return "other";
}

/** True when a verbal negation is passive or copular, so that it also covers the subject before it. */
function coversSubject(text: string, cue: CueMatch): boolean {
  const words = wordsAfter(text, cue.end, 5);
  const predicateAt = (at: number) => {
    const w = words[skipAdverbs(words, at)] ?? "";
    return isParticiple(w) || ABSENCE_PREDICATE.test(w);
  };
  const k = skipAdverbs(words, 0);
  // "could not be deployed", "has not been used"
  if (words[k] === "be" || words[k] === "been" || words[k] === "being") return predicateAt(k + 1);
  const aux = auxiliaryOf(cue.text);
  if (aux === "be") return predicateAt(0);
  if (aux !== "none") return false;
  // A bare "not": "X was actually not used", or a reduced passive "Monitoring not implemented".
  const before = wordBefore(text, cue.start);
  if (BE.has(before)) return predicateAt(0);
  return isParticiple(words[k] ?? "") && !SUBJECT_WORDS.has(before) && !HAVE.has(before);
}

/**
 * Where the verb a verbal negation governs ends, when that verb is one whose negation denies nothing (the next
 * word after adverbs and a passive "be"); else -1.
 */
function otherActionEnd(text: string, cue: CueMatch): number {
  const words = wordsAfter(text, cue.end, 5);
  let k = skipAdverbs(words, 0);
  if (words[k] === "be" || words[k] === "been" || words[k] === "being") k = skipAdverbs(words, k + 1);
  const verb = words[k];
  if (verb === undefined || !OTHER_ACTION_VERB.test(verb)) return -1;
  return text.toLowerCase().indexOf(verb, cue.end) + verb.length;
}

function overlaps(spans: readonly CueMatch[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m);
  }
  return out;
}

function toCue(m: RegExpExecArray): CueMatch {
  return { start: m.index, end: m.index + m[0].length, text: m[0] };
}

export interface SentenceCues {
  negations: NegationCue[];
  hypotheses: CueMatch[];
  attempts: CueMatch[];
  /** Spans where a clause boundary must not fall ("started but not finished"). */
  protectedSpans: CueMatch[];
}

/** Every cue of one sentence, in order, with the not-negation phrases already removed. */
export function findCues(text: string): SentenceCues {
  const excluded = allMatches(NOT_NEGATION, text).map(toCue);
  const negations: NegationCue[] = [];
  // "cannot be skipped": the negation and the omission it governs cancel out; neither is a denial.
  let cancelledTo = -1;
  for (const m of allMatches(NEGATION, text)) {
    const cue = toCue(m);
    if (overlaps(excluded, cue.start, cue.end) || cue.start < cancelledTo) continue;
    const g = m.groups ?? {};
    if (g.verb) {
      const end = otherActionEnd(text, cue);
      if (end !== -1) {
        cancelledTo = end;
        continue;
      }
    }
    let reach: NegationReach = "after";
    if (g.short) reach = "phrase";
    else if (g.whole) reach = "clause";
    else if (g.verb) reach = coversSubject(text, cue) ? "clause" : "after";
    else if (g.phr && OMISSION_VERB.test(cue.text)) {
      reach = BE.has(wordBefore(text, cue.start)) ? "clause" : "after";
    }
    negations.push({ ...cue, reach });
  }
  const protectedSpans = excluded.filter((c) => STARTED.test(c.text));
  return {
    negations,
    hypotheses: allMatches(HYPOTHESIS, text).map(toCue),
    attempts: allMatches(ATTEMPT, text).map(toCue),
    protectedSpans,
  };
}

/** "Added a drift check": a fragment that opens with a past-tense verb. */
export function opensWithPastVerb(text: string): boolean {
  const first = FIRST_WORD.exec(text)?.[1] ?? "";
  if (!CAPITALISED.test(first)) return false;
  return isEdForm(first) || IRREGULAR_PAST.test(first);
}

/** Words that end a noun-phrase scope ("no warnings about the model" stops at "about"). */
const PHRASE_STOP = new Set(
  (
    "of for in on at to from by with about regarding into onto over under during through via per than as like " +
    "between within across that which who whose where when because since so but is are was were be been being " +
    "has have had will would can could should may might must do does did we i they it"
  ).split(" "),
);
const PHRASE_WORDS = 4;

/** End offset of a noun-phrase scope that starts at `from`: at most four words, never past `limit`. */
export function phraseEnd(text: string, from: number, limit: number): number {
  let pos = from;
  let count = 0;
  while (count < PHRASE_WORDS) {
    let k = pos;
    while (k < limit && text[k] === " ") k++;
    if (k >= limit || SCOPE_BREAK.test(text[k] ?? "")) break;
    let e = k;
    while (e < limit && !WORD_END.test(text[e] ?? "")) e++;
    if (PHRASE_STOP.has(text.slice(k, e).toLowerCase())) break;
    pos = e;
    count++;
  }
  return pos;
}
