import type { Diagnostic, JudgedCount, LintResult } from "@mlops-report/rules";
import { evidenceSummary, itemEvidence } from "./checklist-evidence.js";
import { classSummary, showsClassSummary } from "./class-summary.js";
import { stringifyWellFormed } from "./escape.js";
import type { JsonDiagnostic, JsonOutput, JsonQuestion, JsonResult } from "./lint-results-schema.js";
import { relativePath } from "./paths.js";
import { questionGroups, questionStatus } from "./questions.js";
import { sortResults } from "./sort.js";
import { questionTally } from "./summary.js";
import type { Reporter, ReporterContext } from "./types.js";

/** Bumped only when a field changes meaning or goes away; `lint-results-schema.ts` declares the shape. */
export const jsonSchemaVersion = 1;

export type { JsonDiagnostic, JsonOutput, JsonQuestion, JsonResult } from "./lint-results-schema.js";

function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  // Built field by field so that the key order, and so the bytes, never depend on the engine's objects.
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    question: d.question,
    checklistItem: d.checklistItem,
    ...(d.fix ? { fix: { start: d.fix.start, end: d.fix.end, text: d.fix.text } } : {}),
  };
}

/** Field by field, like the diagnostics: a count's key order never depends on the engine's objects. */
function toJsonCount(judged: JudgedCount): JudgedCount {
  return {
    count: judged.count,
    counting: judged.counting,
    allowed: judged.allowed && { min: judged.allowed.min, max: judged.allowed.max },
    ...(judged.reader ? { reader: { count: judged.reader.count, why: [...judged.reader.why] } } : {}),
  };
}

function toJsonQuestions(result: LintResult): JsonQuestion[] {
  return questionGroups(result).groups.map(({ question, counts, diagnostics }) => ({
    question: question.number,
    status: questionStatus(question, diagnostics),
    words: toJsonCount(counts.words),
    images: toJsonCount(counts.images),
  }));
}

function toJsonResult(result: LintResult, cwd: string): JsonResult {
  const { answered, total } = questionTally(result.report);
  return {
    filePath: relativePath(result.filePath, cwd),
    template: { year: result.report.template.year, questionCount: result.report.template.questionCount },
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    questions: { answered, total, counts: toJsonQuestions(result) },
    group: { text: result.group.text, number: result.group.number, students: [...result.group.students] },
    diagnostics: result.diagnostics.map(toJsonDiagnostic),
    ...(result.checklist ? { checklist: itemEvidence(result) } : {}),
  };
}

export function toJsonOutput(
  results: readonly LintResult[],
  cwd: string,
  context: Pick<ReporterContext, "classSummary"> = {},
): JsonOutput {
  return {
    schemaVersion: jsonSchemaVersion,
    results: sortResults(results, cwd).map((result) => toJsonResult(result, cwd)),
    ...(showsClassSummary(results, context) ? { summary: classSummary(results, cwd) } : {}),
    ...(showsClassSummary(results, context) && results.some((r) => r.checklist)
      ? { checklistEvidence: evidenceSummary(results) }
      : {}),
  };
}

/** The versioned machine-readable shape, pretty-printed with a final newline. */
export const json: Reporter = (results, context) =>
  `${stringifyWellFormed(toJsonOutput(results, context.cwd, context))}\n`;
