import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Names a preset folder to use instead of the built-in one: staff try a new year's preset with it. */
export const PRESET_FOLDER_VARIABLE = "MLOPS_REPORT_PRESETS";

/**
 * The folder holding the preset YAML files: `$MLOPS_REPORT_PRESETS`, else `presets/` beside the built bundle,
 * or, running from source, the repository's `configs/` found by walking up.
 */
export function presetFolder(): string {
  const named = process.env[PRESET_FOLDER_VARIABLE];
  if (named) return named.endsWith("/") ? named : `${named}/`;
  return builtinFolder;
}

function findBuiltinFolder(): string {
  const beside = fileURLToPath(new URL("./presets/", import.meta.url));
  if (existsSync(`${beside}base.yaml`)) return beside;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "configs", "base.yaml"))) return `${join(dir, "configs")}/`;
  }
  return beside;
}

const builtinFolder = findBuiltinFolder();

/** True when presets come from the built-in folder, whose compiled form the build made. */
export function usesBuiltinPresets(): boolean {
  return presetFolder() === builtinFolder;
}

export function presetPath(name: string): string {
  return `${presetFolder()}${name}.yaml`;
}

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
