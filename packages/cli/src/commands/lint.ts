import {
  type ConfigChoice,
  decodeReport,
  detailFor,
  Engine,
  type MemoryPlace,
  REPORT_SIZE_LIMIT,
  type RunLog,
  type RunResult,
  STDIN_ARG,
  type StdinInput,
  shownPath,
  stdinReport,
} from "@mlops-report/engine";
import {
  htmlFolderReporter,
  type ReporterContext,
  readAll,
  reporterNeeds,
  reporterStreams,
  shouldUseColor,
} from "@mlops-report/reporters";
import { privateCacheFolder } from "../code-cache.js";
import { unifiedDiff } from "../diff.js";
import { type Io, printError, printNote, printUserError } from "../io.js";
import { messages, UserError } from "../messages.js";
import { parseConcurrency, parseMaxWarnings, parseTimeLimit } from "../options.js";
import { writeFolder } from "../output-folder.js";
import { fileIdentity, inBlocks, type Output, parseOutputs, writeOutputParts } from "../outputs.js";
import { Progress } from "../progress.js";
import { VERSION } from "../version.js";
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

/** Standard input, when `-` is among the paths: its text, or why it cannot be linted. */
async function readStdinReport(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<StdinInput | undefined> {
  const filename = options.stdinFilename;
  if (!paths.includes(STDIN_ARG)) {
    if (filename !== undefined) throw new UserError(messages.stdinFilenameAlone());
    return undefined;
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

/**
 * Where one report linted in this thread keeps what its run computed for its next run: the per-user cache folder,
 * for this build of the command (none: a run from source keeps nothing).
 */
function memoryPlace(io: Io): MemoryPlace | null {
  const { build } = io;
  if (build === undefined) return null;
  const folder = privateCacheFolder(io.env);
  return folder === null ? null : { folder, build };
}

/** The engine's notes and errors on standard error, and its progress line where that is a terminal. */
function runLog(io: Io): RunLog {
  return {
    note: (message) => printNote(io, message),
    error: (message) => printError(io, message),
    progress: (reports, workers) => new Progress(io, reports, workers),
  };
}

/** Which reports this run parsed and how many came from the cache: what the cache's tests check. */
function printDebug(io: Io, { stats }: RunResult): void {
  for (const shown of stats.parsed) io.stderr(`mlops-report: debug: parsed ${shown}\n`);
  io.stderr(
    `mlops-report: debug: ${stats.parsed.length} parsed, ${stats.fromCache} from the cache, ${stats.workers} worker threads\n`,
  );
}

/**
 * Writes each output (a format to a file, a folder or standard output); an output that cannot be written costs
 * only itself. Each format reads the run's results one at a time and is written as it is made (but the HTML
 * ones, which show every report together). False when one was not written.
 */
function writeOutputs(
  outputs: readonly Output[],
  run: RunResult,
  context: ReporterContext,
  toStdout: (text: string) => void,
  io: Io,
): boolean {
  let ok = true;
  const fail = (error: UserError) => {
    printUserError(io, error);
    ok = false;
  };
  // Each linted report's device and inode: an output under any name of one of them is refused.
  const reportFiles = new Set(run.reports.map(fileIdentity).filter((id): id is string => id !== null));
  for (const output of outputs) {
    const identity = output.file ? fileIdentity(output.file) : null;
    if (output.file && identity !== null && reportFiles.has(identity)) {
      fail(new UserError(messages.outputIsReport(shownPath(io.cwd, output.file))));
      continue;
    }
    try {
      if (output.file && output.folder)
        writeFolder(
          output.file,
          htmlFolderReporter(readAll(run.results), { ...context, color: false }),
          reportFiles,
          io,
        );
      else if (output.file)
        writeOutputParts(
          output.file,
          reporterStreams[output.format](run.results, { ...context, color: false }),
          shownPath(io.cwd, output.file),
        );
      else
        for (const block of inBlocks(reporterStreams[output.format](run.results, context))) toStdout(block);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      fail(error);
    }
  }
  return ok;
}

/**
 * Lints every report named, through the engine, and writes the outputs: flags in, formats and exit code out.
 * Exit code 0, 1 (errors) or 2 (bad input).
 */
export async function lintCommand(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<number> {
  const outputs = parseOutputs(options.format, options.output, io.cwd);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const concurrency = parseConcurrency(options.concurrency);
  const timeLimitSeconds = parseTimeLimit(options.timeLimit);
  const choice = configChoice(options);
  const unusedDirectives = options.reportUnusedDisableDirectives ? ("error" as const) : undefined;
  const dryRun = options.fixDryRun === true;
  const engine = new Engine(io.cwd, {
    choice,
    inlineConfig: options.inlineConfig,
    ...(unusedDirectives ? { reportUnusedDisableDirectives: unusedDirectives } : {}),
    detail: detailFor(outputs.map((output) => reporterNeeds[output.format])),
    ...(options.cache ? { cache: { location: options.cacheLocation } } : {}),
    fix: dryRun ? "dry-run" : options.fix ? "write" : "off",
    timeLimitSeconds,
    concurrency,
    quiet: options.quiet === true,
    memory: () => memoryPlace(io),
  });
  // A config named for every report, and `--rule`, are checked before any report: when one is broken, nothing
  // can be linted.
  await engine.checkNamedConfig();
  if (options.printConfig !== undefined)
    return printConfig(options.printConfig, choice, unusedDirectives, timeLimitSeconds, io);
  const stdin = await readStdinReport(paths, options, io);
  const run = await engine.lintFiles(paths, runLog(io), stdin);
  // A dry run shows the fixes as one patch on standard output, which then carries nothing else.
  if (dryRun)
    for (const report of run.fixes) io.stdout(unifiedDiff(report.shown, report.before, report.after));
  for (const problem of run.problems) printUserError(io, problem);
  if (io.env.MLOPS_REPORT_DEBUG) printDebug(io, run);
  // Every input failed: an empty report of "0 reports" would only hide the errors above.
  if (run.problems.length > 0 && run.results.length === 0) return 2;
  const context: ReporterContext = {
    // Plugin rules too, so that SARIF and docs links know every rule that reported.
    rules: run.rules,
    cwd: io.cwd,
    color: options.color ?? shouldUseColor(io.env, io.stdoutIsTTY),
    junitWarnings: options.junitWarnings ?? false,
    showEvidence: options.showEvidence ?? false,
    classSummary: options.quiet !== true,
    toolVersion: VERSION,
  };
  const written = writeOutputs(outputs, run, context, dryRun ? io.stderr : io.stdout, io);
  if (run.problems.length > 0 || !written || !run.fixesWritten) return 2;
  const errors = run.results.errorCount;
  const warnings = run.results.warningCount;
  if (warnings > maxWarnings) printError(io, messages.tooManyWarnings(warnings, maxWarnings));
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
