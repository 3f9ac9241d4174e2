import type { Constraints } from "@mlops-report/core";
import { CONSISTENCY_RULE_ID } from "../builtin/checklist-consistency.js";
import type { RuleLevel, Severity } from "../types.js";
import { PRESET_PREFIX, presetNames, presetPath } from "./presets.js";
import type { ResolvedConfig } from "./resolve.js";

/** A resolved config as `--print-config` shows it: plain JSON, every rule with its severity and options. */
export interface ConfigDescription {
  /** The built-in presets that made it, base first, by name (`mlops-report:2026`). */
  presets: string[];
  /** The config files that made it, base first (absolute paths). */
  files: string[];
  year: number | null;
  constraints: ResolvedConfig["constraints"];
  questions: Readonly<Record<number, Constraints>>;
  /** Every rule by id: `[severity, options]`, sorted by id. */
  rules: Record<string, [RuleLevel, Record<string, unknown>]>;
  /** Every consistency rule by name (derived checks included) with its severity. */
  consistency: Record<string, Severity>;
  reportUnusedDisableDirectives: RuleLevel;
}

function byKey<T>(entries: readonly [string, T][]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function describeConfig(config: ResolvedConfig): ConfigDescription {
  const presets = new Map(presetNames().map((name) => [presetPath(name), `${PRESET_PREFIX}${name}`]));
  const rules: [string, [RuleLevel, Record<string, unknown>]][] = config.settings.map((s) => [
    s.rule.meta.id,
    [s.level, s.options],
  ]);
  // The consistency rule runs the expressions below; unless turned off, at a warning's severity.
  if (!rules.some(([id]) => id === CONSISTENCY_RULE_ID)) rules.push([CONSISTENCY_RULE_ID, ["warning", {}]]);
  return {
    presets: config.files.flatMap((file) => presets.get(file) ?? []),
    files: config.files.filter((file) => !presets.has(file)),
    year: config.year,
    constraints: config.constraints,
    questions: config.questions,
    rules: byKey(rules),
    consistency: byKey(config.consistency.map((c) => [c.name, c.severity])),
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
  };
}
