import type { MarkState } from "@mlops-report/core";
import type { Severity } from "../types.js";

/**
 * What the answers say of a checklist item's work:
 * - `described`: an answer names it as done (for an unticked item: in the stricter terms that need no guess);
 * - `mixed`: it is described in one place and denied in another;
 * - `hedged`: its terms stand only in plans, wishes, attempts or hypotheses;
 * - `denied`: an answer says it was not done, and none says it was;
 * - `absent`: the questions that ask about it are answered and do not name it;
 * - `unanswered`: the question that asks about it is not answered;
 * - `not-asked`: no question asks about it, or its checks are off.
 */
export type AnswersSay = "described" | "mixed" | "hedged" | "denied" | "absent" | "unanswered" | "not-asked";

/**
 * What the repository around the report shows of it:
 * - `shows`: the group's own work, clearly (a `.dvc` file, `import wandb`);
 * - `trace`: something of it, not necessarily the group's (a word in a config);
 * - `nothing`: every search was complete and found nothing;
 * - `unknown`: no repository, or a search cut short by a limit;
 * - `not-checked`: the catalog gives no repository evidence for the id this year.
 */
export type RepositoryShows = "shows" | "trace" | "nothing" | "unknown" | "not-checked";

/** The rows of the severity table (docs/rules/checklist/verdicts.md), one per way the evidence can agree. */
export type VerdictKind =
  | "agrees"
  | "not-described"
  | "not-described-no-trace"
  | "hedged"
  | "hedged-no-trace"
  | "denied"
  | "denied-contradicted"
  | "described-no-trace"
  | "no-trace"
  | "unticked-described"
  | "unticked-shown";

/** Which rule reports a row: the answers' rule where an answer is part of it, the repository's otherwise. */
export type VerdictRule = "checklist/consistency" | "checklist/repository";

export interface VerdictRow {
  kind: VerdictKind;
  /** The row's severity; null where the evidence agrees and nothing is reported. */
  severity: Severity | null;
  rule: VerdictRule | null;
}

const AGREES: VerdictRow = { kind: "agrees", severity: null, rule: null };
const row = (kind: VerdictKind, severity: Severity, rule: VerdictRule): VerdictRow => ({
  kind,
  severity,
  rule,
});

/** A ticked item: reported where nothing known supports it, an error only for a plain denial nothing contradicts. */
function ticked(answers: AnswersSay, repository: RepositoryShows): VerdictRow {
  const nothing = repository === "nothing";
  switch (answers) {
    case "described":
    case "mixed":
      return nothing ? row("described-no-trace", "warning", "checklist/repository") : AGREES;
    case "hedged":
      if (repository === "shows") return AGREES;
      return row(nothing ? "hedged-no-trace" : "hedged", "warning", "checklist/consistency");
    case "denied":
      if (repository === "shows" || repository === "trace")
        return row("denied-contradicted", "warning", "checklist/consistency");
      return row("denied", "error", "checklist/consistency");
    case "absent":
      if (repository === "shows") return AGREES;
      return row(nothing ? "not-described-no-trace" : "not-described", "warning", "checklist/consistency");
    case "unanswered":
    case "not-asked":
      return nothing ? row("no-trace", "warning", "checklist/repository") : AGREES;
  }
}

/**
 * An unticked item: an info only from the group's own words or code of work done, never a plan or a denial.
 * `anyTicked` is false for a checklist nobody ticked: that is checklist/marks' finding, not a list of unticked
 * items done (the answers' check carries the same guard in its `when`, where a config can change it).
 */
function unticked(answers: AnswersSay, repository: RepositoryShows, anyTicked: boolean): VerdictRow {
  if (answers === "described") return row("unticked-described", "info", "checklist/consistency");
  if (answers === "mixed" || answers === "hedged" || answers === "denied" || !anyTicked) return AGREES;
  return repository === "shows" ? row("unticked-shown", "info", "checklist/repository") : AGREES;
}

/** The verdict on one checklist item from how its evidence agrees. */
export function judge(
  state: MarkState,
  answers: AnswersSay,
  repository: RepositoryShows,
  anyTicked: boolean,
): VerdictRow {
  if (state === "checked") return ticked(answers, repository);
  if (state === "unchecked") return unticked(answers, repository, anyTicked);
  return AGREES;
}
