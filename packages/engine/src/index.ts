/**
 * The engine every front end of mlops-report calls (the command, its worker threads, the language server); they
 * import nothing else of the project but the reporters:
 *
 * - `Engine.lintFiles`: a whole run of the command line: inputs expanded (files, repositories, class folders,
 *   globs, standard input), each report's config found, results taken from the cache, reports linted in worker
 *   threads when there are many, each under its time limit wherever it runs, fixes written safely;
 * - `ReportAnalyser`: an editor's buffers, linted as the command lints their files, with what each report's last
 *   version computed kept for the next keystroke; `reportDependencies`: what a report's findings depend on, which
 *   `--watch` and the language server watch;
 * - `ReportLinter`: one report file (`lint`) or text (`lintText`) with the config that applies to it, and the safe
 *   fixes to a fixed point (`fix`); `ConfigResolver`: which config applies to a report;
 * - `LintCache`, `ReportMemory`: what runs keep for the next;
 * - one report named on a command line: its model (`parseReportFile`), its lint (`lintReportFile`), its config
 *   (`describeConfigOf`); a new year's preset from its template (`makePreset`); the rules and course years known.
 *
 * A report or config that cannot be used is a `UserError` (one line; config problems formatted with a caret); so
 * is a report that takes longer than its time limit (`OverTimeLimit`), in whatever thread it is linted.
 */

// What front ends show or write besides findings: the rules and course years known, where a config file goes,
// and why a file could not be read; the model and result types the reporters take.
export type { Bounds, Report } from "@mlops-report/core";
export { describeErrorCode } from "@mlops-report/core";
export type { Diagnostic, Fix, LintResult, RuleMeta, Severity } from "@mlops-report/rules";
export { CONFIG_FILE_NAME, courseYears, listRules } from "@mlops-report/rules";
export { type AnalyserOptions, type Analysis, KEPT_REPORTS, ReportAnalyser } from "./analyse-text.js";
export { type CacheProblem, cacheFile, DEFAULT_CACHE_FILE, LintCache } from "./cache.js";
export { contentHash } from "./cache-key.js";
export { cachedResult, storeResult } from "./cached-lint.js";
export type { Concurrency } from "./concurrency.js";
export { type ConfigChoice, ConfigResolver, type ConfigSource, detectedPreset } from "./configs.js";
export { STDIN_ARG, stdinReport } from "./find-report.js";
export { type FixedPoint, fixToFixedPoint, type LintPass } from "./fix-loop.js";
export { expandInputs } from "./inputs.js";
export {
  Engine,
  type InputProblem,
  type RunLog,
  type RunOptions,
  type RunResult,
  type StdinInput,
} from "./lint-files.js";
export {
  type LintedText,
  type LintOutcome,
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
  unpackOutcome,
} from "./lint-one.js";
export { makeFolder } from "./make-folder.js";
export { makePreset, type PresetChoice } from "./make-preset.js";
export { engineMessages, UserError } from "./messages.js";
export { describeConfigOf, lintReportFile, parseReportFile } from "./one-report.js";
export { shownPath } from "./paths.js";
export { decodeReport, REPORT_SIZE_LIMIT, readReport, textSizeProblem } from "./read-report.js";
export { RecentMap } from "./recent-map.js";
export { type MemoryPlace, ReportMemory } from "./report-memory.js";
export { type Detail, detailFor, slimReport } from "./slim-report.js";
export { DEFAULT_TIME_LIMIT_SECONDS, Deadline, OverTimeLimit } from "./time-limit.js";
export {
  configFolders,
  type ReportDependencies,
  reportDependencies,
  repositoryRoot,
} from "./watch-targets.js";
export type { FixedReport } from "./write-fixes.js";
