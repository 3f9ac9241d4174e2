import { type Bounds, parse, type Question, type Report } from "@mlops-report/core";
import { Deadline, readReport } from "@mlops-report/engine";
import { templateYears } from "@mlops-report/rules";
import { findReport } from "../find-reports.js";
import type { Io } from "../io.js";
import { parseTimeLimit } from "../time-limit-option.js";

/** The model as JSON, without the report's text (which the user has). */
export function modelJson(report: Report): string {
  const { text: _text, ...source } = report.source;
  return `${JSON.stringify({ ...report, source }, null, 2)}\n`;
}

const bounds = (b: Bounds | undefined) => (b ? (b.min === b.max ? `${b.min}` : `${b.min}-${b.max}`) : "");

function questionLine(q: Question): string {
  const { answer, constraints } = q;
  const words = constraints.words
    ? `${answer.words.prose} words (${bounds(constraints.words)})`
    : `${answer.words.prose} words`;
  const images = constraints.images || answer.imageCount.prose ? `${answer.imageCount.prose} images` : "";
  const imageBounds = constraints.images ? ` (${bounds(constraints.images)})` : "";
  const leftover = answer.leftoverPlaceholder ? " + leftover placeholder" : "";
  return `  Q${String(q.number).padEnd(3)} ${answer.state.padEnd(11)} ${words.padEnd(22)} ${(images + imageBounds).padEnd(18)} line ${answer.line}${leftover}`.trimEnd();
}

/** A human summary: year, ticks per checklist section, and per question its state, counts and constraints. */
export function modelSummary(report: Report, shown: string): string {
  const t = report.template;
  const lines = [shown, `  template   ${t.year} (${t.questionCount} questions, answers ${t.answerStyle})`];
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
  for (const q of report.questions) lines.push(questionLine(q));
  if (report.problems.length) lines.push("  structure");
  for (const p of report.problems) lines.push(`    line ${p.line}: ${p.message}`);
  return `${lines.join("\n")}\n`;
}

export function inspectCommand(
  path: string,
  options: { json?: boolean; timeLimit?: string },
  io: Io,
): number {
  const timeLimit = parseTimeLimit(options.timeLimit);
  const file = findReport(io.cwd, path);
  const text = readReport(file.path, file.shown);
  const deadline = new Deadline(timeLimit, file.shown);
  const report = deadline.run(() => parse(text, { path: file.path, years: templateYears() }));
  io.stdout(options.json ? modelJson(report) : modelSummary(report, file.shown));
  return 0;
}
