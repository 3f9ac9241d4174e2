import type { Diagnostic, LintResult, Severity } from "@mlops-report/rules";
import pc from "picocolors";
import { EvidenceTally } from "./checklist-evidence.js";
import { ClassTally, showsClassSummary } from "./class-summary.js";
import { terminalSafe } from "./escape.js";
import { relativePath } from "./paths.js";
import { type ResultList, wholeText } from "./results.js";
import { inOutputOrder } from "./sort.js";
import { addToTotals, noTotals, plural, questionTally, type Totals, templateLabel } from "./summary.js";
import { classSummaryLines } from "./terminal-class-summary.js";
import { evidenceTableLines, itemEvidenceLines } from "./terminal-evidence.js";
import { displayWidth, wrapText } from "./text-width.js";
import type { Reporter, ReporterContext, StreamingReporter } from "./types.js";

/** Every line of the output fits this many columns. */
export const terminalWidth = 80;

type Colors = ReturnType<typeof pc.createColors>;

interface Group {
  label: string;
  diagnostics: Diagnostic[];
}

/** Report-wide findings first, then questions in the order the report has them, then questions it lacks. */
function groupByQuestion(result: LintResult): Group[] {
  const byQuestion = new Map<number | null, Diagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    const list = byQuestion.get(diagnostic.question) ?? [];
    list.push(diagnostic);
    byQuestion.set(diagnostic.question, list);
  }
  const groups: Group[] = [];
  const reportWide = byQuestion.get(null);
  if (reportWide) groups.push({ label: "Report-wide", diagnostics: reportWide });
  for (const question of result.report.questions) {
    const diagnostics = byQuestion.get(question.number);
    if (!diagnostics) continue;
    byQuestion.delete(question.number);
    groups.push({
      label: `Question ${question.number} (answer at line ${question.answer.line})`,
      diagnostics,
    });
  }
  const missing = [...byQuestion.keys()].filter((key): key is number => key !== null).sort((a, b) => a - b);
  for (const number of missing) {
    groups.push({
      label: `Question ${number} (not in the report)`,
      diagnostics: byQuestion.get(number) ?? [],
    });
  }
  return groups;
}

function severityLabel(severity: Severity, c: Colors): string {
  const padded = severity.padEnd(7);
  if (severity === "error") return c.red(padded);
  if (severity === "warning") return c.yellow(padded);
  return c.blue(padded);
}

/** `text` wrapped to `width`, each line prefixed; the first line may get its own prefix. */
function wrapped(text: string, width: number, firstPrefix: string, prefix: string): string[] {
  return wrapText(text, width).map((line, index) => (index === 0 ? firstPrefix : prefix) + line);
}

function fileHeader(result: LintResult, path: string, c: Colors): string[] {
  const tally = questionTally(result.report);
  const meta = `(${templateLabel(result.report)}, ${tally.answered}/${tally.total} questions answered)`;
  const name = terminalSafe(path);
  if (displayWidth(name) + 1 + displayWidth(meta) <= terminalWidth) {
    return [`${c.bold(c.underline(name))} ${c.dim(meta)}`];
  }
  return [
    ...wrapText(name, terminalWidth).map((line) => c.bold(c.underline(line))),
    ...wrapped(meta, terminalWidth - 2, "  ", "  ").map((line) => c.dim(line)),
  ];
}

function diagnosticLines(diagnostic: Diagnostic, locationWidth: number, c: Colors): string[] {
  const indent = "    ";
  const location = `${diagnostic.line}:${diagnostic.column}`.padEnd(locationWidth);
  const messageColumn = indent.length + locationWidth + 2 + 7 + 2;
  const messageWidth = terminalWidth - messageColumn;
  const hanging = " ".repeat(messageColumn);
  const message = wrapText(terminalSafe(diagnostic.message), messageWidth);
  const ruleId = terminalSafe(diagnostic.ruleId);
  const last = message[message.length - 1] ?? "";
  const lines = message.map((line) => line);
  if (last === "" || displayWidth(last) + 2 + displayWidth(ruleId) <= messageWidth) {
    lines[lines.length - 1] = last === "" ? c.dim(ruleId) : `${last}  ${c.dim(ruleId)}`;
  } else {
    lines.push(...wrapText(ruleId, messageWidth).map((line) => c.dim(line)));
  }
  return lines.map((line, index) =>
    index === 0
      ? `${indent}${c.dim(location)}  ${severityLabel(diagnostic.severity, c)}  ${line}`
      : `${hanging}${line}`,
  );
}

