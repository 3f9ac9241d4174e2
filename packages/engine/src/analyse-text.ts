import { openRepository, parse, type Report, type RepositoryView } from "@mlops-report/core";
import { type Diagnostic, listRules, type QuestionCounts, templateYears } from "@mlops-report/rules";
import type { ConfigChoice, ConfigSource } from "./configs.js";
import { type LintTask, ReportLinter } from "./lint-one.js";
import { UserError } from "./messages.js";
import { shownPath } from "./paths.js";
import { textSizeProblem } from "./read-report.js";
import { RecentMap } from "./recent-map.js";
import { ReportMemory } from "./report-memory.js";
import { type Deadline, OverTimeLimit } from "./time-limit.js";

/**
 * Reports whose section trees and repository view are kept for their next lint: the least recently linted beyond
 * these lose theirs, and are parsed whole and their repository listed again when next linted.
 */
export const KEPT_REPORTS = 16;

/** What the server is told by the editor (`initializationOptions`), as the command's options say it. */
export interface AnalyserOptions extends ConfigChoice {
  /** Paths are shown relative to this folder (the workspace's root). */
  cwd: string;
  /** Honour `<!-- mlops-report-disable -->` comments. */
  inlineConfig: boolean;
  /** How long one lint (or fix) of a text may take, in seconds: `--time-limit`. */
  timeLimitSeconds: number;
}

/** One version of a report's text, linted. */
export type Analysis =
  | {
      kind: "report";
      /** Findings as the command reports them; fix offsets count from after a byte-order mark. */
      findings: Diagnostic[];
      /** Offsets in the text shift by this much: 1 when the text starts with a byte-order mark. */
      bom: number;
      /** Each question's lines and its counts as its rules judge them. */
      questions: QuestionSpan[];
      /** Docs pages of the rules that may report, by rule id. */
      docs: ReadonlyMap<string, string>;
    }
  /** A markdown file with no `### Question N` heading: left alone. */
  | { kind: "not-a-report" }
  /**
   * Its config cannot be used (`config`: one clear line or a formatted config problem), or the text is over the
   * size limit or took longer than the time limit (`limit`).
   */
  | { kind: "problem"; cause: "config" | "limit"; message: string };

/** A question of the report: from its heading's line to its answer's last, and its counts. */
export interface QuestionSpan {
  number: number;
  line: number;
  endLine: number;
  counts: QuestionCounts;
}

function questionSpans(report: Report, counts: readonly QuestionCounts[]): QuestionSpan[] {
  return report.questions.flatMap((question, i) => {
    const judged = counts[i];
    return judged
      ? [{ number: question.number, line: question.line, endLine: question.range.end.line, counts: judged }]
      : [];
  });
}

const builtinDocs = new Map(listRules().map((meta) => [meta.id, meta.docs]));

function isReport(report: Report): boolean {
  return !report.problems.some((problem) => problem.kind === "not-a-report");
}

/** What is kept for one report between its lints: its last version's memory, and a view of its repository. */
interface Kept {
  memory: ReportMemory;
  /** Undefined until a lint opens one (null: the report is in no repository). */
  repository?: RepositoryView | null;
}

/**
 * Lints editors' buffers with the engine the command uses: the same config lookup, rules, fixes, size limit and
 * time limit. Config locations are remembered until `forget` (a config file appeared, changed or went); the
 * repository around each report, which its files are listed and read from, until `forgetRepositories` (a watched
 * file changed), so that a keystroke does not list the repository again; the next view takes again each search
 * that looked at no changed file. What each report's last version computed is kept too: after a keystroke only
 * the section it changed is parsed again. Both are kept for the `KEPT_REPORTS` most recently linted reports.
 */
export class ReportAnalyser {
  private linter: ReportLinter;
  private readonly located = new Map<string, ConfigSource>();
  private readonly kept = new RecentMap<string, Kept>(KEPT_REPORTS);

  constructor(private readonly options: AnalyserOptions) {
    this.linter = this.newLinter();
  }

