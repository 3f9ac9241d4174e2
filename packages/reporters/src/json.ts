import type { Diagnostic, GroupIdentity, JudgedCount, LintResult } from "@mlops-report/rules";
import { type EvidenceRow, evidenceSummary, type ItemEvidence, itemEvidence } from "./checklist-evidence.js";
import { type ClassSummary, classSummary, showsClassSummary } from "./class-summary.js";
import { stringifyWellFormed } from "./escape.js";
import { relativePath } from "./paths.js";
import { type QuestionStatus, questionGroups, questionStatus } from "./questions.js";
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

/** One question's counts as its rules judged them, and its status (added within version 1). */
export interface JsonQuestion {
  question: number;
  status: QuestionStatus;
  words: JudgedCount;
  images: JudgedCount;
}

export interface JsonResult {
  filePath: string;
  template: { year: number | "unknown"; questionCount: number };
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** `counts`: per question, each once, in report order (added within version 1). */
  questions: { answered: number; total: number; counts: JsonQuestion[] };
  /** The group number and study numbers the report gives (added within version 1). */
  group: GroupIdentity;
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
