import { resolve } from "node:path";
import { parse } from "@mlops-report/core";
import { readReport } from "@mlops-report/engine";
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
import { findReport, shownPath } from "../find-reports.js";
import type { Io } from "../io.js";
import { messages, UserError } from "../messages.js";

export interface PresetCommandOptions {
  fromTemplate: string;
  extends?: string;
  year?: string;
}

/** Writes a new course year's preset, made from its official template, to standard output. */
export async function presetCommand(options: PresetCommandOptions, io: Io): Promise<number> {
  const years = courseYears();
  const baseName = options.extends ?? `${PRESET_PREFIX}${years.at(-1) ?? "base"}`;
  const file = findReport(io.cwd, options.fromTemplate);
  const template = parse(readReport(file.path, file.shown), { files: false, years: templateYears() });
  try {
    const base = baseName.startsWith(PRESET_PREFIX)
      ? await loadPreset(baseName.slice(PRESET_PREFIX.length))
      : await loadConfigFile(resolve(io.cwd, baseName), { allowPlugins: false });
    const year = options.year === undefined ? (base.year ?? years.at(-1) ?? 0) + 1 : Number(options.year);
    if (!Number.isInteger(year) || year < 1)
      throw new UserError(messages.badPresetYear(String(options.year)));
    const catalog = await loadPreset(CATALOG_PRESET);
    io.stdout(presetFromTemplate({ template, baseName, base, catalog, year }));
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.map((p) =>
      formatConfigProblem({ ...p, file: shownPath(io.cwd, p.file) }),
    );
    throw new UserError(problems.join("\n"), { alreadyFormatted: true });
  }
}