  private newLinter(): ReportLinter {
    const { cwd, config, year, allowPlugins, inlineConfig, timeLimitSeconds } = this.options;
    return new ReportLinter({
      cwd,
      choice: { config, year, allowPlugins },
      inlineConfig,
      detail: "full",
      cacheFile: null,
      fix: false,
      timeLimitSeconds,
    });
  }

  /** Drops every loaded config and config location: the next lint looks them up afresh. */
  forget(): void {
    this.located.clear();
    this.forgetRepositories();
    this.linter = this.newLinter();
  }

  /**
   * Drops every repository view: the next lint lists the repository afresh, and searches again only what looked
   * at a changed file.
   */
  forgetRepositories(): void {
    for (const kept of this.kept.values()) {
      if (kept.repository === undefined) continue;
      kept.memory.keepRepository(kept.repository?.recall() ?? null);
      kept.repository = undefined;
    }
  }

  /** The view of the report's repository, and what its last version computed, for its next lint. */
  private nextRunOf(path: string): { repository: RepositoryView | null; memory: ReportMemory } {
    let kept = this.kept.get(path);
    if (!kept) {
      kept = { memory: new ReportMemory() };
      this.kept.set(path, kept);
    }
    if (kept.repository === undefined) {
      const recall = kept.memory.repository;
      kept.repository = openRepository(path, recall ? { recall } : {});
    }
    kept.memory.nextRun();
    return { repository: kept.repository, memory: kept.memory };
  }

  /** Lets go of what is kept for a report: it is no longer open, or its last lint was stopped midway. */
  close(path: string): void {
    this.kept.delete(path);
  }

  private task(path: string): LintTask {
    let config = this.located.get(path);
    if (!config) {
      config = this.linter.locate(path);
      this.located.set(path, config);
    }
    return { path, shown: shownPath(this.options.cwd, path), config };
  }

  /**
   * Lints the text of the report at `path` as the command would lint that file: not at all when it is over the
   * size limit, and given up at the time limit.
   */
  async analyse(path: string, text: string): Promise<Analysis> {
    const task = this.task(path);
    const tooLarge = textSizeProblem(text, task.shown);
    if (tooLarge !== null) return { kind: "problem", cause: "limit", message: tooLarge };
    const deadline = this.linter.deadline(task);
    try {
      const { repository, memory } = this.nextRunOf(path);
      const { report, result, config } = await this.linter.lintText(text, task, repository, memory, deadline);
      if (!isReport(report)) return { kind: "not-a-report" };
      const docs = new Map(builtinDocs);
      for (const { meta } of config.rules) if (!docs.has(meta.id)) docs.set(meta.id, meta.docs);
      return {
        kind: "report",
        findings: result.diagnostics,
        bom: report.source.hadBom ? 1 : 0,
        questions: questionSpans(report, result.questionCounts),
        docs,
      };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (this.stopped(path, error)) return { kind: "problem", cause: "limit", message: error.message };
      // A broken config concerns the reports it applies to, not every markdown file beside them.
      if (!this.isReportWithin(deadline, path, text)) return { kind: "not-a-report" };
      return { kind: "problem", cause: "config", message: error.message };
    }
  }

  /** Whether the text is a report; taken to be one when the time left is too short to tell. */
  private isReportWithin(deadline: Deadline, path: string, text: string): boolean {
    try {
      return isReport(deadline.run(() => parse(text, { path, years: templateYears() })));
    } catch (error) {
      if (error instanceof OverTimeLimit) return true;
      throw error;
    }
  }

  /** Whether `error` is the time limit: what was kept for the report may be half updated, and goes. */
  private stopped(path: string, error: UserError): boolean {
    if (!(error instanceof OverTimeLimit)) return false;
    this.close(path);
    return true;
  }

  /**
   * The text with every safe fix made, to a fixed point: what `--fix` writes. Null when nothing changes, or the
   * time limit is reached first.
   */
  async fixAll(path: string, text: string): Promise<string | null> {
    try {
      const { repository, memory } = this.nextRunOf(path);
      const fixed = await this.linter.fix(text, this.task(path), undefined, repository, memory);
      return fixed.count === 0 ? null : fixed.text;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.stopped(path, error);
      return null;
    }
  }
}
