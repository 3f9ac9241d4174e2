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

/** Per checklist id: how many groups ticked it, described it, and show it in the repository; in first-seen order. */
export function evidenceSummary(results: readonly LintResult[]): EvidenceRow[] {
  const rows = new Map<string, EvidenceRow>();
  for (const result of results) {
    for (const item of itemEvidence(result)) {
      let row = rows.get(item.id);
      if (!row) {
        row = { id: item.id, reports: 0, ticked: 0, described: 0, trace: null, shown: null };
        rows.set(item.id, row);
      }
      row.reports++;
      if (item.state === "checked") row.ticked++;
      if (described(item)) row.described++;
      const repo = item.repository;
      if (repo?.trace) row.trace = (row.trace ?? 0) + (repo.trace.found ? 1 : 0);
      if (repo?.shows) row.shown = (row.shown ?? 0) + (repo.shows.found ? 1 : 0);
    }
  }
  return [...rows.values()];
}
