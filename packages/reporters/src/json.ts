import type { Diagnostic, JudgedCount, LintResult } from "@mlops-report/rules";
import { EvidenceTally, itemEvidence } from "./checklist-evidence.js";
import { ClassTally, showsClassSummary } from "./class-summary.js";
import { type JsonParts, jsonArray, jsonObject, jsonValue } from "./json-parts.js";
import type { JsonDiagnostic, JsonQuestion, JsonResult } from "./lint-results-schema.js";
import { relativePath } from "./paths.js";
import { questionGroups, questionStatus } from "./questions.js";
import { type ResultList, wholeText } from "./results.js";
import { inOutputOrder } from "./sort.js";
import { questionTally } from "./summary.js";
import type { Reporter, ReporterContext, StreamingReporter } from "./types.js";

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

/** What the output tells of the class after its results, tallied as they pass. */
interface ClassTallies {
  summary: ClassTally;
  evidence: EvidenceTally;
  /** Whether a report has checklist ids: the evidence table is there only then. */
  checklistIds: boolean;
}

/** The results in output order, each as the JSON shows it; the class's tallies, if any, take each as it passes. */
function* jsonResults(list: ResultList, cwd: string, tallies: ClassTallies | null): Generator<JsonParts> {
  for (const { result, index } of inOutputOrder(list, cwd)) {
    if (tallies) {
      tallies.summary.add(result);
      tallies.evidence.add(result, index);
      if (result.checklist) tallies.checklistIds = true;
    }
    yield jsonValue(toJsonResult(result, cwd), 2);
  }
}

/** The members of the output: its results one at a time, then what the class's tallies made of them. */
function* jsonMembers(list: ResultList, context: ReporterContext): Generator<readonly [string, JsonParts]> {
  const tallies: ClassTallies | null = showsClassSummary(list, context)
    ? { summary: new ClassTally(context.cwd), evidence: new EvidenceTally(), checklistIds: false }
    : null;
  yield ["schemaVersion", jsonValue(jsonSchemaVersion, 1)];
  yield ["results", jsonArray(jsonResults(list, context.cwd, tallies), 1)];
  if (tallies) yield ["summary", jsonValue(tallies.summary.summary(), 1)];
  if (tallies?.checklistIds) yield ["checklistEvidence", jsonValue(tallies.evidence.summary(), 1)];
}

/** The versioned machine-readable shape (`JsonOutput`), pretty-printed with a final newline, a result at a time. */
export const jsonParts: StreamingReporter = function* (list, context) {
  yield* jsonObject(jsonMembers(list, context), 0);
  yield "\n";
};

export const json: Reporter = wholeText(jsonParts);
