import { availableParallelism } from "node:os";
import { describeErrorCode } from "@mlops-report/core";
import {
  type ConfigChoice,
  ConfigResolver,
  cachedResult,
  cacheFile,
  decodeReport,
  detailFor,
  LintCache,
  type LintOutcome,
  type LintSettings,
  type LintTask,
  REPORT_SIZE_LIMIT,
  readReport,
  storeResult,
} from "@mlops-report/engine";
import {
  htmlFolderReporter,
  type ReporterContext,
  reporterNeeds,
  reporters,
  shouldUseColor,
} from "@mlops-report/reporters";
import { type LintResult, listRules, type RuleMeta } from "@mlops-report/rules";
import { privateCacheFolder } from "../code-cache.js";
import { parseConcurrency, workerCount } from "../concurrency.js";
import { unifiedDiff } from "../diff.js";
import { STDIN_ARG, shownPath, stdinReport } from "../find-reports.js";
import { expandInputs } from "../inputs.js";
import { type Io, printError, printNote, printUserError } from "../io.js";
import { messages, UserError } from "../messages.js";
import { writeFolder } from "../output-folder.js";
import { fileIdentity, parseOutputs, writeOutput } from "../outputs.js";
import { Progress } from "../progress.js";
import { runTasks, workersAvailable } from "../run-tasks.js";
import { parseTimeLimit } from "../time-limit-option.js";
import { VERSION } from "../version.js";
import { writeAtomically } from "../write-atomically.js";
import { printConfig } from "./print-config.js";

export interface LintCommandOptions extends Omit<ConfigChoice, "rules" | "allowPlugins"> {
  allowPlugins?: boolean;
  /** `--rule 'id: severity'`, repeatable. */
  rule?: string[];
  reportUnusedDisableDirectives?: boolean;
  /** `--print-config FILE`: print that report's config and lint nothing. */
  printConfig?: string;
  stdinFilename?: string;
  format: string[];
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  inlineConfig: boolean;
  color?: boolean;
  junitWarnings?: boolean;
  showEvidence?: boolean;
  concurrency?: string;
  cache?: boolean;
  cacheLocation?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  timeLimit?: string;
}

/** A report whose findings were fixed: its text before and after. */
interface FixedReport {
  path: string;
  shown: string;
  before: string;
  after: string;
  count: number;
}

/** What became of one input, in the order the user named them. */
type Slot =
  | { kind: "cached"; result: LintResult; pluginRules: RuleMeta[] }
  | { kind: "error"; message: string; alreadyFormatted: boolean }
  | { kind: "task"; task: number };

/** Keeps errors only, with counts to match. */
function errorsOnly(result: LintResult): LintResult {
  const diagnostics = result.diagnostics.filter((d) => d.severity === "error");
  return { ...result, diagnostics, warningCount: 0, infoCount: 0 };
}

function maxWarningsOf(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) throw new UserError(messages.badMaxWarnings(value));
  return Number(value);
}

