import type { ChecklistItem } from "@mlops-report/core";
import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { relativePath } from "./paths.js";
import { compareStrings, sortResults } from "./sort.js";

/** From this many reports on, a run is a class: terminal, JSON and HTML add the class summary. */
export const CLASS_SUMMARY_MIN_REPORTS = 2;

/** How many groups the "most errors" list names. */
export const MOST_ERRORS_SHOWN = 5;

/**
 * How many groups fail one check in one place: `errors` groups have an error of it there, `warnings` groups a
 * warning but no error. Info findings fail nothing.
 */
export interface CheckFailures {
  ruleId: string;
  errors: number;
  warnings: number;
}

export interface QuestionFailures {
  question: number;
  /** Most failing groups first, then by rule id. */
  checks: CheckFailures[];
}

/** One checklist item across the class: in how many reports it stands, in how many it is ticked (`[x]`). */
export interface ChecklistTicks {
  section: string;
  /** The item's text, whitespace collapsed and cut after its module tag: items are matched across reports by it. */
  text: string;
  module: string | null;
  ticked: number;
  reports: number;
}

export interface GroupErrors {
  filePath: string;
  errors: number;
  warnings: number;
}

export interface ClassSummary {
  reports: number;
  reportsWithErrors: number;
  /** Questions with at least one failing group, by number. */
  questions: QuestionFailures[];
  /** Findings about no question (structure, checklist). */
  reportWide: CheckFailures[];
  /** Every checklist item met, in the order the (sorted) reports first show them. */
  checklist: ChecklistTicks[];
  /** Up to MOST_ERRORS_SHOWN groups with errors, most errors first (then most warnings, then path). */
  mostErrors: GroupErrors[];
}

type Worst = "error" | "warning";

/** The course module tag that ends a template item, e.g. `(M5)` or `(M2+M6)`. */
const MODULE_TAG = /\((M\d+(?:\s*\+\s*M\d+)*)\)/;

/**
 * How an item is matched across reports: its text, whitespace collapsed, cut after its module tag, where groups
 * often add who did it (`... (M12) ALICE`); and that tag.
 */
function itemKey(item: ChecklistItem): { text: string; module: string | null } {
  const collapsed = item.text.replace(/\s+/g, " ").trim();
  const tag = MODULE_TAG.exec(collapsed);
  if (!tag) return { text: collapsed, module: item.module };
  return {
    text: collapsed.slice(0, tag.index + tag[0].length),
    module: item.module ?? tag[1]!.replace(/\s/g, ""),
  };
}

/** The worst failing severity of each check in each place of one report. */
function failuresOf(
  diagnostics: readonly Diagnostic[],
): Map<string, { question: number | null; ruleId: string; worst: Worst }> {
  const found = new Map<string, { question: number | null; ruleId: string; worst: Worst }>();
  for (const d of diagnostics) {
    if (d.severity === "info") continue;
    const key = `${d.question ?? ""}\u0000${d.ruleId}`;
    const seen = found.get(key);
    if (!seen || (seen.worst === "warning" && d.severity === "error"))
      found.set(key, { question: d.question, ruleId: d.ruleId, worst: d.severity });
  }
  return found;
}

function orderChecks(checks: Iterable<CheckFailures>): CheckFailures[] {
  return [...checks].sort(
    (a, b) =>
      b.errors + b.warnings - (a.errors + a.warnings) ||
      b.errors - a.errors ||
      compareStrings(a.ruleId, b.ruleId),
  );
}

/** The class overview of a run: one pure function that the terminal, JSON and HTML reporters share. */
export function classSummary(results: readonly LintResult[], cwd: string): ClassSummary {
  const sorted = sortResults(results, cwd);
  const byPlace = new Map<number | null, Map<string, CheckFailures>>();
  const items = new Map<string, ChecklistTicks>();
  for (const result of sorted) {
    for (const { question, ruleId, worst } of failuresOf(result.diagnostics).values()) {
      const checks = byPlace.get(question) ?? new Map<string, CheckFailures>();
      byPlace.set(question, checks);
      const tally = checks.get(ruleId) ?? { ruleId, errors: 0, warnings: 0 };
      checks.set(ruleId, tally);
      if (worst === "error") tally.errors++;
      else tally.warnings++;
    }
    const ticked = new Map<string, boolean>();
    for (const section of result.report.checklist.sections) {
      for (const item of section.items) {
        const { text, module } = itemKey(item);
        if (!items.has(text))
          items.set(text, { section: section.title, text, module, ticked: 0, reports: 0 });
        ticked.set(text, (ticked.get(text) ?? false) || item.state === "checked");
      }
    }
    for (const [text, isTicked] of ticked) {
      const tally = items.get(text)!;
      tally.reports++;
      if (isTicked) tally.ticked++;
    }
  }
  const questions = [...byPlace.entries()]
    .filter((entry): entry is [number, Map<string, CheckFailures>] => entry[0] !== null)
    .sort(([a], [b]) => a - b)
    .map(([question, checks]) => ({ question, checks: orderChecks(checks.values()) }));
  const mostErrors = sorted
    .filter((result) => result.errorCount > 0)
    .map((result) => ({
      filePath: relativePath(result.filePath, cwd),
      errors: result.errorCount,
      warnings: result.warningCount,
    }))
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || compareStrings(a.filePath, b.filePath))
    .slice(0, MOST_ERRORS_SHOWN);
  return {
    reports: sorted.length,
    reportsWithErrors: sorted.filter((result) => result.errorCount > 0).length,
    questions,
    reportWide: orderChecks(byPlace.get(null)?.values() ?? []),
    checklist: [...items.values()],
    mostErrors,
  };
}
