import type { Question } from "@mlops-report/core";
import type { Diagnostic, LintResult, QuestionCounts, Severity } from "@mlops-report/rules";

/** A question at a glance: its worst finding, else whether it is answered. */
export type QuestionStatus = "ok" | "info" | "warning" | "error" | "unanswered";

export function worst(diagnostics: readonly { severity: Severity }[]): Severity | null {
  if (diagnostics.some((d) => d.severity === "error")) return "error";
  if (diagnostics.some((d) => d.severity === "warning")) return "warning";
  return diagnostics.length > 0 ? "info" : null;
}

/**
 * A question's colour: a question left unanswered is grey whatever its findings (they say it is unanswered),
 * else the worst finding's.
 */
export function questionStatus(question: Question, diagnostics: readonly Diagnostic[]): QuestionStatus {
  if (question.answer.state !== "answered") return "unanswered";
  return worst(diagnostics) ?? "ok";
}

/** One question of a report as every format shows it: its findings, and its counts as its rules judged them. */
export interface QuestionGroup {
  question: Question;
  counts: QuestionCounts;
  diagnostics: Diagnostic[];
}

/**
 * Question numbers in report order, each once (a repeated heading: its first), with their findings and counts;
 * and the findings about no question, or about a question the report lacks.
 */
export function questionGroups(result: LintResult): { groups: QuestionGroup[]; reportWide: Diagnostic[] } {
  const byQuestion = new Map<number, Diagnostic[]>();
  for (const d of result.diagnostics) {
    if (d.question === null) continue;
    const list = byQuestion.get(d.question) ?? [];
    list.push(d);
    byQuestion.set(d.question, list);
  }
  const seen = new Set<number>();
  const groups: QuestionGroup[] = [];
  for (const [index, question] of result.report.questions.entries()) {
    const counts = result.questionCounts[index];
    if (seen.has(question.number) || !counts) continue;
    seen.add(question.number);
    groups.push({ question, counts, diagnostics: byQuestion.get(question.number) ?? [] });
  }
  const reportWide = result.diagnostics.filter((d) => d.question === null || !seen.has(d.question));
  return { groups, reportWide };
}