/** The report's text as the worker will read it; null when it cannot be read (the worker then says why). */
function textOf(path: string, shown: string): string | null {
  try {
    return readReport(path, shown);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

function openCache(options: LintCommandOptions, io: Io): LintCache | null {
  if (!options.cache) return null;
  const file = cacheFile(io.cwd, options.cacheLocation);
  const { cache, problem } = LintCache.load(file);
  const shown = shownPath(io.cwd, file);
  if (problem?.kind === "foreign") printNote(io, messages.cacheForeign(shown));
  if (problem?.kind === "damaged") printNote(io, messages.cacheDamaged(shown, problem.reason));
  if (problem?.kind === "unusable") printNote(io, messages.cacheUnusable(shown, problem.reason));
  return cache;
}

function saveCache(cache: LintCache, io: Io): void {
  cache.prune();
  try {
    cache.save();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    printNote(
      io,
      messages.cacheNotWritten(shownPath(io.cwd, cache.file), code ? describeErrorCode(code) : String(error)),
    );
  }
}

/** Which reports this run parsed and how many came from the cache: what the cache's tests check. */
function printDebug(
  io: Io,
  tasks: readonly LintTask[],
  outcomes: readonly LintOutcome[],
  fromCache: number,
  workers: number,
): void {
  const parsed = tasks.filter((_, index) => outcomes[index]?.parsed);
  for (const task of parsed) io.stderr(`mlops-report: debug: parsed ${task.shown}\n`);
  io.stderr(
    `mlops-report: debug: ${parsed.length} parsed, ${fromCache} from the cache, ${workers} worker threads\n`,
  );
}

interface Plan {
  slots: Slot[];
  tasks: LintTask[];
  /** Every report of the run, linted or from the cache: no output may be written over one. */
  reports: string[];
}

/** Each input's slot: an error, a result from the cache, or a task for the linter. */
function plan(
  paths: readonly string[],
  stdin: Stdin,
  configs: ConfigResolver,
  cache: LintCache | null,
  settings: LintSettings,
  io: Io,
): Plan {
  const tasks: LintTask[] = [];
  const reports: string[] = [];
  const slots = expandInputs(io.cwd, paths, stdin.filename).map((input): Slot => {
    if ("error" in input) return { kind: "error", message: input.error.message, alreadyFormatted: false };
    const { path, shown, fromStdin } = input.report;
    const task: LintTask = { path, shown, config: configs.locate(path) };
    if (fromStdin) {
      // Not from its file: no cache entry stands for it, and no output may be written over that file.
      if (stdin.text instanceof UserError)
        return { kind: "error", message: stdin.text.message, alreadyFormatted: false };
      tasks.push({ ...task, text: stdin.text ?? "" });
      return { kind: "task", task: tasks.length - 1 };
    }
    reports.push(path);
    const text = cache ? textOf(path, shown) : null;
    const hit = cache && text !== null ? cachedResult(cache, task, text, settings) : null;
    if (hit) return { kind: "cached", result: hit.result, pluginRules: hit.pluginRules };
    tasks.push(task);
    return { kind: "task", task: tasks.length - 1 };
  });
  return { slots, tasks, reports };
}

/**
 * With `--fix-dry-run` (or a failed write) the files still hold the text before the fixes; a report read from
 * standard input is not its file's.
 */
function storeResults(
  cache: LintCache,
  tasks: readonly LintTask[],
  outcomes: readonly LintOutcome[],
  settings: LintSettings,
  written: boolean,
): void {
  for (const [index, outcome] of outcomes.entries()) {
    const task = tasks[index]!;
    if (task.text === undefined) storeResult(cache, task, outcome, settings, written);
  }
}

/** Standard input, when `-` is among the paths: its text, or why it cannot be linted. */
interface Stdin {
  filename: string | undefined;
  text: string | UserError | null;
}

async function readStdinReport(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<Stdin> {
  const filename = options.stdinFilename;
  if (!paths.includes(STDIN_ARG)) {
    if (filename !== undefined) throw new UserError(messages.stdinFilenameAlone());
    return { filename, text: null };
  }
  if (options.fix) throw new UserError(messages.fixStdin());
  if (!io.readStdin) throw new UserError(messages.noStdin());
  const { shown } = stdinReport(io.cwd, filename);
  try {
    return { filename, text: decodeReport(await io.readStdin(REPORT_SIZE_LIMIT), shown) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { filename, text: error };
  }
}

/** The `--config`, `--year`, `--allow-plugins` and `--rule` choices, as every report's run takes them. */
function configChoice(options: LintCommandOptions): ConfigChoice {
  return {
    config: options.config,
    year: options.year,
    allowPlugins: options.allowPlugins === true,
    ...(options.rule?.length ? { rules: options.rule } : {}),
  };
}

/** Every rule that may have reported, plugin rules (sorted) after the built-in ones. */
function knownRules(plugins: Iterable<RuleMeta>): RuleMeta[] {
  const byId = new Map(listRules().map((meta) => [meta.id, meta]));
  for (const meta of [...plugins].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (!byId.has(meta.id)) byId.set(meta.id, meta);
  return [...byId.values()];
}

/**
 * Writes each fixed report back, keeping its line endings and byte-order mark, unless it changed since it was
 * read; false when one was not written.
 */
function writeFixes(fixed: readonly FixedReport[], io: Io): boolean {
  let ok = true;
  for (const report of fixed) {
    // An edit saved while the fixes were made must not be lost: such a file is left as it is.
    if (textOf(report.path, report.shown) !== report.before) {
      printError(io, messages.changedSinceRead(report.shown));
      ok = false;
      continue;
    }
    try {
      writeAtomically(report.path, report.after);
      printNote(io, messages.fixed(report.shown, report.count));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      printError(io, messages.cannotWriteFixes(report.shown, reason));
      ok = false;
    }
  }
  return ok;
}

/**
 * One report linted in this thread keeps what its run computed in the per-user cache folder for its next run (a
 * student's case: lint, edit an answer, lint again), for this build of the command. A class run would fill the
 * folder with reports linted once.
 */
function withMemory(settings: LintSettings, reports: number, workers: number, io: Io): LintSettings {
  const { build } = io;
  if (build === undefined || reports !== 1 || workers !== 0) return settings;
  const folder = privateCacheFolder(io.env);
  return folder === null ? settings : { ...settings, memory: { folder, build } };
}

/**
 * Lints every report named, in worker threads when there are many; a bad path or config costs only its
 * reports. Exit code 0, 1 (errors) or 2 (bad input).
 */
export async function lintCommand(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<number> {
  const outputs = parseOutputs(options.format, options.output, io.cwd);
  const maxWarnings = maxWarningsOf(options.maxWarnings);
  const concurrency = parseConcurrency(options.concurrency);
  const timeLimitSeconds = parseTimeLimit(options.timeLimit);
  const choice = configChoice(options);
  const configs = new ConfigResolver(choice, io);
  // A config named for every report, and `--rule`, are checked before any report: when one is broken, nothing
  // can be linted.
  await configs.named();
  const unusedDirectives = options.reportUnusedDisableDirectives ? ("error" as const) : undefined;
  if (options.printConfig !== undefined)
    return printConfig(options.printConfig, choice, unusedDirectives, timeLimitSeconds, io);
  const stdin = await readStdinReport(paths, options, io);
  const cache = openCache(options, io);
  const settings: LintSettings = {
    cwd: io.cwd,
    choice,
    inlineConfig: options.inlineConfig,
    ...(unusedDirectives ? { reportUnusedDisableDirectives: unusedDirectives } : {}),
    detail: detailFor(outputs.map((output) => reporterNeeds[output.format])),
    cacheFile: cache?.file ?? null,
    fix: options.fix === true || options.fixDryRun === true,
    timeLimitSeconds,
  };
  const { slots, tasks, reports } = plan(paths, stdin, configs, cache, settings, io);

  const workers = workersAvailable() ? workerCount(concurrency, tasks.length, availableParallelism()) : 0;
  const progress = new Progress(io, tasks.length, workers);
  const outcomes = await runTasks(tasks, withMemory(settings, tasks.length, workers, io), workers, () =>
    progress.tick(),
  ).finally(() => progress.finish());
  const fixed = outcomes
    .flatMap((outcome, index): FixedReport[] => {
      if (!outcome.ok || !outcome.fixed) return [];
      const { path, shown } = tasks[index]!;
      return [{ path, shown, ...outcome.fixed }];
    })
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  // A dry run shows the fixes as one patch on standard output, which then carries nothing else.
  const dryRun = options.fixDryRun === true;
  let writeFailed = false;
  if (dryRun) for (const report of fixed) io.stdout(unifiedDiff(report.shown, report.before, report.after));
  else writeFailed = !writeFixes(fixed, io);
  if (cache) {
    storeResults(cache, tasks, outcomes, settings, !dryRun && !writeFailed);
    saveCache(cache, io);
  }

  let inputFailed = false;
  const results: LintResult[] = [];
  const pluginRules: RuleMeta[] = [];
  const keep = (result: LintResult, plugins: readonly RuleMeta[]) => {
    results.push(options.quiet ? errorsOnly(result) : result);
    pluginRules.push(...plugins);
  };
  const fail = (error: { message: string; alreadyFormatted: boolean }) => {
    printUserError(io, error);
    inputFailed = true;
  };
  for (const slot of slots) {
    if (slot.kind === "cached") keep(slot.result, slot.pluginRules);
    else if (slot.kind === "error") fail(slot);
    else {
      const outcome = outcomes[slot.task]!;
      if (!outcome.ok) fail(outcome);
      else keep(outcome.result, outcome.pluginRules);
    }
  }
  if (io.env.MLOPS_REPORT_DEBUG) {
    const fromCache = slots.filter((slot) => slot.kind === "cached").length;
    printDebug(io, tasks, outcomes, fromCache, workers);
  }
  // Every input failed: an empty report of "0 reports" would only hide the errors above.
  if (inputFailed && results.length === 0) return 2;
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const context: ReporterContext = {
    // Plugin rules too, so that SARIF and docs links know every rule that reported.
    rules: knownRules(pluginRules),
    cwd: io.cwd,
    color: options.color ?? shouldUseColor(io.env, io.stdoutIsTTY),
    junitWarnings: options.junitWarnings ?? false,
    showEvidence: options.showEvidence ?? false,
    classSummary: options.quiet !== true,
    toolVersion: VERSION,
  };
  // Each linted report's device and inode: an output under any name of one of them is refused.
  const reportFiles = new Set(reports.map(fileIdentity).filter((id): id is string => id !== null));
  for (const output of outputs) {
    const identity = output.file ? fileIdentity(output.file) : null;
    if (output.file && identity !== null && reportFiles.has(identity)) {
      fail({ message: messages.outputIsReport(shownPath(io.cwd, output.file)), alreadyFormatted: false });
      continue;
    }
    if (output.file && output.folder) {
      try {
        writeFolder(output.file, htmlFolderReporter(results, { ...context, color: false }), reportFiles, io);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        fail(error);
      }
      continue;
    }
    const text = reporters[output.format](results, output.file ? { ...context, color: false } : context);
    if (output.file) {
      // An output that cannot be written costs only itself: the others are still written.
      try {
        writeOutput(output.file, text, shownPath(io.cwd, output.file));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        fail(error);
      }
    } else if (dryRun) io.stderr(text);
    else io.stdout(text);
  }
  if (inputFailed || writeFailed) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (warnings > maxWarnings) printError(io, messages.tooManyWarnings(warnings, maxWarnings));
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
