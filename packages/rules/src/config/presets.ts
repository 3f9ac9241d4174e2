import { readFileSync } from "node:fs";
import type { TemplateYearDefinition } from "@mlops-report/core";
import { isMap, type Node, type YAMLMap } from "yaml";
import { nativeRegExp } from "../linear-regexp.js";
import { compiledTemplateYears } from "./compiled.js";
import { readFields } from "./fields.js";
import type { TemplateConfig } from "./merged-config.js";
import { presetFolder, presetNames, presetPath } from "./preset-folder.js";
import { Reader } from "./reader.js";
import { TEMPLATE } from "./template.js";
import { readYamlDocument } from "./yaml-reads.js";

export {
  PRESET_FOLDER_VARIABLE,
  presetFolder,
  presetNames,
  presetPath,
  usesBuiltinPresets,
} from "./preset-folder.js";

export const PRESET_PREFIX = "mlops-report:";
/**
 * In `extends`: the year preset of the template each report is detected as (`mlops-report:base` when none is),
 * so that one staff config keeps every report's year and changes a few things on top.
 */
export const DETECTED_PRESET = `${PRESET_PREFIX}detected`;
/** The preset that holds the checklist catalog. */
export const CATALOG_PRESET = "catalog";

/** The course years: the presets named by a year. */
export function courseYears(): number[] {
  return presetNames()
    .filter((n) => /^\d{4}$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

/** A preset's mapping; null when it cannot be read, which the full loader reports when the preset is used. */
function presetMapping(path: string): YAMLMap | null {
  try {
    const { contents, errors } = readYamlDocument(readFileSync(path, "utf8")).doc;
    return errors.length === 0 && isMap(contents) ? contents : null;
  } catch {
    return null;
  }
}

/**
 * What each year preset says of its template, following its `extends` chain of presets: question count and
 * checker skip are inherited, fingerprints are the year's own. Read with the loader's own declaration of
 * `template`; its problems are left to the full loader, which reports them when the preset is used.
 */
function readYearDefinition(year: number): TemplateYearDefinition {
  const chain: { path: string; mapping: YAMLMap }[] = [];
  for (let name: string | null = String(year); name !== null && chain.length < 20; ) {
    const path = presetPath(name);
    const mapping = presetMapping(path);
    if (!mapping) break;
    chain.unshift({ path, mapping });
    const parent = mapping.get("extends");
    name =
      typeof parent === "string" && parent.startsWith(PRESET_PREFIX)
        ? parent.slice(PRESET_PREFIX.length)
        : null;
  }
  const template: TemplateConfig = { fingerprints: [] };
  for (const { path, mapping } of chain) {
    template.fingerprints = [];
    const node = mapping.get("template", true) as Node | undefined;
    readFields(new Reader(path, "", nativeRegExp), node, TEMPLATE, template, "template");
  }
  const { questions = 0, checkerSkips = 0, fingerprints } = template;
  return { year, questionCount: questions, checkerSkips, fingerprints };
}

const definitions = new Map<string, readonly TemplateYearDefinition[]>();

/** Every course year's template as the parser needs it, from the year presets. */
export function templateYears(): readonly TemplateYearDefinition[] {
  const folder = presetFolder();
  let years = definitions.get(folder);
  if (!years) {
    years = compiledTemplateYears() ?? courseYears().map(readYearDefinition);
    definitions.set(folder, years);
  }
  return years;
}

/** The number of questions of a year's template; for another year, the latest year's. */
export function questionCountOf(year: number | "unknown" | null): number {
  const years = templateYears();
  return (years.find((y) => y.year === year) ?? years.at(-1))?.questionCount ?? 99;
}
