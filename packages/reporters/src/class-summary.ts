import type { ChecklistItem } from "@mlops-report/core";
import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { relativePath } from "./paths.js";
import { listOf } from "./results.js";
import { compareStrings, inOutputOrder } from "./sort.js";
import type { ReporterContext } from "./types.js";

/** From this many reports on, a run is a class: terminal, JSON and HTML add the class summary. */
export const CLASS_SUMMARY_MIN_REPORTS = 2;

/** A run of several reports gets the class summary, unless the context leaves it out (`--quiet`). */
export function showsClassSummary(
  results: { readonly length: number },
  context: Pick<ReporterContext, "classSummary">,
): boolean {
  return context.classSummary !== false && results.length >= CLASS_SUMMARY_MIN_REPORTS;
}

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

/**
 * One checklist item across the class: in how many reports it stands, in how many it is ticked (`[x]`). Items are
 * matched across reports and years by their stable id; an item the config names no id for, by its text.
 */
export interface ChecklistTicks {
  /** The stable id the config gives the item (`dvc`), or null. */
  id: string | null;
  section: string;
  /**
   * The item's text as the newest year's report of the class has it: whitespace collapsed, bold markers dropped,
   * cut after its module tag.
   */
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
  /**
   * Up to MOST_ERRORS_SHOWN groups with errors, most errors first (then most warnings, then path); errors are
   * counted once per cause.
   */
  mostErrors: GroupErrors[];
}

type Worst = "error" | "warning";

/** The course module tag that ends a template item, e.g. `(M5)` or `(M2+M6)`. */
const MODULE_TAG = /\((M\d+(?:\s*\+\s*M\d+)*)\)/;

/**
 * An item's text without what groups add to it: whitespace collapsed, bold markers (`__…__`, `**…**`) dropped,
 * cut after its module tag, where groups often add who did it (`... (M12) ALICE`); and that tag.
 */
function itemKey(item: ChecklistItem): { text: string; module: string | null } {
  const collapsed = item.text
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
  const tag = MODULE_TAG.exec(collapsed);
  if (!tag) return { text: collapsed, module: item.module };
  return {
    text: collapsed.slice(0, tag.index + tag[0].length),
    module: item.module ?? tag[1]!.replace(/\s/g, ""),
  };
}

/** Rules whose error on a question only repeats that an image there does not render (written in code, say). */
const IMAGE_NOT_RENDERED = new Set(["image/in-code", "image/unrendered"]);

/**
 * A report's errors counted once per cause: an image-count error on a question whose image is written in code
 * (or does not render otherwise) is the same problem as that image's own error, which `--fix` may resolve.
 */
function errorCauses(result: LintResult): number {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const unrendered = new Set(errors.filter((d) => IMAGE_NOT_RENDERED.has(d.ruleId)).map((d) => d.question));
  return errors.filter((d) => !(d.ruleId === "answer/image-count" && unrendered.has(d.question))).length;
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

/** A checklist row as it is being counted: the year whose wording names it kept beside it. */
type ChecklistRow = ChecklistTicks & { year: number };

/**
 * The class summary made one result at a time, the results in output order (as `inOutputOrder` gives them): a
 * class of any size is summarised without holding its results together. `classSummary` is its whole run.
 */
export class ClassTally {
  private reports = 0;
  private readonly byPlace = new Map<number | null, Map<string, CheckFailures>>();
  private readonly items = new Map<string, ChecklistRow>();
  /** Every group with errors: MOST_ERRORS_SHOWN of them are picked once all are in. */
  private readonly withErrors: GroupErrors[] = [];

  constructor(private readonly cwd: string) {}

  add(result: LintResult): void {
    this.reports++;
    this.addFailures(result);
    this.addChecklist(result);
    if (result.errorCount > 0)
      this.withErrors.push({
        filePath: relativePath(result.filePath, this.cwd),
        errors: errorCauses(result),
        warnings: result.warningCount,
      });
  }

  summary(): ClassSummary {
    const questions = [...this.byPlace.entries()]
      .filter((entry): entry is [number, Map<string, CheckFailures>] => entry[0] !== null)
      .sort(([a], [b]) => a - b)
      .map(([question, checks]) => ({ question, checks: orderChecks(checks.values()) }));
    const mostErrors = [...this.withErrors]
      .sort(
        (a, b) => b.errors - a.errors || b.warnings - a.warnings || compareStrings(a.filePath, b.filePath),
      )
      .slice(0, MOST_ERRORS_SHOWN);
    return {
      reports: this.reports,
      reportsWithErrors: this.withErrors.length,
      questions,
      reportWide: orderChecks(this.byPlace.get(null)?.values() ?? []),
      checklist: [...this.items.values()].map(({ year: _, ...row }) => row),
      mostErrors,
    };
  }

  private addFailures(result: LintResult): void {
    for (const { question, ruleId, worst } of failuresOf(result.diagnostics).values()) {
      const checks = this.byPlace.get(question) ?? new Map<string, CheckFailures>();
      this.byPlace.set(question, checks);
      const tally = checks.get(ruleId) ?? { ruleId, errors: 0, warnings: 0 };
      checks.set(ruleId, tally);
      if (worst === "error") tally.errors++;
      else tally.warnings++;
    }
  }

  private addChecklist(result: LintResult): void {
    const ticked = new Map<string, boolean>();
    // An item that several ids name (an older year's combined item) counts under the first.
    const idsByLine = new Map<number, string>();
    for (const [id, line] of Object.entries(result.checklistIds ?? {}))
      if (!idsByLine.has(line)) idsByLine.set(line, id);
    const year = typeof result.report.template.year === "number" ? result.report.template.year : 0;
    for (const section of result.report.checklist.sections) {
      for (const item of section.items) {
        const { text, module } = itemKey(item);
        const id = idsByLine.get(item.line) ?? null;
        const key = id === null ? `text:${text}` : `id:${id}`;
        const row = this.items.get(key);
        // The newest year's wording names the row.
        if (!row || year > row.year)
          this.items.set(key, {
            id,
            section: section.title,
            text,
            module,
            year,
            ticked: row?.ticked ?? 0,
            reports: row?.reports ?? 0,
          });
        ticked.set(key, (ticked.get(key) ?? false) || item.state === "checked");
      }
    }
    for (const [key, isTicked] of ticked) {
      const tally = this.items.get(key)!;
      tally.reports++;
      if (isTicked) tally.ticked++;
    }
  }
}

/** The class overview of a run: one pure function that the terminal, JSON and HTML reporters share. */
export function classSummary(results: readonly LintResult[], cwd: string): ClassSummary {
  const tally = new ClassTally(cwd);
  for (const { result } of inOutputOrder(listOf(results), cwd)) tally.add(result);
  return tally.summary();
}
