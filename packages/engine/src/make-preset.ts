import { resolve } from "node:path";
import { parse } from "@mlops-report/core";
import {
  CATALOG_PRESET,
  ConfigError,
  courseYears,
  formatConfigProblem,
  loadConfigFile,
  loadPreset,
  PRESET_PREFIX,
  presetFromTemplate,
  templateYears,
} from "@mlops-report/rules";
import { findReport } from "./find-report.js";
import { engineMessages as messages, UserError } from "./messages.js";
import { shownPath } from "./paths.js";
import { readReport } from "./read-report.js";

export interface PresetChoice {
  /** The year's official template: a file, or a repository holding it. */
  fromTemplate: string;
  /** The preset or config file the new one extends; by default the newest year's preset. */
  extends?: string;
  /** The new preset's year; by default the year after its base's. */
  year?: string;
}

/**
 * A new course year's preset, made from its official template: each question's word and image ranges read from
 * the template's prompts, on top of its base. Config problems of the base come as one formatted UserError.
 */
export async function makePreset(cwd: string, choice: PresetChoice): Promise<string> {
  const years = courseYears();
  const baseName = choice.extends ?? `${PRESET_PREFIX}${years.at(-1) ?? "base"}`;
  const file = findReport(cwd, choice.fromTemplate);
  const template = parse(readReport(file.path, file.shown), { files: false, years: templateYears() });
  try {
    const base = baseName.startsWith(PRESET_PREFIX)
      ? await loadPreset(baseName.slice(PRESET_PREFIX.length))
      : await loadConfigFile(resolve(cwd, baseName), { allowPlugins: false });
    const year = choice.year === undefined ? (base.year ?? years.at(-1) ?? 0) + 1 : Number(choice.year);
    if (!Number.isInteger(year) || year < 1) throw new UserError(messages.badPresetYear(String(choice.year)));
    const catalog = await loadPreset(CATALOG_PRESET);
    return presetFromTemplate({ template, baseName, base, catalog, year });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.map((p) => formatConfigProblem({ ...p, file: shownPath(cwd, p.file) }));
    throw new UserError(problems.join("\n"), { alreadyFormatted: true });
  }
}
