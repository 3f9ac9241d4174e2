import { resolve } from "node:path";
import { findRepositoryRoot, nodeFileProbe, type Report } from "@mlops-report/core";
import {
  ConfigError,
  courseYears,
  findConfigFile,
  formatConfigProblem,
  loadConfigFile,
  loadPreset,
  type ResolvedConfig,
  resolveConfig,
} from "@mlops-report/rules";
import { engineMessages as messages, UserError } from "./messages.js";
import { shownPath } from "./paths.js";

export interface ConfigChoice {
  /** `--config FILE`: one config for every report; plugins allowed. */
  config?: string;
  /** `--year`: that year's preset where no config file applies. */
  year?: string;
  allowPlugins: boolean;
}

/**
 * Where a report's config comes from, decided before the report is parsed: a file (named with `--config`, or
 * found beside the report), or a preset (`--year`'s, or, with `year: null`, the detected template's).
 */
export type ConfigSource =
  | { kind: "file"; path: string; named: boolean }
  | { kind: "preset"; year: string | null };

/**
 * Finds, loads and caches the config of each report: `--config`, else the nearest `.mlops-report.yaml` from the
 * report's folder up to its repository root, else `--year`'s preset, else the detected template year's.
 */
export class ConfigResolver {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();

  constructor(
    private readonly choice: ConfigChoice,
    private readonly io: { cwd: string },
  ) {
    const years = courseYears().map(String);
    if (choice.year !== undefined && !years.includes(choice.year))
      throw new UserError(messages.badYear(choice.year, years));
  }

  private load(key: string, loader: () => Promise<ResolvedConfig>): Promise<ResolvedConfig> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = loader();
      this.cache.set(key, pending);
    }
    return pending;
  }

  private file(path: string, allowPlugins: boolean): Promise<ResolvedConfig> {
    // A config the user did not vouch for gets regexes that match in linear time.
    return this.load(`file:${path}`, async () =>
      resolveConfig(await loadConfigFile(path, { allowPlugins }), { linearRegExps: !allowPlugins }),
    );
  }

  private preset(name: string): Promise<ResolvedConfig> {
    return this.load(`preset:${name}`, async () => resolveConfig(await loadPreset(name)));
  }

  /** Loads the `--config` file, if one was named; throws its problems as a UserError. */
  async named(): Promise<void> {
    const named = this.choice.config;
    if (named) await this.explained(() => this.file(resolve(this.io.cwd, named), true));
  }

  /** Which config applies to the report at `reportPath`, without loading it. */
  locate(reportPath: string): ConfigSource {
    if (this.choice.config)
      return { kind: "file", path: resolve(this.io.cwd, this.choice.config), named: true };
    const root = findRepositoryRoot(reportPath, nodeFileProbe());
    const found = findConfigFile(reportPath, root);
    if (found) return { kind: "file", path: found, named: false };
    return { kind: "preset", year: this.choice.year ?? null };
  }

  /** The config a located source gives the report; its problems are thrown as a UserError carrying them formatted. */
  forSource(report: Report, source: ConfigSource): Promise<ResolvedConfig> {
    return this.explained(() => {
      if (source.kind === "file") return this.file(source.path, source.named || this.choice.allowPlugins);
      const year =
        source.year ?? (report.template.year === "unknown" ? "base" : String(report.template.year));
      return this.preset(year);
    });
  }

  private async explained(load: () => Promise<ResolvedConfig>): Promise<ResolvedConfig> {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const text = error.problems
        .map((p) => formatConfigProblem({ ...p, file: shownPath(this.io.cwd, p.file) }))
        .join("\n");
      throw new UserError(text, { alreadyFormatted: true });
    }
  }
}
