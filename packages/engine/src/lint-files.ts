import { availableParallelism } from "node:os";
import { describeErrorCode } from "@mlops-report/core";
import { type LintResult, listRules, type RuleMeta, type Severity } from "@mlops-report/rules";
import { cacheFile, LintCache } from "./cache.js";
import { cachedResult, storeResult } from "./cached-lint.js";
import { type Concurrency, workerCount } from "./concurrency.js";
import { type ConfigChoice, ConfigResolver } from "./configs.js";
import { expandInputs } from "./inputs.js";
import type { LintOutcome, LintSettings, LintTask } from "./lint-one.js";
import { engineMessages as messages, UserError } from "./messages.js";
import { isPacked, type PackedResult, unpackResult } from "./packed-result.js";
import { shownPath } from "./paths.js";
import { type KeptOutcome, runTasks, workersAvailable } from "./pool.js";
import { readIfReadable } from "./read-report.js";
import type { MemoryPlace } from "./report-memory.js";
import { type KeptResult, keptResult, RunResults } from "./run-results.js";
import type { Detail } from "./slim-report.js";
import { type FixedReport, writeFixes } from "./write-fixes.js";

/** What a run of `lintFiles` does besides linting: the choices a command line's flags make. */
export interface RunOptions {
  choice: ConfigChoice;
  inlineConfig: boolean;
  /** Unused disable comments reported at this severity, over the config's `reportUnusedDisableDirectives`. */
  reportUnusedDisableDirectives?: Severity;
  /** How much of each report's model its result keeps (what the outputs need). */
  detail: Detail;
  /** Keep results for the next run, in this cache file or folder (undefined: the default one); none: no cache. */
  cache?: { location: string | undefined };
  /** `write`: apply the safe fixes to the files; `dry-run`: make them, write nothing (`RunResult.fixes`). */
  fix: "off" | "write" | "dry-run";
  /** How long one report may take, in seconds, wherever it is linted. */
  timeLimitSeconds: number;
  concurrency: Concurrency;
  /** Errors only. */
  quiet: boolean;
  /**
   * Where a run of one report, linted in this thread, keeps what it computed for its next run (a student's case:
   * lint, edit an answer, lint again); a class run would only fill the folder with reports linted once. Asked for
   * only by such a run; null: nothing is kept.
   */
  memory?: () => MemoryPlace | null;
}

/** A report read from standard input (path `-`): where it stands, and its text or why it cannot be linted. */
export interface StdinInput {
  filename: string | undefined;
  text: string | UserError;
}

/** What the run tells as it goes, in order: notes and errors that are not one input's (the cache, fixes). */
export interface RunLog {
  note(message: string): void;
  error(message: string): void;
  /** Called once the reports to lint are known; `tick` after each is linted, `finish` at the end. */
  progress?(reports: number, workers: number): { tick(): void; finish(): void };
}

/** An input that could not be linted: one line, or a config problem formatted with its caret. */
export interface InputProblem {
  message: string;
  alreadyFormatted: boolean;
}

export interface RunResult {
  /**
   * Every linted report's result (from the cache or afresh), sorted by path; errors only with `quiet`. Each is
   * read when an output comes to it (see `RunResults`).
   */
  results: RunResults;
  /** The inputs that could not be linted, in the order they were named. */
  problems: InputProblem[];
  /** With fixing on: each report the fixes changed, sorted by shown path. */
  fixes: FixedReport[];
  /** False when a fixed report could not be written (the log says why). */
  fixesWritten: boolean;
  /** Every rule that may have reported, plugin rules (sorted) after the built-in ones. */
  rules: RuleMeta[];
  /** Every report file of the run, linted or from the cache: no output may be written over one. */
  reports: string[];
  /** The reports parsed in this run, how many results came from the cache, and the worker threads used. */
  stats: { parsed: string[]; fromCache: number; workers: number };
}

/** What became of one input, in the order the user named them. */
type Slot =
  | { kind: "cached"; result: LintResult; pluginRules: RuleMeta[] }
  | { kind: "error"; problem: InputProblem }
  | { kind: "task"; task: number };

