import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PRESET_PREFIX = "mlops-report:";
export const presetNames: readonly string[] = ["base", "2023", "2024", "2025", "2026"];

/**
 * The folder holding the preset YAML files: copied beside the built bundle, or the repository's `configs/` when
 * running from source.
 */
function presetFolder(): string {
  const beside = fileURLToPath(new URL("./presets/", import.meta.url));
  return existsSync(`${beside}base.yaml`)
    ? beside
    : fileURLToPath(new URL("../../../../configs/", import.meta.url));
}

const folder = presetFolder();

export function presetPath(name: string): string {
  return `${folder}${name}.yaml`;
}
