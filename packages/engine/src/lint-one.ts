import { openRepository, parse, type RepositoryView } from "@mlops-report/core";
import {
  type LintOptions,
  type LintResult,
  lintOptionsFor,
  lintReport,
  listRules,
  type ResolvedConfig,
  type RuleMeta,
  type Severity,
  templateYears,
} from "@mlops-report/rules";
import { contentHash } from "./cache-key.js";
import { type ConfigChoice, ConfigResolver, type ConfigSource } from "./configs.js";
import { type FileRecord, recordFileLookups } from "./file-record.js";
import { type FixedPoint, fixToFixedPoint, type LintPass } from "./fix-loop.js";
import { engineMessages, UserError } from "./messages.js";
import { type PackedResult, packResult, unpackResult } from "./packed-result.js";
import { readReport } from "./read-report.js";
import { loadReportMemory, type MemoryPlace, type ReportMemory, saveReportMemory } from "./report-memory.js";
import { type Detail, slimReport } from "./slim-report.js";
import { Deadline } from "./time-limit.js";

/** What every report of a run shares; plain data, so that it crosses to worker threads. */
export interface LintSettings {
  cwd: string;
  choice: ConfigChoice;
  inlineConfig: boolean;
  /** `--report-unused-disable-directives`: their severity, over the config's `reportUnusedDisableDirectives`. */
  reportUnusedDisableDirectives?: Severity;
  detail: Detail;
  /** With a cache: its file. The file-system look-ups behind each result are recorded for it. */
  cacheFile: string | null;
  /** Apply the rules' fixes to the text (the caller writes or shows it) and report what is left. */
  fix: boolean;
  /** How long one report may take (reading, parsing, linting and fixing it), in seconds, in whatever thread. */
  timeLimitSeconds: number;
  /**
   * Where each report's runs keep for the next what they may take again (its section trees, its answers' evidence
   * hits, the repository's answers), and the build of the code they are valid for; none: everything is done anew
   * each time.
   */
  memory?: MemoryPlace;
}

/** One report to lint, its config already located. */
export interface LintTask {
  path: string;
  shown: string;
  config: ConfigSource;
  /** The report's text, when it comes from elsewhere than its file (standard input); else the file is read. */
  text?: string;
}

/**
 * A linted report, or the one-line (config problems: formatted) reason it could not be linted; `parsed` says
 * whether the report was parsed on the way (the cache's tests count parses).
 */
export type LintOutcome =
  | {
      ok: true;
      parsed: true;
      result: LintResult;
      /** With a cache, the hash of the text the result is for; null without (hashing needs `node:crypto`). */
      contentHash: string | null;
      /** The look-ups the result depends on; empty unless recording. */
      files: FileRecord[];
      /** The config files that made its config, base first. */
      configFiles: string[];
      /** Rules from plugins, which the reporters cannot know otherwise. */
      pluginRules: RuleMeta[];
      /** With fixing on and something fixed: the report's text before and after, and how many findings went. */
      fixed?: { before: string; after: string; count: number };
    }
  | { ok: false; parsed: boolean; message: string; alreadyFormatted: boolean };

/**
 * An outcome as the main thread keeps it until every report is linted and its outputs are written: the result
 * packed (see `PackedResult`).
 */
export type PackedOutcome =
  | (Omit<Extract<LintOutcome, { ok: true }>, "result"> & { result: PackedResult })
  | Extract<LintOutcome, { ok: false }>;

export function packOutcome(outcome: LintOutcome): PackedOutcome {
  return outcome.ok ? { ...outcome, result: packResult(outcome.result) } : outcome;
}

export function unpackOutcome(outcome: PackedOutcome): LintOutcome {
  return outcome.ok ? { ...outcome, result: unpackResult(outcome.result) } : outcome;
}

/** One version of a report's text, linted: its model, result and config, and the look-ups the result rests on. */
export interface LintedText extends LintPass {
  config: ResolvedConfig;
  files: FileRecord[];
}

let builtinIdSet: ReadonlySet<string> | undefined;
/** The built-in rules' ids, made when first asked for: loading the engine does no work a run may not need. */
const builtinIds = () => {
  builtinIdSet ??= new Set(listRules().map((meta) => meta.id));
  return builtinIdSet;
};

/** Reads, parses and lints reports one at a time; the same in a worker thread as in the main one. */
export class ReportLinter {
  private readonly configs: ConfigResolver;

  constructor(private readonly settings: LintSettings) {
    this.configs = new ConfigResolver(settings.choice, { cwd: settings.cwd });
  }

  /** Which config applies to the report at `path`, without loading it (a config file's path, or a preset). */
  locate(path: string): ConfigSource {
    return this.configs.locate(path);
  }

