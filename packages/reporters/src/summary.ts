import type { Report } from "@mlops-report/core";
import type { LintResult } from "@mlops-report/rules";

export interface QuestionTally {
  answered: number;
  total: number;
}

/**
 * Questions answered out of the questions the template asks. A question counts once however often its
 * heading appears; the total is never below the number of distinct questions found.
 */
export function questionTally(report: Report): QuestionTally {
  const found = new Set<number>();
  const answered = new Set<number>();
  for (const question of report.questions) {
    found.add(question.number);
    if (question.answer.state === "answered") answered.add(question.number);
  }
  return { answered: answered.size, total: Math.max(report.template.questionCount, found.size) };
}

export interface Totals {
  reports: number;
  errors: number;
  warnings: number;
  infos: number;
  answered: number;
  questions: number;
}

/** Totals of no result yet, to which `addToTotals` adds one result at a time. */
export function noTotals(): Totals {
  return { reports: 0, errors: 0, warnings: 0, infos: 0, answered: 0, questions: 0 };
}

export function addToTotals(sum: Totals, result: LintResult): void {
  const tally = questionTally(result.report);
  sum.reports++;
  sum.errors += result.errorCount;
  sum.warnings += result.warningCount;
  sum.infos += result.infoCount;
  sum.answered += tally.answered;
  sum.questions += tally.total;
}

export function totals(results: readonly LintResult[]): Totals {
  const sum = noTotals();
  for (const result of results) addToTotals(sum, result);
  return sum;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A short human name for a rule: `answer/word-count` -> `word count`, `image/exists` -> `image exists`.
 * Answer rules drop their category because the question already says what is checked.
 */
export function ruleLabel(ruleId: string): string {
  const slash = ruleId.indexOf("/");
  const category = slash === -1 ? "" : ruleId.slice(0, slash);
  const name = slash === -1 ? ruleId : ruleId.slice(slash + 1);
  const words = (category === "answer" || category === "" ? name : `${category} ${name}`)
    .replace(/[-_/]+/g, " ")
    .trim();
  return words === "" ? ruleId : words;
}

export function templateLabel(report: Report): string {
  const year = report.template.year;
  return year === "unknown" ? "unknown template" : `${year} template`;
}
