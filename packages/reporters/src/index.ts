import { compact } from "./compact.js";
import { csv, csvStudents } from "./csv.js";
import { github } from "./github.js";
import { htmlReporter } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { terminal } from "./terminal.js";
import type { FormatName, Reporter } from "./types.js";

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
export { wrapText } from "./text-width.js";
export type { FolderReporter, FormatName, OutputFile, Reporter, ReporterContext } from "./types.js";

export const reporters: Readonly<Record<FormatName, Reporter>> = Object.freeze({
  terminal,
  json,
  junit,
  html: htmlReporter,
  sarif,
  github,
  compact,
  csv,
  "csv-students": csvStudents,
});

/** The default (`terminal`) first. */
export const formatNames: readonly FormatName[] = Object.freeze([
  "terminal",
  "json",
  "junit",
  "html",
  "sarif",
  "github",
  "compact",
  "csv",
  "csv-students",
] as const);