interface Plan {
  slots: Slot[];
  tasks: LintTask[];
  reports: string[];
}

const ofError = (error: UserError): Slot => ({
  kind: "error",
  problem: { message: error.message, alreadyFormatted: error.alreadyFormatted },
});

/** Every rule that may have reported, plugin rules (sorted) after the built-in ones. */
function knownRules(plugins: Iterable<RuleMeta>): RuleMeta[] {
  const byId = new Map(listRules().map((meta) => [meta.id, meta]));
  for (const meta of [...plugins].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (!byId.has(meta.id)) byId.set(meta.id, meta);
  return [...byId.values()];
}

const byPath = (a: { filePath: string }, b: { filePath: string }) =>
  a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0;

/**
 * Lints what a command line names, as every front end runs it: expands the inputs (files, repositories, class
 * folders, globs, standard input), finds each report's config, takes unchanged reports from the cache, lints the
 * rest in worker threads when there are many (each report under its time limit wherever it runs), writes the fixes
 * safely, and keeps the results for the next run. A bad input or config costs only its reports.
 */
export class Engine {
  private readonly configs: ConfigResolver;

  constructor(
    private readonly cwd: string,
    private readonly options: RunOptions,
  ) {
    this.configs = new ConfigResolver(options.choice, { cwd });
  }

  /**
   * Loads the config named for every report (`--config`) and the `--rule` settings: when one is broken, nothing
   * can be linted, so this throws its UserError before any report is read.
   */
  async checkNamedConfig(): Promise<void> {
    await this.configs.named();
  }

  /** Lints the reports `paths` name (`-`: `stdin`'s text), and writes their fixes when fixing. */
  async lintFiles(paths: readonly string[], log: RunLog, stdin?: StdinInput): Promise<RunResult> {
    const cache = this.openCache(log);
    const settings = this.settingsFor(cache);
    const { slots, tasks, reports } = this.plan(paths, stdin, cache, settings);
    const workers = workersAvailable()
      ? workerCount(this.options.concurrency, tasks.length, availableParallelism())
      : 0;
    const progress = log.progress?.(tasks.length, workers);
    const memory = tasks.length === 1 && workers === 0 ? this.options.memory?.() : null;
    const kept = memory ? { ...settings, memory } : settings;
    const outcomes = await runTasks(tasks, kept, workers, () => progress?.tick()).finally(() =>
      progress?.finish(),
    );
    const fixes = fixedReports(tasks, outcomes);
    const fixesWritten = this.options.fix === "write" ? writeFixes(fixes, log) : true;
    if (cache) {
      storeResults(cache, tasks, outcomes, settings, this.options.fix !== "dry-run" && fixesWritten);
      saveCache(cache, this.cwd, log);
    }
    return {
      ...this.gather(slots, outcomes),
      fixes,
      fixesWritten,
      reports,
      stats: {
        parsed: tasks.filter((_, index) => outcomes[index]?.parsed).map((task) => task.shown),
        fromCache: slots.filter((slot) => slot.kind === "cached").length,
        workers,
      },
    };
  }

  private settingsFor(cache: LintCache | null): LintSettings {
    const { choice, inlineConfig, reportUnusedDisableDirectives, detail, fix, timeLimitSeconds } =
      this.options;
    return {
      cwd: this.cwd,
      choice,
      inlineConfig,
      ...(reportUnusedDisableDirectives ? { reportUnusedDisableDirectives } : {}),
      detail,
      cacheFile: cache?.file ?? null,
      fix: fix !== "off",
      timeLimitSeconds,
    };
  }

  private openCache(log: RunLog): LintCache | null {
    if (!this.options.cache) return null;
    const file = cacheFile(this.cwd, this.options.cache.location);
    const { cache, problem } = LintCache.load(file);
    const shown = shownPath(this.cwd, file);
    if (problem?.kind === "foreign") log.note(messages.cacheForeign(shown));
    if (problem?.kind === "damaged") log.note(messages.cacheDamaged(shown, problem.reason));
    if (problem?.kind === "unusable") log.note(messages.cacheUnusable(shown, problem.reason));
    return cache;
  }

  /** Each input's slot: an error, a result from the cache, or a task for the linter. */
  private plan(
    paths: readonly string[],
    stdin: StdinInput | undefined,
    cache: LintCache | null,
    settings: LintSettings,
  ): Plan {
    const tasks: LintTask[] = [];
    const reports: string[] = [];
    const slots = expandInputs(this.cwd, paths, stdin?.filename).map((input): Slot => {
      if ("error" in input) return ofError(input.error);
      const { path, shown, fromStdin } = input.report;
      const task: LintTask = { path, shown, config: this.configs.locate(path) };
      if (fromStdin) {
        // Not from its file: no cache entry stands for it, and no output may be written over that file.
        if (stdin?.text instanceof UserError) return ofError(stdin.text);
        tasks.push({ ...task, text: stdin?.text ?? "" });
        return { kind: "task", task: tasks.length - 1 };
      }
      reports.push(path);
      const text = cache ? readIfReadable(path, shown) : null;
      const hit = cache && text !== null ? cachedResult(cache, task, text, settings) : null;
      if (hit) return { kind: "cached", result: hit.result, pluginRules: hit.pluginRules };
      tasks.push(task);
      return { kind: "task", task: tasks.length - 1 };
    });
    return { slots, tasks, reports };
  }

  /** The results in path order and the problems in input order, with every rule that may have reported. */
  private gather(
    slots: readonly Slot[],
    outcomes: readonly KeptOutcome[],
  ): Pick<RunResult, "results" | "problems" | "rules"> {
    const results: KeptResult[] = [];
    const problems: InputProblem[] = [];
    const plugins: RuleMeta[] = [];
    const keep = (result: LintResult | PackedResult, pluginRules: readonly RuleMeta[]) => {
      results.push(keptResult(result, this.options.quiet));
      plugins.push(...pluginRules);
    };
    for (const slot of slots) {
      if (slot.kind === "cached") keep(slot.result, slot.pluginRules);
      else if (slot.kind === "error") problems.push(slot.problem);
      else {
        const outcome = outcomes[slot.task]!;
        if (outcome.ok) keep(outcome.result, outcome.pluginRules);
        else problems.push({ message: outcome.message, alreadyFormatted: outcome.alreadyFormatted });
      }
    }
    return { results: new RunResults(results.sort(byPath)), problems, rules: knownRules(plugins) };
  }
}

/** The reports whose text the fixes changed, sorted by shown path. */
function fixedReports(tasks: readonly LintTask[], outcomes: readonly KeptOutcome[]): FixedReport[] {
  return outcomes
    .flatMap((outcome, index): FixedReport[] => {
      if (!outcome.ok || !outcome.fixed) return [];
      const { path, shown } = tasks[index]!;
      return [{ path, shown, ...outcome.fixed }];
    })
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/**
 * Results of reports read from their files. The result of fixed text is kept only when the fixes were `written`:
 * otherwise (a dry run, a failed write) the file still holds the text before them.
 */
function storeResults(
  cache: LintCache,
  tasks: readonly LintTask[],
  outcomes: readonly KeptOutcome[],
  settings: LintSettings,
  written: boolean,
): void {
  for (const [index, outcome] of outcomes.entries()) {
    const task = tasks[index]!;
    if (task.text === undefined) storeResult(cache, task, unpacked(outcome), settings, written);
  }
}

/** An outcome with its result as objects again, as the cache keeps it. */
function unpacked(outcome: KeptOutcome): LintOutcome {
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  return { ...outcome, result: isPacked(result) ? unpackResult(result) : result };
}

function saveCache(cache: LintCache, cwd: string, log: RunLog): void {
  cache.prune();
  try {
    cache.save();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    log.note(
      messages.cacheNotWritten(shownPath(cwd, cache.file), code ? describeErrorCode(code) : String(error)),
    );
  }
}
