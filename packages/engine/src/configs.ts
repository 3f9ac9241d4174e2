import { resolve } from "node:path";
import { findRepositoryRoot, nodeFileProbe, type Report } from "@mlops-report/core";
import {
  ConfigError,
  type ConfigProblem,
  courseYears,
  findConfigFile,
  formatConfigProblem,
  loadConfigFile,
  loadPreset,
  type MergedConfig,
  type ResolvedConfig,
  resolveConfig,
  withRuleSettings,
} from "@mlops-report/rules";
import { engineMessages as messages, UserError } from "./messages.js";
import { shownPath } from "./paths.js";

export interface ConfigChoice {
  /** `--config FILE`: one config for every report; plugins allowed. */
  config?: string;
  /** `--year`: that year's preset where no config file applies. */
  year?: string;
  allowPlugins: boolean;
  /** `--rule 'id: severity'`: rule settings on top of every report's config. */
  rules?: readonly string[];
}

/** The year preset a report's template is detected as: `base` when no year can be told. */
export function detectedPreset(report: Report): string {
  return report.template.year === "unknown" ? "base" : String(report.template.year);
}

/** A problem of a command-line option (`--rule`), not of a file: shown as the command's other errors are. */
const ofOption = (problem: ConfigProblem) => problem.file.startsWith("--");

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

  /**
   * A config file as it applies to a report whose template is detected as `detected` (what
   * `extends: mlops-report:detected` stands for), with the `--rule` settings on top.
   */
  private file(path: string, allowPlugins: boolean, detected: string): Promise<ResolvedConfig> {
    // A config the user did not vouch for gets regexes that match in linear time.
    return this.load(`file:${path}:${detected}`, async () =>
      resolveConfig(this.withRules(await loadConfigFile(path, { allowPlugins, detected })), {
        linearRegExps: !allowPlugins,
      }),
    );
  }

  private preset(name: string): Promise<ResolvedConfig> {
    return this.load(`preset:${name}`, async () => resolveConfig(this.withRules(await loadPreset(name))));
  }

  private withRules(merged: MergedConfig): MergedConfig {
    return withRuleSettings(merged, this.choice.rules ?? []);
  }

  /**
   * Loads the `--config` file, if one was named (as for a report of the latest year), and checks the `--rule`
   * settings; throws their problems as a UserError.
   */
  async named(): Promise<void> {
    const named = this.choice.config;
    const latest = String(courseYears().at(-1) ?? "base");
    if (named) await this.explained(() => this.file(resolve(this.io.cwd, named), true, latest));
    else if (this.choice.rules?.length) await this.explained(() => this.preset(this.choice.year ?? latest));
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
      const detected = detectedPreset(report);
      if (source.kind === "file")
        return this.file(source.path, source.named || this.choice.allowPlugins, detected);
      return this.preset(source.year ?? detected);
    });
  }

  private async explained(load: () => Promise<ResolvedConfig>): Promise<ResolvedConfig> {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const text = error.problems
        .map((p) => formatConfigProblem(ofOption(p) ? p : { ...p, file: shownPath(this.io.cwd, p.file) }))
        .join("\n");
      throw new UserError(text, { alreadyFormatted: !error.problems.every(ofOption) });
    }
  }
}
