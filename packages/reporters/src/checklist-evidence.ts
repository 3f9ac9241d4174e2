import type { ChecklistEvidence, LintResult, RepositoryFileEvidence } from "@mlops-report/rules";
import { CONSISTENCY_RULE_ID } from "@mlops-report/rules";

/** What the answers say of a checklist item: the consistency findings about it. */
export interface AnswerEvidence {
  severity: "error" | "warning" | "info";
  message: string;
  line: number;
}

/** One checklist item as shown: its state, what the answers say, what the repository shows. */
export interface ItemEvidence extends ChecklistEvidence {
  answers: AnswerEvidence[];
}

/** Per checklist item with an id, in checklist order; empty when the config names no ids. */
export function itemEvidence(result: LintResult): ItemEvidence[] {
  return (result.checklist ?? []).map((item) => ({
    ...item,
    answers: result.diagnostics
      .filter((d) => d.ruleId === CONSISTENCY_RULE_ID && d.checklistItem === item.id)
      .map((d) => ({ severity: d.severity, message: d.message, line: d.line })),
  }));
}

/**
 * Whether the answers describe the item as done: a ticked item no consistency finding questions, or an unticked
 * one a consistency finding says the answers describe.
 */
export function described(item: ItemEvidence): boolean {
  if (item.state === "checked") return !item.answers.some((a) => a.severity !== "info");
  if (item.state === "unchecked") return item.answers.some((a) => a.severity === "info");
  return false;
}

/** `src/train.py`, or `src/train.py:3` for a content match. */
export function fileLabel(file: RepositoryFileEvidence): string {
  return file.line === undefined ? file.path : `${file.path}:${file.line}`;
}

/** One line on what the repository shows of an item, or null when it was not asked. */
export function repositoryLabel(item: ChecklistEvidence): string | null {
  const repo = item.repository;
  if (!repo) return null;
  if (repo.shows?.found) return `shows it: ${repo.shows.files.map(fileLabel).join(", ")}`;
  if (repo.trace?.found) return `a trace: ${repo.trace.files.map(fileLabel).join(", ")}`;
  if (repo.trace && !repo.trace.complete) return "not known (a limit cut the search short)";
  if (repo.trace) return "no trace";
  return "not shown";
}

/** One checklist id across the class. */
export interface EvidenceRow {
  id: string;
  /** Reports whose checklist has the item. */
  reports: number;
  ticked: number;
  /** Reports whose answers describe it as done (see `described`). */
  described: number;
  /** Reports whose repository holds a trace of it, of those where one was looked for (null: never looked for). */
  trace: number | null;
  /** Reports whose repository clearly shows the group's own work (null: never looked for). */
  shown: number | null;
}

/** A row as it is being counted, with where it was first met: the earliest result that has it, its item there. */
type CountedRow = EvidenceRow & { first: { result: number; item: number } };

/**
 * The per-id table made one result at a time, in any order: each result comes with where it stands in the order
 * the results were given, and the rows keep the order in which that order first meets their ids (as
 * `evidenceSummary` gives them), whatever order they are added in.
 */
export class EvidenceTally {
  private readonly rows = new Map<string, CountedRow>();

  /** Counts `result`, the `position`th of the results as they were given. */
  add(result: LintResult, position: number): void {
    for (const [index, item] of itemEvidence(result).entries()) {
      const row = this.rowOf(item.id, { result: position, item: index });
      row.reports++;
      if (item.state === "checked") row.ticked++;
      if (described(item)) row.described++;
      const repo = item.repository;
      if (repo?.trace) row.trace = (row.trace ?? 0) + (repo.trace.found ? 1 : 0);
      if (repo?.shows) row.shown = (row.shown ?? 0) + (repo.shows.found ? 1 : 0);
    }
  }

  summary(): EvidenceRow[] {
    return [...this.rows.values()]
      .sort((a, b) => a.first.result - b.first.result || a.first.item - b.first.item)
      .map(({ first: _, ...row }) => row);
  }

  private rowOf(id: string, at: CountedRow["first"]): CountedRow {
    const row = this.rows.get(id);
    if (!row) {
      const made = { id, reports: 0, ticked: 0, described: 0, trace: null, shown: null, first: at };
      this.rows.set(id, made);
      return made;
    }
    // The first item of the earliest result: a later item of that same result does not move the row.
    if (at.result < row.first.result) row.first = at;
    return row;
  }
}

/** Per checklist id: how many groups ticked it, described it, and show it in the repository; in first-seen order. */
export function evidenceSummary(results: readonly LintResult[]): EvidenceRow[] {
  const tally = new EvidenceTally();
  for (const [position, result] of results.entries()) tally.add(result, position);
  return tally.summary();
}
