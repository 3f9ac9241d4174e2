import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { type EvidenceRow, evidenceSummary, type ItemEvidence, itemEvidence } from "./checklist-evidence.js";
import { type ClassSummary, classSummary, showsClassSummary } from "./class-summary.js";
import { stringifyWellFormed } from "./escape.js";
import { relativePath } from "./paths.js";
import { sortResults } from "./sort.js";
import { questionTally } from "./summary.js";
import type { Reporter, ReporterContext } from "./types.js";

/** Bumped only when a field changes meaning or goes away; `schema/lint-results.schema.json` documents it. */
export const jsonSchemaVersion = 1;

export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic["severity"];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  question: number | null;
  checklistItem: string | null;
  /** How `--fix` resolves the finding (added within version 1). */
  fix?: { start: number; end: number; text: string };
}

export interface JsonResult {
  filePath: string;
  template: { year: number | "unknown"; questionCount: number };
  errorCount: number;
  warningCount: number;
  infoCount: number;
  questions: { answered: number; total: number };
  diagnostics: JsonDiagnostic[];
  /** Per checklist item with an id: state, the answers' consistency findings, the repository's evidence (added within version 1). */
  checklist?: ItemEvidence[];
}

export interface JsonOutput {
  schemaVersion: typeof jsonSchemaVersion;
  results: JsonResult[];
  /** With several reports only: the class summary (added within version 1; older readers may ignore it). */
  summary?: ClassSummary;
  /** With several reports only: per checklist id, groups that ticked, described and show it (added within version 1). */
  checklistEvidence?: EvidenceRow[];
}

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

function toJsonResult(result: LintResult, cwd: string): JsonResult {
  const { answered, total } = questionTally(result.report);
  return {
    filePath: relativePath(result.filePath, cwd),
    template: { year: result.report.template.year, questionCount: result.report.template.questionCount },
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    questions: { answered, total },
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