function fileLines(result: LintResult, path: string, c: Colors): string[] {
  const lines = fileHeader(result, path, c);
  if (result.diagnostics.length === 0) {
    lines.push(`  ${c.green("no problems")}`);
    return lines;
  }
  const locationWidth = Math.max(...result.diagnostics.map((d) => `${d.line}:${d.column}`.length));
  for (const group of groupByQuestion(result)) {
    lines.push(...wrapped(group.label, terminalWidth - 2, "  ", "  ").map((line) => c.bold(line)));
    for (const diagnostic of group.diagnostics) lines.push(...diagnosticLines(diagnostic, locationWidth, c));
  }
  return lines;
}

/** What the last lines tell of the run, counted as the results pass. */
interface RunTally {
  totals: Totals;
  /** Findings `--fix` can fix. */
  fixable: number;
}

function summaryLine({ totals: sum, fixable }: RunTally, c: Colors): string[] {
  const parts = [plural(sum.errors, "error"), plural(sum.warnings, "warning")];
  if (sum.infos > 0) parts.push(`${sum.infos} info`);
  const reports = sum.reports === 1 ? "" : ` in ${plural(sum.reports, "report")}`;
  const text = `${parts.join(", ")}${reports} · questions answered ${sum.answered}/${sum.questions}`;
  const symbol = sum.errors > 0 ? c.red("✖") : sum.warnings > 0 ? c.yellow("✖") : c.green("✔");
  // The symbol may be drawn two columns wide.
  const lines = wrapped(text, terminalWidth - 3, "", "   ").map((line, index) =>
    index === 0 ? `${symbol} ${c.bold(line)}` : c.bold(line),
  );
  if (fixable > 0)
    lines.push(
      `  ${plural(fixable, "finding")} can be fixed with --fix (to see the changes first: --fix-dry-run)`,
    );
  return lines;
}

/** The class's tallies for the lines after its reports: the summary, and with `--show-evidence` the table. */
interface ClassTallies {
  summary: ClassTally;
  evidence: EvidenceTally | null;
}

function classTallies(list: ResultList, context: ReporterContext): ClassTallies | null {
  if (!showsClassSummary(list, context)) return null;
  return {
    summary: new ClassTally(context.cwd),
    evidence: context.showEvidence ? new EvidenceTally() : null,
  };
}

/** The lines after the reports: the class summary and evidence table, if any, then the totals. */
function closingLines(run: RunTally, tallies: ClassTallies | null, c: Colors): string[] {
  const lines: string[] = [];
  if (tallies) lines.push(...classSummaryLines(tallies.summary.summary(), c), "");
  const table = tallies?.evidence ? evidenceTableLines(tallies.evidence.summary(), c) : [];
  if (table.length > 0) lines.push(...table, "");
  lines.push(...summaryLine(run, c));
  return lines;
}

/**
 * Human-readable output grouped by file and question, within 80 columns: a report's lines at a time, each ended
 * by a blank line, then the class's and the run's.
 */
export const terminalParts: StreamingReporter = function* (list, context) {
  const c = pc.createColors(context.color);
  const run: RunTally = { totals: noTotals(), fixable: 0 };
  const tallies = classTallies(list, context);
  for (const { result, index } of inOutputOrder(list, context.cwd)) {
    const lines = fileLines(result, relativePath(result.filePath, context.cwd), c);
    if (context.showEvidence) lines.push(...itemEvidenceLines(result, c));
    yield `${lines.join("\n")}\n\n`;
    addToTotals(run.totals, result);
    run.fixable += result.diagnostics.filter((d) => d.fix !== undefined).length;
    tallies?.summary.add(result);
    tallies?.evidence?.add(result, index);
  }
  yield `${closingLines(run, tallies, c).join("\n")}\n`;
};

export const terminal: Reporter = wholeText(terminalParts);
