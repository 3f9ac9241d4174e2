/**
 * The engine every front end of mlops-report calls (the command, its worker threads, the language server):
 *
 * - `ReportLinter`: lint a report file (`lint`) or a text such as an editor's buffer (`lintText`) with the config
 *   that applies to it, and apply the safe fixes to a fixed point (`fix`);
 * - `ConfigResolver`: which config applies to a report (`locate`) and that config loaded (`forSource`);
 * - `LintCache` with `cachedResult`/`storeResult`: results of earlier runs, valid while the report, its config
 *   and every file its checks looked at are unchanged;
 * - `ReportMemory`: what one report's runs keep for the next (section trees, the repository's answers).
 *
 * A report or config that cannot be used is a `UserError` (one line; config problems formatted with a caret); so
 * is a report that takes longer than its time limit (`OverTimeLimit`), in whatever thread it is linted.
 */
export { type CacheProblem, cacheFile, DEFAULT_CACHE_FILE, LintCache } from "./cache.js";
export { contentHash } from "./cache-key.js";
export { cachedResult, storeResult } from "./cached-lint.js";
export { type ConfigChoice, ConfigResolver, type ConfigSource, detectedPreset } from "./configs.js";
export { type FixedPoint, fixToFixedPoint, type LintPass } from "./fix-loop.js";
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
export { engineMessages, UserError } from "./messages.js";
export { shownPath } from "./paths.js";
export { decodeReport, REPORT_SIZE_LIMIT, readReport, textSizeProblem } from "./read-report.js";
export { type MemoryPlace, ReportMemory } from "./report-memory.js";
export { type Detail, detailFor, slimReport } from "./slim-report.js";
export { DEFAULT_TIME_LIMIT_SECONDS, Deadline, OverTimeLimit } from "./time-limit.js";