  /** Reads and lints a report file (with `fix`: its text once fixed); its problems come back as the outcome. */
  async lint(task: LintTask): Promise<LintOutcome> {
    const progress = { parsed: false };
    try {
      return await this.lintOrThrow(task, progress);
    } catch (error) {
      if (error instanceof UserError)
        return {
          ok: false,
          parsed: progress.parsed,
          message: error.message,
          alreadyFormatted: error.alreadyFormatted,
        };
      // A bug that one report's files bring out (its repository, a plugin rule) stops that report, not the class.
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        parsed: progress.parsed,
        message: engineMessages.internalError(task.shown, detail),
        alreadyFormatted: false,
      };
    }
  }

  private async lintOrThrow(task: LintTask, progress: { parsed: boolean }): Promise<LintOutcome> {
    const deadline = this.deadline(task);
    const original = task.text ?? readReport(task.path, task.shown);
    const place = this.settings.memory;
    const memory = place === undefined ? undefined : loadReportMemory(place, task.path);
    // One view of the repository for every round of fixing: it lists and reads only what rules ask for.
    const recall = memory?.repository;
    const repository = openRepository(task.path, recall ? { recall } : {});
    const first = await this.lintText(original, task, repository, memory, deadline);
    progress.parsed = true;
    const { text, pass, count } = this.settings.fix
      ? await this.fix(original, task, first, repository, memory, deadline)
      : { text: original, pass: first, count: 0 };
    if (place !== undefined && memory) {
      memory.keepRepository(repository?.recall() ?? null);
      saveReportMemory(place, task.path, memory);
    }
    const { result, config, files } = pass;
    return {
      ok: true,
      parsed: true,
      result: this.settings.detail === "slim" ? { ...result, report: slimReport(result.report) } : result,
      // The hash of the text the result is for: after `--fix`, what the file will hold.
      contentHash: this.settings.cacheFile === null ? null : contentHash(text),
      files,
      ...(text === original ? {} : { fixed: { before: original, after: text, count } }),
      configFiles: [...config.files],
      pluginRules: config.rules
        .filter((rule) => !builtinIds().has(rule.meta.id))
        .map(({ meta }) => ({
          id: meta.id,
          description: meta.description,
          docs: meta.docs,
          defaultSeverity: meta.defaultSeverity,
        })),
    };
  }

  /** A time limit for the report of `task`, counted from now: one for all the work on one version of it. */
  deadline(task: LintTask): Deadline {
    return new Deadline(this.settings.timeLimitSeconds, task.shown);
  }

  /** The config a report's lint uses, its template's year detected: what `--print-config` shows. */
  async configOf(task: LintTask): Promise<ResolvedConfig> {
    const text = task.text ?? readReport(task.path, task.shown);
    const report = parse(text, { path: task.path, years: templateYears(), files: false });
    return this.configs.forSource(report, task.config);
  }

  /**
   * Applies the safe fixes to a report's text until none is left (`first`: its lint, when already made): the
   * text `--fix` writes, its findings, and how many fixes went in. Config problems, and going over the time
   * limit (an OverTimeLimit), are thrown as a UserError.
   */
  async fix(
    text: string,
    task: LintTask,
    first?: LintedText,
    repository: RepositoryView | null = openRepository(task.path),
    memory?: ReportMemory,
    deadline: Deadline = this.deadline(task),
  ): Promise<FixedPoint<LintedText>> {
    const lint = (next: string) => this.lintText(next, task, repository, memory, deadline);
    return fixToFixedPoint(text, first ?? (await lint(text)), lint);
  }

  /**
   * Parses and lints one version of a report's text (an editor's buffer, say) with the config that applies to
   * it, and the repository around it; with `memory`, what an earlier version's run computed is taken from there.
   * Parsing and the rules run under the report's time limit (`deadline`). Config problems, and going over the
   * time limit (an OverTimeLimit), are thrown as a UserError.
   */
  async lintText(
    text: string,
    task: LintTask,
    repository: RepositoryView | null = openRepository(task.path),
    memory?: ReportMemory,
    deadline: Deadline = this.deadline(task),
  ): Promise<LintedText> {
    const sections = memory?.sections;
    const parsed = this.recorded(() =>
      deadline.run(() => parse(text, { path: task.path, years: templateYears(), sections })),
    );
    const report = parsed.value;
    const config = await this.configs.forSource(report, task.config);
    const linted = this.recorded(() =>
      deadline.run(() =>
        lintReport(report, {
          ...withUnusedDirectives(
            lintOptionsFor(config, report),
            this.settings.reportUnusedDisableDirectives,
          ),
          filePath: task.shown,
          inlineConfig: this.settings.inlineConfig,
          repository,
          evidenceStore: memory?.evidence ?? null,
        }),
      ),
    );
    return { report, result: linted.value, config, files: mergeRecords(parsed.records, linted.records) };
  }

  private recorded<T>(work: () => T): { value: T; records: FileRecord[] } {
    const { cacheFile } = this.settings;
    return cacheFile !== null ? recordFileLookups(work, cacheFile) : { value: work(), records: [] };
  }
}

/** `--report-unused-disable-directives` over the config's `reportUnusedDisableDirectives`. */
function withUnusedDirectives<T extends LintOptions>(options: T, severity: Severity | undefined): T {
  return severity === undefined ? options : { ...options, reportUnusedDisableDirectives: severity };
}

function mergeRecords(a: readonly FileRecord[], b: readonly FileRecord[]): FileRecord[] {
  const byKey = new Map<string, FileRecord>();
  for (const record of [...a, ...b]) {
    const key = `${record.op}:${record.path}`;
    if (!byKey.has(key)) byKey.set(key, record);
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, record]) => record);
}
