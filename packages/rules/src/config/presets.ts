import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PRESET_PREFIX = "mlops-report:";
/** The course years with a template and a preset. */
export const COURSE_YEARS = [2023, 2024, 2025, 2026] as const;
export const presetNames: readonly string[] = ["base", ...COURSE_YEARS.map(String)];

/**
 * The folder holding the preset YAML files: `presets/` beside the built bundle, or, running from source, the
 * repository's `configs/` found by walking up.
 */
function presetFolder(): string {
  const beside = fileURLToPath(new URL("./presets/", import.meta.url));
  if (existsSync(`${beside}base.yaml`)) return beside;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "configs", "base.yaml"))) return `${join(dir, "configs")}/`;
  }
  return beside;
}

const folder = presetFolder();

export function presetPath(name: string): string {
  return `${folder}${name}.yaml`;
}
