/**
 * Clause splitting (docs/evidence.md). A clause bounds the reach of a negation; hypotheses carry over to
 * later clauses of the same sentence.
 */
import type { CueMatch, NegationCue } from "./cues.js";

export interface Clause {
  start: number;
  end: number;
  /** Opens with a subordinator ("while", "although", "because", "if", …). */
  subordinate: boolean;
  /** Opens with a contrast ("but", "however", "while", "though", "instead", …). */
  contrast: boolean;
  /** The asserted replacement: the clause opens or ends with "instead" (not "instead of"). */
  instead: boolean;
  /**
   * A leading infinitive or topic phrase ("To stress the API, we would …", "As for sweeps, we never …"): it belongs to the main clause after it, whose hypothesis or denial it shares.
   */
  topic: boolean;
  /** Opens with "if", "unless" or "even if". */
  conditional: boolean;
}

type CutKind = "boundary" | "subject";

/**
 * Every clause boundary in one pattern. A match covers the separator before the new clause (", ", " ", "; "),
 * so the new clause starts where the match ends; the word that opens it is only looked ahead at. The
 * `subject` group marks a comma before a new subject (", we", ", and it", ", this"), which a leading topic
 * phrase may absorb. Literal separators come first so the pattern is cheap to scan.
 */
const CUT = new RegExp(
  [
    String.raw`;\s*`,
    String.raw`(?:,\s*|\s)(?=but\b)`,
    String.raw`\b(?<!\beven\s+)(?=(?:however|whereas|(?:even\s+)?(?:although|though))\b)`,
    String.raw`,\s*(?=(?:while|where|which)\b|as\b(?!\s+well\b))`,
    String.raw`\s(?<!\b(?:do|did|does|done|doing)\s)(?=so\b(?!\s+(?:far|on|much|many|called|as|long|good|well|forth|to|too)\b|-))`,
    String.raw`\s(?=(?:because|such\s+that|since)\b)`,
    // A clause of degree ("… depending on how much of it we could test") holds its own modal, not the sentence's.
    String.raw`,?\s(?=(?:how\s+(?:much|many|far|well|often)|as\s+(?:much|many|far)\s+as)\b)`,
    String.raw`(?<subject>,\s*)(?=(?:(?:and|or|so|then)\s+)?(?:we|i|it|this|they|these|those|there|our|my)\b(?![.-]))`,
  ].join("|"),
  "gi",
);

const SUBORDINATORS = String.raw`(?:while|although|though|even\s+though|even\s+if|whereas|since|because|as|if|when|unless|despite|once|after|before|given\s+that|now\s+that|seeing\s+that)\b`;
/** "While we did not …, we …": a leading subordinate clause ends at its first comma. */
const LEADING_SUBORDINATE = new RegExp(String.raw`^\W*${SUBORDINATORS}[^,;]*,\s*`, "i");
const SUBORDINATE_START = new RegExp(String.raw`^\W*${SUBORDINATORS}`, "i");
/** "To stress the API, we would …", "As for sweeps, we never …". */
const LEADING_TOPIC =
  /^\W*(?:to|in\s+order\s+to|for|regarding|as\s+for|as\s+to|when\s+it\s+comes\s+to|with\s+(?:respect|regards?)\s+to|in\s+terms\s+of|concerning|speaking\s+of|talking\s+about)\b/i;
const CONDITIONAL_START = /^\W*(?:if|unless|even\s+if)\b/i;
const CONTRAST_START =
  /^\W*(?:but|however|yet|while|although|though|even\s+though|whereas|instead|nevertheless|still)\b(?!\s+of\b)/i;
const INSTEAD_START = /^\W*instead\b(?!\s+of\b)/i;
const INSTEAD_END = /\binstead\W*$/i;
const AND = /\s(?:and|&)\s/g;

function inside(spans: readonly CueMatch[], i: number): boolean {
  return spans.some((s) => i > s.start && i < s.end);
}

/**
 * Splits a sentence's cue text into clauses. `negations` are needed for the "instead" rule: in
 * "we did not use X and used Y instead" the replacement after "and" is a clause of its own.
 */
export function splitClauses(
  text: string,
  negations: readonly NegationCue[],
  protectedSpans: readonly CueMatch[],
): Clause[] {
  const cuts = new Map<number, CutKind>();
  const add = (at: number, kind: CutKind) => {
    if (at <= 0 || at >= text.length || inside(protectedSpans, at)) return;
    if (!cuts.has(at) || kind === "boundary") cuts.set(at, kind);
  };
  CUT.lastIndex = 0;
  for (let m = CUT.exec(text); m; m = CUT.exec(text)) {
    add(m.index + m[0].length, m.groups?.subject === undefined ? "boundary" : "subject");
    if (m[0].length === 0) CUT.lastIndex++;
  }
  const topic = LEADING_TOPIC.test(text);
  const lead = topic ? null : LEADING_SUBORDINATE.exec(text);
  if (lead) add(lead[0].length, "boundary");

  const sorted = [...cuts.entries()].sort((a, b) => a[0] - b[0]);
  // Only a phrase that ends at a comma before the main clause's subject is a leading topic.
  const topicCut = topic && sorted[0]?.[1] === "subject";
  const bounds = [0, ...sorted.map(([at]) => at), text.length];
  const clauses: Clause[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] ?? 0;
    const end = bounds[k + 1] ?? text.length;
    clauses.push(...splitInstead(text, start, end, negations));
  }
  const first = clauses[0];
  if (first && topicCut && clauses.length > 1) {
    first.topic = true;
    first.subordinate = false;
  }
  return clauses;
}

function makeClause(text: string, start: number, end: number, instead: boolean): Clause {
  const body = text.slice(start, end);
  return {
    start,
    end,
    subordinate: SUBORDINATE_START.test(body),
    contrast: CONTRAST_START.test(body),
    instead: instead || INSTEAD_START.test(body) || INSTEAD_END.test(body),
    topic: false,
    conditional: CONDITIONAL_START.test(body),
  };
}

/** A clause that ends in "instead" and holds a denial before an "and" splits there. */
function splitInstead(text: string, start: number, end: number, negations: readonly NegationCue[]): Clause[] {
  const body = text.slice(start, end);
  if (!INSTEAD_END.test(body)) return [makeClause(text, start, end, false)];
  const denial = negations.find((n) => n.start >= start && n.end <= end && n.reach !== "phrase");
  if (!denial) return [makeClause(text, start, end, false)];
  AND.lastIndex = Math.max(0, denial.end - start);
  const m = AND.exec(body);
  if (!m) return [makeClause(text, start, end, false)];
  const at = start + m.index + 1;
  return [makeClause(text, start, at, false), makeClause(text, at, end, true)];
}
