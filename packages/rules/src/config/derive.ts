import type { CompiledExpression, EvalContext, Reference, Term } from "../dsl/index.js";
import type { Severity } from "../types.js";
import type { CheckKind, ChecklistIdConfig, MergedConfig } from "./merged-config.js";

/** A consistency check ready to evaluate: an expression written in a config, or one derived from a checklist id. */
export interface CompiledConsistency {
  name: string;
  when: CompiledExpression | null;
  assert: CompiledExpression;
  message: string;
  severity: Severity;
  /**
   * For a check derived from a checklist id: the id and which of its three checks this is, so that the item's
   * verdict reads the check's outcome beside the repository's; `hedged` (described checks only) is true when the
   * id's questions name its terms only in plans, wishes or attempts.
   */
  item?: {
    id: string;
    kind: CheckKind;
    hedged?: (ctx: EvalContext) => boolean;
    /** Unticked checks only: some answer of the id's questions also denies its terms. */
    denied?: (ctx: EvalContext) => boolean;
  };
}

/** The ids a config uses: not turned off, and present in its year when they name their years. */
export function activeIds(merged: MergedConfig): ChecklistIdConfig[] {
  return [...merged.checklist.values()].filter((entry) => {
    if (entry.off || !entry.match) return false;
    if (entry.since === undefined && entry.until === undefined) return true;
    const year = merged.year;
    return year !== null && year >= (entry.since ?? year) && year <= (entry.until ?? year);
  });
}

/** "Question 7", "Questions 10 and 13", "Questions 11, 17 and 21": sorted, as a reader counts them. */
function questionsPhrase(questions: readonly number[]): string {
  const sorted = [...questions].sort((a, b) => a - b);
  if (sorted.length === 1) return `Question ${sorted[0]}`;
  return `Questions ${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)}`;
}

const DEFAULT_SEVERITY: Record<CheckKind, Severity> = {
  described: "warning",
  denied: "error",
  unticked: "info",
};

function defaultMessage(kind: CheckKind, entry: ChecklistIdConfig, image: boolean, terms: boolean): string {
  const questions = entry.questions ?? [];
  const primary = questions[0];
  switch (kind) {
    case "described": {
      const asked = questionsPhrase(questions);
      if (!terms)
        return `Checklist line {line} ticks {item}, but Question ${primary} has no image ${entry.says ?? ""}. Add the figure, or untick it`;
      const verb = questions.length === 1 ? "does" : "do";
      const noImage = image ? `, and Question ${primary} has no image` : "";
      return `Checklist line {line} ticks {item}, but ${asked} ${verb} not mention ${entry.says ?? "it"}${noImage}. Describe it, or untick it`;
    }
    case "denied":
      return "Checklist line {line} ticks {item}, but Question {question} denies {term}: {denial}. Untick it, or correct the answer";
    case "unticked":
      return "Checklist line {line} leaves {item} unticked, but Question {question} mentions {term}: {mention}. Tick it if you did it";
  }
}

type Test = (ctx: EvalContext) => boolean;

function expression(source: string, references: Reference[], evaluate: Test): CompiledExpression {
  return { source, references: Object.freeze(references), usesRepository: false, evaluate };
}

const anyOf =
  (tests: readonly Test[]): Test =>
  (ctx) =>
    tests.some((t) => t(ctx));

/**
 * The three checks of one id (docs/config.md), in the order the evidence is asked for: mentions in each of its
 * questions, an image or code in the first, then denials in each. The order decides which evidence a message
 * quotes.
 */
