import type { Bounds, Question, Report } from "@mlops-report/core";
import { type JudgedCount, type QuestionCounts, readerClause } from "@mlops-report/rules";

/** The model as JSON, without the report's text (which the user has). */
export function modelJson(report: Report): string {
  const { text: _text, ...source } = report.source;
  return `${JSON.stringify({ ...report, source }, null, 2)}\n`;
}

const bounds = (b: Bounds | null) => (b ? (b.min === b.max ? `${b.min}` : `${b.min}-${b.max}`) : "");

const shown = (judged: JudgedCount) => (judged.count === null ? "?" : String(judged.count));

/** A question's line, its counts as its rules judge them; under it, what a reader sees where that differs. */
function questionLines(q: Question, counts: QuestionCounts): string[] {
  const { answer } = q;
  const words = counts.words.allowed
    ? `${shown(counts.words)} words (${bounds(counts.words.allowed)})`
    : `${shown(counts.words)} words`;
  const images =
    counts.images.allowed || counts.images.count !== 0
      ? `${shown(counts.images)} images${counts.images.allowed ? ` (${bounds(counts.images.allowed)})` : ""}`
      : "";
  const leftover = answer.leftoverPlaceholder ? " + leftover placeholder" : "";
  const lines = [
    `  Q${String(q.number).padEnd(3)} ${answer.state.padEnd(11)} ${words.padEnd(22)} ${images.padEnd(18)} line ${answer.line}${leftover}`.trimEnd(),
  ];
  for (const [what, judged] of [
    ["words", counts.words],
    ["images", counts.images],
  ] as const) {
    const reader = readerClause(judged);
    if (reader) lines.push(`       ${what}: ${reader}`);
  }
  return lines;
}

/**
 * A human summary: year, ticks per checklist section, and per question its state, and its counts as the rules
 * judge them (`counts`, one per question of the report, in order) against the range that applies.
 */
export function modelSummary(report: Report, shownPath: string, counts: readonly QuestionCounts[]): string {
  const t = report.template;
  const lines = [
    shownPath,
    `  template   ${t.year} (${t.questionCount} questions, answers ${t.answerStyle})`,
  ];
  for (const reason of t.fingerprints) lines.push(`             - ${reason}`);
  if (report.checklist.sections.length === 0) lines.push("  checklist  none");
  for (const [i, s] of report.checklist.sections.entries()) {
    const ticked = s.items.filter((item) => item.state === "checked").length;
    const other = s.items.filter((item) => item.state === "other").length;
    const label = i === 0 ? "  checklist  " : "             ";
    lines.push(
      `${label}${(s.title || "(no section)").padEnd(12)} ${ticked}/${s.items.length} ticked${other ? `, ${other} other marks` : ""}`,
    );
  }
  const answered = report.questions.filter((q) => q.answer.state === "answered").length;
  lines.push(`  questions  ${answered}/${report.questions.length} answered`);
  for (const [i, q] of report.questions.entries()) {
    const judged = counts[i];
    if (judged) lines.push(...questionLines(q, judged));
  }
  if (report.problems.length) lines.push("  structure");
  for (const p of report.problems) lines.push(`    line ${p.line}: ${p.message}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Shows the parsed model of a report (`--json`: as it is); the summary's counts are linted with the config that
 * applies, as `lint` finds it, so that they are the numbers the rules judge by. Both within the time limit.
 */
