import { resolve } from "node:path";
import { isMap, isScalar, type Node, type Pair, type Scalar } from "yaml";
import { type CompiledPresets, compiledPreset, mergedFromJson, presetJson, yearsJson } from "./compiled.js";
import { CONFIG_KEYS } from "./config-keys.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import { fieldOf } from "./fields.js";
import type { LoadState } from "./load-state.js";
import { emptyConfig, type LoadOptions, type MergedConfig } from "./merged-config.js";
import { presetNames, presetPath, templateYears } from "./presets.js";
import { parseYaml, readConfigText } from "./read-config-file.js";
import { keyName, Reader } from "./reader.js";
import { regExpFor } from "./regex-safety.js";
import { resolveConfig } from "./resolve.js";
import { RULES } from "./rule-settings.js";

// Where the rest of the package imports these types from.
export type {
  CheckKind,
  ChecklistIdConfig,
  RepositoryEvidenceConfig,
  YearExpressions,
} from "./merged-config.js";

/** Reads one config file and what it extends, merged (later wins; rules merged by id). */
export async function loadConfigFile(file: string, options: LoadOptions): Promise<MergedConfig> {
  return loadInto(emptyConfig(), resolve(file), options, []);
}

/** A preset by name: compiled by the build when it is a built-in one, else read from its YAML. */
export async function loadPreset(name: string): Promise<MergedConfig> {
  const compiled = compiledPreset(name);
  if (compiled) return mergedFromJson(compiled);
  return loadInto(emptyConfig(), presetPath(name), { allowPlugins: false }, []);
}

/** Every preset of the folder read from YAML and checked, with the years' templates: what the build ships. */
export async function compilePresets(): Promise<CompiledPresets> {
  const names = new Map(presetNames().map((name) => [presetPath(name), name]));
  const presets: CompiledPresets["presets"] = {};
  for (const name of presetNames()) {
    const merged = await loadInto(emptyConfig(), presetPath(name), { allowPlugins: false }, []);
    // Resolving checks the expressions and the derived checks as a run would.
    resolveConfig(merged);
    presets[name] = presetJson(merged, names);
  }
  return { years: yearsJson(templateYears()), presets };
}

/**
 * A config with `--rule` settings on top, each `id: severity` or `id: [severity, { options }]` in YAML, as under a
 * config's `rules` (`consistency: { name: off }` too). Problems name the option as given, on one line.
 */
export function withRuleSettings(config: MergedConfig, settings: readonly string[]): MergedConfig {
  if (settings.length === 0) return config;
  const merged: MergedConfig = {
    ...config,
    rules: new Map(config.rules),
    consistency: new Map(config.consistency),
    consistencyOff: new Set(config.consistencyOff),
  };
  const problems: ConfigProblem[] = [];
  for (const setting of settings) {
    // No text: the problem is shown as one line naming the option, without a caret under a config line.
    const r = new Reader(`--rule '${setting}'`, "", regExpFor("", true));
    const doc = parseYaml(r.file, setting);
    const syntax = doc.errors[0];
    if (syntax) r.fail(null, `YAML syntax error: ${syntax.message.split("\n")[0]}`);
    else if (!isMap(doc.contents))
      r.fail(null, "takes `id: severity` or `id: [severity, { options }]`, such as `answer/word-count: off`");
    else RULES.read(r, doc.contents as Node, merged, "rules");
    problems.push(...r.problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return merged;
}

/** The keys read before the others, in their order. */
const EARLY_KEYS = Object.entries(CONFIG_KEYS.fields)
  .filter(([, key]) => key.early !== undefined)
  .sort(([, a], [, b]) => (a.early ?? 0) - (b.early ?? 0));

/** Reads the config's keys over what it extends: the early keys first, then the others in the order written. */
async function readKeys(r: Reader, pairs: Pair<Scalar, Node>[], state: LoadState): Promise<void> {
  for (const [name, key] of EARLY_KEYS) {
    const pair = pairs.find((p) => keyName(p) === name);
    if (pair) await key.read(r, pair.value, state, CONFIG_KEYS.whatOf(name, ""));
  }
  // Over what it extends, the file is one of the config's.
  state.config = { ...state.config, files: [...state.config.files, state.file] };
  for (const pair of pairs) {
    const key = fieldOf(r, pair, CONFIG_KEYS);
    if (key && key.early === undefined)
      await key.read(r, pair.value, state, CONFIG_KEYS.whatOf(keyName(pair), ""));
  }
}

async function loadInto(
  config: MergedConfig,
  file: string,
  options: LoadOptions,
  chain: readonly string[],
): Promise<MergedConfig> {
  const text = readConfigText(file);
  const r = new Reader(file, text, regExpFor(file, options.allowPlugins === true));
  const doc = parseYaml(file, text);
  for (const e of doc.errors) {
    r.problems.push({
      file,
      text,
      offset: e.pos[0],
      length: Math.max(1, e.pos[1] - e.pos[0]),
      message: `YAML syntax error: ${e.message.split("\n")[0]}`,
    });
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null))
    return { ...config, files: [...config.files, file] };
  const state: LoadState = {
    config,
    file,
    options,
    chain,
    extend: (base, path) => loadInto(base, path, options, [...chain, file]),
  };
  await readKeys(r, r.pairs(root, "A config"), state);
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return state.config;
}
