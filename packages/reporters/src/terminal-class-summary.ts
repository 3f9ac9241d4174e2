import type pc from "picocolors";
import type { CheckFailures, ClassSummary } from "./class-summary.js";
import { terminalSafe } from "./escape.js";
import { plural } from "./summary.js";
import { displayWidth, truncateText, wrapText } from "./text-width.js";

type Colors = ReturnType<typeof pc.createColors>;

const width = 80;
const indent = "    ";

function count(value: number, paint: (text: string) => string, c: Colors, pad: number): string {
  const text = String(value).padStart(pad);
  return value === 0 ? c.dim(text) : paint(text);
}

/** `Question 14  answer/word-count   0 · 12`: groups with an error · groups with a warning only. */
function checkLines(summary: ClassSummary, c: Colors): string[] {
  const places: [string, CheckFailures[]][] = [
    ...(summary.reportWide.length > 0
      ? [["Report-wide", summary.reportWide] as [string, CheckFailures[]]]
      : []),
    ...summary.questions.map((q): [string, CheckFailures[]] => [`Question ${q.question}`, q.checks]),
  ];
  if (places.length === 0) return [`${indent}${c.green("no check fails in any group")}`];
  const all = places.flatMap(([, checks]) => checks);
  const labelWidth = Math.max(...places.map(([label]) => label.length));
  const pad = Math.max(...all.map((check) => String(Math.max(check.errors, check.warnings)).length));
  const ruleWidth = Math.min(
    Math.max(...all.map((check) => displayWidth(terminalSafe(check.ruleId)))),
    width - indent.length - labelWidth - 2 - 2 - (2 * pad + 3),
  );
  const lines: string[] = [];
  for (const [label, checks] of places) {
    for (const [index, check] of checks.entries()) {
      const rule = truncateText(terminalSafe(check.ruleId), ruleWidth);
      const ruleCell = rule + " ".repeat(ruleWidth - displayWidth(rule));
      const counts = `${count(check.errors, c.red, c, pad)} · ${count(check.warnings, c.yellow, c, pad)}`;
      lines.push(`${indent}${(index === 0 ? label : "").padEnd(labelWidth)}  ${ruleCell}  ${counts}`);
    }
  }
  return lines;
}

/** `Week 1   Create a git repository   20/20`, cut to fit the line. */
function checklistLines(summary: ClassSummary, c: Colors): string[] {
  if (summary.checklist.length === 0) return [`${indent}${c.dim("no checklist in any report")}`];
  const sectionWidth = Math.min(
    12,
    Math.max(...summary.checklist.map((i) => displayWidth(terminalSafe(i.section)))),
  );
  const tallyWidth = Math.max(...summary.checklist.map((i) => `${i.ticked}/${i.reports}`.length));
  const textWidth = width - indent.length - sectionWidth - 2 - 2 - tallyWidth;
  return summary.checklist.map((item) => {
    const section = truncateText(terminalSafe(item.section), sectionWidth);
    const text = truncateText(terminalSafe(item.text), textWidth);
    const tally = `${item.ticked}/${item.reports}`.padStart(tallyWidth);
    return `${indent}${section}${" ".repeat(sectionWidth - displayWidth(section))}  ${text}${" ".repeat(textWidth - displayWidth(text))}  ${tally}`;
  });
}

function mostErrorsLines(summary: ClassSummary, c: Colors): string[] {
  if (summary.mostErrors.length === 0) return [`${indent}${c.green("no group has errors")}`];
  const countsOf = (group: ClassSummary["mostErrors"][number]) =>
    `${plural(group.errors, "error")}, ${plural(group.warnings, "warning")}`;
  const countsWidth = Math.max(...summary.mostErrors.map((group) => countsOf(group).length));
  return summary.mostErrors.flatMap((group) => {
    const counts = countsOf(group).padEnd(countsWidth);
    // A group is its repository: `submissions/group-3`, not `submissions/group-3/reports/README.md`.
    const path = terminalSafe(group.filePath.replace(/\/reports\/README\.md$/, ""));
    if (displayWidth(`${indent}${counts}  ${path}`) <= width) return [`${indent}${c.red(counts)}  ${path}`];
    return [
      `${indent}${c.red(counts.trimEnd())}`,
      ...wrapText(path, width - indent.length - 2).map((line) => `${indent}  ${line}`),
    ];
  });
}

/** The class summary block of the terminal output: failing checks per question, checklist ticks, most errors. */
export function classSummaryLines(summary: ClassSummary, c: Colors): string[] {
  return [
    c.bold(`Class summary: ${plural(summary.reports, "report")}, ${summary.reportsWithErrors} with errors`),
    c.bold("  Groups failing each check (with an error · with a warning only)"),
    ...checkLines(summary, c),
    c.bold("  Checklist items: groups that ticked each, of the groups whose report has it"),
    ...checklistLines(summary, c),
    c.bold("  Most errors"),
    ...mostErrorsLines(summary, c),
  ];
}
