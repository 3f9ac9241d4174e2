import { openRepository, parse, type Report, type RepositoryView } from "@mlops-report/core";
import {
  type ConfigChoice,
  type ConfigSource,
  type LintTask,
  ReportLinter,
  ReportMemory,
  shownPath,
  UserError,
} from "@mlops-report/engine";
import { type Diagnostic, listRules, templateYears } from "@mlops-report/rules";
import { type QuestionCount, questionCounts } from "./counts.js";

/** What the server is told by the editor (`initializationOptions`), as the command's options say it. */
export interface AnalyserOptions extends ConfigChoice {
  /** Paths are shown relative to this folder (the workspace's root). */
  cwd: string;
  /** Honour `<!-- mlops-report-disable -->` comments. */
  inlineConfig: boolean;
}

/** One version of a report's text, linted. */
export type Analysis =
  | {
      kind: "report";
      /** Findings as the command reports them; fix offsets count from after a byte-order mark. */
      findings: Diagnostic[];
      /** Offsets in the text shift by this much: 1 when the text starts with a byte-order mark. */
      bom: number;
      counts: QuestionCount[];
      /** Docs pages of the rules that may report, by rule id. */
      docs: ReadonlyMap<string, string>;
    }
  /** A markdown file with no `### Question N` heading: left alone. */
  | { kind: "not-a-report" }
  /** Its config (or the text) cannot be used: one clear line or a formatted config problem. */
  | { kind: "problem"; message: string };

const builtinDocs = new Map(listRules().map((meta) => [meta.id, meta.docs]));

function isReport(report: Report): boolean {
  return !report.problems.some((problem) => problem.kind === "not-a-report");
}

/**
 * Lints editors' buffers with the engine the command uses: the same config lookup, rules and fixes. Config
 * locations are remembered until `forget` (a config file appeared, changed or went); the repository around each
 * report, which its files are listed and read from, until `forgetRepositories` (a watched file changed), so that
 * a keystroke does not list the repository again; the next view takes again each search that looked at no changed
 * file. What each report's last version computed is kept too: after a keystroke only the section it changed is
 * parsed again.
 */
export class ReportAnalyser {
  private linter: ReportLinter;
  private readonly located = new Map<string, ConfigSource>();
  private readonly repositories = new Map<string, RepositoryView | null>();
  private readonly memories = new Map<string, ReportMemory>();

  constructor(private readonly options: AnalyserOptions) {
    this.linter = this.newLinter();
  }

  private newLinter(): ReportLinter {
    const { cwd, config, year, allowPlugins, inlineConfig } = this.options;
    return new ReportLinter({
      cwd,
      choice: { config, year, allowPlugins },
      inlineConfig,
      detail: "full",
      cacheFile: null,
      fix: false,
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
    for (const [path, view] of this.repositories)
      this.memories.get(path)?.keepRepository(view?.recall() ?? null);
    this.repositories.clear();
  }

  private repository(path: string): RepositoryView | null {
    if (!this.repositories.has(path)) {
      const recall = this.memories.get(path)?.repository;
      this.repositories.set(path, openRepository(path, recall ? { recall } : {}));
    }
    return this.repositories.get(path) ?? null;
  }

  /** What the report's last version computed, for its next one. */
  private nextRunOf(path: string): ReportMemory {
    let memory = this.memories.get(path);
    if (!memory) {
      memory = new ReportMemory();
      this.memories.set(path, memory);
    }
    memory.nextRun();
    return memory;
  }

  /** Lets go of what is kept for a report that is no longer open. */
  close(path: string): void {
    this.memories.delete(path);
  }

  private task(path: string): LintTask {
    let config = this.located.get(path);
    if (!config) {
      config = this.linter.locate(path);
      this.located.set(path, config);
    }
    return { path, shown: shownPath(this.options.cwd, path), config };
  }

  /** Lints the text of the report at `path` as the command would lint that file. */
  async analyse(path: string, text: string): Promise<Analysis> {
    try {
      const { report, result, config } = await this.linter.lintText(
        text,
        this.task(path),
        this.repository(path),
        this.nextRunOf(path),
      );
      if (!isReport(report)) return { kind: "not-a-report" };
      const docs = new Map(builtinDocs);
      for (const { meta } of config.rules) if (!docs.has(meta.id)) docs.set(meta.id, meta.docs);
      return {
        kind: "report",
        findings: result.diagnostics,
        bom: report.source.hadBom ? 1 : 0,
        counts: questionCounts(report, result.questionCounts),
        docs,
      };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // A broken config concerns the reports it applies to, not every markdown file beside them.
      if (!isReport(parse(text, { path, years: templateYears() }))) return { kind: "not-a-report" };
      return { kind: "problem", message: error.message };
    }
  }

  /** The text with every safe fix made, to a fixed point: what `--fix` writes. Null when nothing changes. */
  async fixAll(path: string, text: string): Promise<string | null> {
    try {
      const fixed = await this.linter.fix(
        text,
        this.task(path),
        undefined,
        this.repository(path),
        this.nextRunOf(path),
      );
      return fixed.count === 0 ? null : fixed.text;
    } catch (error) {
      if (error instanceof UserError) return null;
      throw error;
    }
  }
}
