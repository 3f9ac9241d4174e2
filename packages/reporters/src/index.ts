import { builtinReporters } from "./registry.js";

export {
  type CheckFailures,
  type ChecklistTicks,
  CLASS_SUMMARY_MIN_REPORTS,
  type ClassSummary,
  classSummary,
  type GroupErrors,
  MOST_ERRORS_SHOWN,
  type QuestionFailures,
} from "./class-summary.js";
export { shouldUseColor } from "./color.js";
export { isFigureFile } from "./html-figures.js";
export { htmlFolderReporter } from "./html-folder.js";
export type { JsonDiagnostic, JsonOutput, JsonResult } from "./json.js";
export { jsonSchemaVersion } from "./json.js";
export { modelJson, modelSummary } from "./model-summary.js";
export { countHover, countLabel, type QuestionCount, questionCounts } from "./question-count-text.js";
export {
  builtinReporters,
  type FormatName,
  REPORTERS,
  type ReportDetail,
  type ReporterEntry,
  type ReporterRegistry,
  reporterRegistry,
} from "./registry.js";
export { listOf, type ResultList, readAll } from "./results.js";
export { wrapText } from "./text-width.js";
export type { FolderReporter, OutputFile, Reporter, ReporterContext, StreamingReporter } from "./types.js";

export const { reporters, streams: reporterStreams, formatNames, needs: reporterNeeds } = builtinReporters;
