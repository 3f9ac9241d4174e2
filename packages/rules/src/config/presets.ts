import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { TemplateFingerprint, TemplateYearDefinition } from "@mlops-report/core";
import { compiledTemplateYears } from "./compiled.js";
import { presetFolder, presetPath } from "./preset-folder.js";
import { readYamlValue } from "./yaml-reads.js";

export {
  PRESET_FOLDER_VARIABLE,
  presetFolder,
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

const listed = new Map<string, readonly string[]>();

/** Every preset of the folder, by name: `base`, `catalog` and one per course year. */
export function presetNames(): readonly string[] {
  const folder = presetFolder();
  let names = listed.get(folder);
  if (!names) {
    names = existsSync(folder)
      ? readdirSync(folder)
          .filter((f) => f.endsWith(".yaml"))
          .map((f) => f.slice(0, -".yaml".length))
          .sort()
      : [];
    listed.set(folder, names);
  }
  return names;
}

/** The course years: the presets named by a year. */
export function courseYears(): number[] {
  return presetNames()
    .filter((n) => /^\d{4}$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

interface PresetTemplateFields {
  extends?: unknown;
  year?: unknown;
  template?: { questions?: unknown; checkerSkips?: unknown; fingerprints?: unknown };
}

/** A preset's fields; null when it cannot be read, which the full loader reports when the preset is used. */
function readFields(path: string): PresetTemplateFields | null {
  try {
    const fields: unknown = readYamlValue(readFileSync(path, "utf8"));
    return typeof fields === "object" ? (fields as PresetTemplateFields | null) : null;
  } catch {
    return null;
  }
}

/**
 * What each year preset says of its template, following its `extends` chain of presets: question count and
 * checker skip are inherited, fingerprints are the year's own. Read without the full config loader, which
 * validates the same fields when the preset is used.
 */
function readYearDefinition(year: number): TemplateYearDefinition {
  const definition: TemplateYearDefinition = { year, questionCount: 0, checkerSkips: 0, fingerprints: [] };
  const chain: PresetTemplateFields[] = [];
  for (let name: string | null = String(year); name !== null && chain.length < 20; ) {
    const path = presetPath(name);
    const fields = readFields(path);
    if (!fields) break;
    chain.unshift(fields);
    const parent = typeof fields.extends === "string" ? fields.extends : null;
    name = parent?.startsWith(PRESET_PREFIX) ? parent.slice(PRESET_PREFIX.length) : null;
  }
  for (const fields of chain) {
    const t = fields.template;
    if (typeof t?.questions === "number") definition.questionCount = t.questions;
    if (typeof t?.checkerSkips === "number") definition.checkerSkips = t.checkerSkips;
  }
  const own = chain.at(-1)?.template?.fingerprints;
  const fingerprints: TemplateFingerprint[] = [];
  for (const f of Array.isArray(own) ? (own as Record<string, unknown>[]) : []) {
    const place = typeof f.preamble === "string" ? "preamble" : "prompts";
    if (typeof f[place] === "string" && typeof f.says === "string")
      fingerprints.push({ in: place, pattern: new RegExp(f[place] as string, "i"), says: f.says });
  }
  return { ...definition, fingerprints };
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