function deriveChecks(entry: ChecklistIdConfig, terms: ReadonlyMap<string, RegExp>): CompiledConsistency[] {
  const questions = entry.questions ?? [];
  const primary = questions[0];
  if (primary === undefined) return [];
  const id = entry.id;
  const itemRef: Reference = { kind: "checklist", id, offset: 0 };
  const questionRefs: Reference[] = questions.map((number, i) => ({
    kind: "question",
    number,
    offset: i + 1,
  }));
  const termList = (name: string | undefined): readonly Term[] | null => {
    const re = name === undefined ? undefined : terms.get(name);
    return re ? Object.freeze([re]) : null;
  };
  const out: CompiledConsistency[] = [];
  for (const kind of ["described", "denied", "unticked"] as const) {
    const setting = entry.checks[kind];
    if (setting?.off) continue;
    const mainTerms = setting?.terms ?? entry.terms;
    const image = setting?.image ?? entry.image ?? false;
    const evidence = questions
      .map((q) => ({ q, terms: termList(entry.questionTerms?.[q] ?? mainTerms) }))
      .filter((e): e is { q: number; terms: readonly Term[] } => e.terms !== null);
    const mentions: Test[] = evidence.map(
      ({ q, terms }) =>
        (ctx) =>
          ctx.mentions(q, terms),
    );
    const negations: Test[] = evidence.map(
      ({ q, terms }) =>
        (ctx) =>
          ctx.negated(q, terms),
    );
    const code = entry.code;
    const extras: Test[] = [
      ...(image ? [(ctx: EvalContext) => ctx.images(primary) >= 1] : []),
      ...(code ? [(ctx: EvalContext) => ctx.matches(primary, code)] : []),
    ];
    const shown = anyOf([...mentions, ...extras]);
    // The id's own terms, for a check that reads stricter ones: a denial of either casts doubt on a mention.
    const mainNegations: Test[] = questions.flatMap((q) => {
      const own = termList(entry.questionTerms?.[q] ?? entry.terms);
      return own ? [(ctx: EvalContext) => ctx.negated(q, own)] : [];
    });
    const denied = anyOf(negations);
    const name = `${id}-${kind}`;
    let when: CompiledExpression;
    let assert: Test;
    if (kind === "described") {
      when = expression(`checked(${id}) and answered(q${primary})`, [itemRef, questionRefs[0]!], (ctx) => {
        return ctx.checked(id) && ctx.answered(primary);
      });
      // A ticked item described in any answer is described, whichever question the template asks about it in; a
      // `local` id's own terms mean other things there, so only its `elsewhere` terms are read in other answers.
      const everywhere = termList(entry.local ? entry.elsewhere : mainTerms);
      const elsewhere: Test = (ctx) =>
        everywhere !== null &&
        ctx.answers().some((q) => !questions.includes(q) && ctx.mentions(q, everywhere));
      assert = (ctx) => shown(ctx) || denied(ctx) || elsewhere(ctx);
    } else if (kind === "denied") {
      when = expression(`checked(${id})`, [itemRef], (ctx) => ctx.checked(id));
      assert = (ctx) => shown(ctx) || !denied(ctx);
    } else {
      when = expression(
        `unchecked(${id}) and ticked() > 0`,
        [itemRef],
        (ctx) => ctx.unchecked(id) && ctx.ticked() > 0,
      );
      assert = (ctx) => !shown(ctx);
    }
    const hedged: Test = (ctx) => evidence.some(({ q, terms }) => ctx.count(q, terms) > 0);
    out.push({
      name,
      when,
      assert: expression(`${kind} evidence of ${id}`, questionRefs, assert),
      message: setting?.message ?? defaultMessage(kind, entry, image, evidence.length > 0),
      severity: setting?.severity ?? DEFAULT_SEVERITY[kind],
      item:
        kind === "described"
          ? { id, kind, hedged }
          : kind === "unticked"
            ? { id, kind, denied: anyOf([...negations, ...mainNegations]) }
            : { id, kind },
    });
  }
  return out;
}

/** The derived checks of every id the config uses, less those it turned off or wrote itself by name. */
export function derivedChecks(merged: MergedConfig): CompiledConsistency[] {
  return activeIds(merged)
    .flatMap((entry) => deriveChecks(entry, merged.terms))
    .filter((c) => !merged.consistencyOff.has(c.name) && !merged.consistency.has(c.name));
}

/** Every term name the config's ids use that `terms` does not define, for the loader to report. */
export function unknownTermNames(merged: MergedConfig): { entry: ChecklistIdConfig; name: string }[] {
  const out: { entry: ChecklistIdConfig; name: string }[] = [];
  for (const entry of activeIds(merged)) {
    const names = [
      entry.terms,
      entry.elsewhere,
      ...Object.values(entry.questionTerms ?? {}),
      ...Object.values(entry.checks).map((c) => c?.terms),
    ];
    for (const name of names) if (name !== undefined && !merged.terms.has(name)) out.push({ entry, name });
  }
  return out;
}
