import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Bounds,
  type Constraints,
  findRepositoryRoot,
  nodeFileProbe,
  type TemplateYear,
} from "@mlops-report/core";
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { builtinRules } from "../builtin/index.js";
import type { Rule } from "../define-rule.js";
import { closestMatch } from "../dsl/index.js";
import type { RegExpFactory } from "../linear-regexp.js";
import type { RuleLevel, Severity } from "../types.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import { extendsNameProblem, extendsTargetProblem } from "./extends-policy.js";
import { COURSE_YEARS, PRESET_PREFIX, presetNames, presetPath } from "./presets.js";
import { parseYaml, readConfigText } from "./read-config-file.js";
import { regExpFor, regexProblem } from "./regex-safety.js";
import { nodeLength, nodeStart } from "./yaml-positions.js";

/** Where a value of a config was written, so that later checks can point at it. */
export interface Origin {
  file: string;
  text: string;
  node: Node;
}

export interface RuleConfig {
  level?: RuleLevel;
  options: Record<string, unknown>;
  origin: Origin;
}

export interface ConsistencyConfig {
  name: string;
  when?: { source: string; node: Scalar };
  assert: { source: string; node: Scalar };
  message: string;
  severity: Severity;
  origin: Origin;
}

export interface ChecklistIdConfig {
  id: string;
  match: RegExp;
  origin: Origin;
}

/** A config with its `extends` chain merged; expressions are compiled later, against the merged ids. */
export interface MergedConfig {
  /** Files that contributed, base first. */
  files: string[];
  year: TemplateYear | null;
  constraints: "config" | "from-template";
  questions: Record<number, Constraints>;
  checklist: Map<string, ChecklistIdConfig>;
  rules: Map<string, RuleConfig>;
  consistency: Map<string, ConsistencyConfig>;
  plugins: Rule[];
}

export interface LoadOptions {
  /** Plugins run code: only from a config the user named, or when allowed explicitly. */
  allowPlugins: boolean;
}

const TOP_KEYS = ["extends", "year", "constraints", "questions", "checklist", "rules", "plugins"] as const;
const LEVELS = ["error", "warning", "info", "off"] as const;
const SEVERITIES = ["error", "warning", "info"] as const;

export function emptyConfig(): MergedConfig {
  return {
    files: [],
    year: null,
    constraints: "config",
    questions: {},
    checklist: new Map(),
    rules: new Map(),
    consistency: new Map(),
    plugins: [],
  };
}

/** Reads one config file and what it extends, merged (later wins; rules merged by id). */
export async function loadConfigFile(file: string, options: LoadOptions): Promise<MergedConfig> {
  return loadInto(emptyConfig(), resolve(file), options, []);
}

export async function loadPreset(name: string): Promise<MergedConfig> {
  return loadInto(emptyConfig(), presetPath(name), { allowPlugins: false }, []);
}

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  fail(node: Node | null | undefined, message: string, suggestion?: string): void {
    this.problems.push({
      file: this.file,
      text: this.text,
      offset: nodeStart(node),
      length: nodeLength(node),
      message,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  origin(node: Node): Origin {
    return { file: this.file, text: this.text, node };
  }

  /** Each pair of a mapping, or a problem when the node is no mapping. */
  pairs(node: Node | null | undefined, what: string): Pair<Scalar, Node>[] {
    if (node === null || node === undefined) return [];
    if (!isMap(node)) {
      this.fail(node, `${what} must be a mapping`);
      return [];
    }
    return (node as YAMLMap<Scalar, Node>).items;
  }

  string(node: Node | null | undefined, what: string): string | undefined {
    if (isScalar(node) && typeof node.value === "string") return node.value;
    this.fail(node, `${what} must be a string`);
    return undefined;
  }

  oneOf<T extends string | number>(
    node: Node | null | undefined,
    what: string,
    allowed: readonly T[],
  ): T | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    const shown = isScalar(node) ? String(node.value) : "this";
    const names = allowed.map(String);
    // `warn` is closer to `warning` as a prefix than by edit distance.
    const suggestion =
      closestMatch(shown, names) ?? names.find((n) => shown.length >= 3 && n.startsWith(shown));
    this.fail(node, `${what} must be one of ${names.join(", ")}, not ${shown}`, suggestion);
    return undefined;
  }
}

async function loadInto(
  config: MergedConfig,
  file: string,
  options: LoadOptions,
  chain: readonly string[],
): Promise<MergedConfig> {
  const text = readConfigText(file);
  const r = new Reader(file, text);
  const lineCounter = new LineCounter();
  const doc = parseYaml(file, text, lineCounter);
  for (const e of doc.errors) {
    r.problems.push({
      file: r.file,
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
  const pairs = r.pairs(root, "A config");

  const extendsPair = pairs.find((p) => p.key?.value === "extends");
  let merged = config;
  if (extendsPair) {
    const from = {
      repositoryRoot: findRepositoryRoot(chain[0] ?? file, nodeFileProbe()),
      trusted: options.allowPlugins,
    };
    for (const target of extendsTargets(r, extendsPair.value)) {
      const refused = extendsNameProblem(target.name);
      if (refused) {
        r.fail(target.node, refused);
        continue;
      }
      const path = resolveExtends(r, target, dirname(file));
      if (path === null) continue;
      const outside = target.name.startsWith(PRESET_PREFIX)
        ? null
        : extendsTargetProblem(target.name, path, from);
      if (outside) {
        r.fail(target.node, outside);
        continue;
      }
      if (chain.includes(path) || path === file) {
        r.fail(target.node, `extends ${target.name} again: configs extend each other in a circle`);
        continue;
      }
      merged = await loadInto(merged, path, options, [...chain, file]);
    }
  }
  merged = { ...merged, files: [...merged.files, file] };

  const pluginsPair = pairs.find((p) => p.key?.value === "plugins");
  if (pluginsPair)
    merged.plugins = [
      ...merged.plugins,
      ...(await loadPlugins(r, pluginsPair.value, dirname(file), options)),
    ];
  const knownRules = new Set([...builtinRules, ...merged.plugins].map((rule) => rule.meta.id));

  for (const pair of pairs) {
    const key = pair.key?.value;
    switch (key) {
      case "extends":
      case "plugins":
        break;
      case "year": {
        const year = r.oneOf(pair.value, "year", COURSE_YEARS);
        if (year !== undefined) merged.year = year;
        break;
      }
      case "constraints": {
        const mode = r.oneOf(pair.value, "constraints", ["config", "from-template"] as const);
        if (mode) merged.constraints = mode;
        break;
      }
      case "questions":
        readQuestions(r, pair.value, merged.questions);
        break;
      case "checklist":
        readChecklist(r, pair.value, merged.checklist, regExpFor(file, options.allowPlugins));
        break;
      case "rules":
        readRules(r, pair.value, merged, knownRules);
        break;
      default:
        r.fail(pair.key, `unknown key \`${String(key)}\``, closestMatch(String(key), TOP_KEYS));
    }
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return merged;
}

function extendsTargets(r: Reader, node: Node | null | undefined): { name: string; node: Node }[] {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: { name: string; node: Node }[] = [];
  for (const item of items) {
    const name = r.string(item, "extends");
    if (name !== undefined && item) out.push({ name, node: item });
  }
  return out;
}

function resolveExtends(r: Reader, target: { name: string; node: Node }, dir: string): string | null {
  if (target.name.startsWith(PRESET_PREFIX)) {
    const preset = target.name.slice(PRESET_PREFIX.length);
    if (!presetNames.includes(preset)) {
      const names = presetNames.map((n) => `${PRESET_PREFIX}${n}`);
      r.fail(
        target.node,
        `unknown preset \`${target.name}\` (presets: ${names.join(", ")})`,
        closestMatch(target.name, names),
      );
      return null;
    }
    return presetPath(preset);
  }
  const path = isAbsolute(target.name) ? target.name : resolve(dir, target.name);
  if (!existsSync(path)) {
    r.fail(target.node, `extends \`${target.name}\`, which does not exist (looked at ${path})`);
    return null;
  }
  return path;
}

/** `200-300`, `1`, or `{ min: 200, max: 300 }`. */
function readBounds(r: Reader, node: Node | null | undefined, what: string): Bounds | undefined {
  if (isScalar(node) && typeof node.value === "number" && Number.isInteger(node.value) && node.value >= 0) {
    return { min: node.value, max: node.value };
  }
  if (isScalar(node) && typeof node.value === "string") {
    const m = /^\s*(\d+)\s*(?:-|\.\.)\s*(\d+)\s*$/.exec(node.value);
    if (m && Number(m[1]) <= Number(m[2])) return { min: Number(m[1]), max: Number(m[2]) };
  }
  if (isMap(node)) {
    const min = node.get("min");
    const max = node.get("max");
    if (typeof min === "number" && typeof max === "number" && min <= max && node.items.length === 2)
      return { min, max };
  }
  r.fail(node, `${what} must be a range such as 100-200, a single number, or { min, max }`);
  return undefined;
}

function readQuestions(r: Reader, node: Node | null | undefined, into: Record<number, Constraints>): void {
  for (const pair of r.pairs(node, "questions")) {
    const n = Number(pair.key?.value);
    if (!Number.isInteger(n) || n < 1 || n > 99) {
      r.fail(pair.key, `questions are keyed by their number (1-99), not \`${String(pair.key?.value)}\``);
      continue;
    }
    if (isScalar(pair.value) && pair.value.value === null) {
      into[n] = {};
      continue;
    }
    const constraints: Constraints = {};
    for (const c of r.pairs(pair.value, `question ${n}`)) {
      const key = c.key?.value;
      if (key === "words" || key === "images") {
        const bounds = readBounds(r, c.value, `question ${n} ${key}`);
        if (bounds) constraints[key] = bounds;
      } else
        r.fail(
          c.key,
          `unknown key \`${String(key)}\` for a question`,
          closestMatch(String(key), ["words", "images"]),
        );
    }
    into[n] = constraints;
  }
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function readChecklist(
  r: Reader,
  node: Node | null | undefined,
  into: Map<string, ChecklistIdConfig>,
  regExp: RegExpFactory,
): void {
  for (const pair of r.pairs(node, "checklist")) {
    const id = String(pair.key?.value);
    if (!ID.test(id)) {
      r.fail(
        pair.key,
        `checklist id \`${id}\` must be lower-case words joined by hyphens, such as \`unit-tests-data\``,
      );
      continue;
    }
    let source: string | undefined;
    let at: Node | null | undefined = pair.value;
    if (isMap(pair.value)) {
      for (const c of r.pairs(pair.value, `checklist id ${id}`)) {
        if (c.key?.value === "match") {
          source = r.string(c.value, `checklist id ${id} match`);
          at = c.value;
        } else
          r.fail(
            c.key,
            `unknown key \`${String(c.key?.value)}\` for a checklist id`,
            closestMatch(String(c.key?.value), ["match"]),
          );
      }
    } else source = r.string(pair.value, `checklist id ${id}`);
    if (source === undefined) continue;
    try {
      into.set(id, { id, match: regExp(source, "i"), origin: r.origin(at ?? pair.key) });
    } catch (error) {
      r.fail(at, regexProblem(id, error));
    }
  }
}

function readRules(
  r: Reader,
  node: Node | null | undefined,
  config: MergedConfig,
  known: ReadonlySet<string>,
): void {
  for (const pair of r.pairs(node, "rules")) {
    const id = String(pair.key?.value);
    if (id === "consistency") {
      readConsistency(r, pair.value, config.consistency);
      continue;
    }
    if (!known.has(id)) {
      r.fail(pair.key, `unknown rule \`${id}\``, closestMatch(id, [...known, "consistency"]));
      continue;
    }
    const previous = config.rules.get(id);
    const setting: RuleConfig = {
      options: { ...previous?.options },
      origin: r.origin(pair.value ?? pair.key),
    };
    if (previous?.level) setting.level = previous.level;
    let levelNode: Node | null | undefined;
    let optionsNode: Node | null | undefined;
    if (isSeq(pair.value)) {
      [levelNode, optionsNode] = pair.value.items as Node[];
      if (pair.value.items.length > 2)
        r.fail(pair.value.items[2] as Node, `rule \`${id}\` takes [severity, options]`);
    } else if (isMap(pair.value)) {
      for (const c of r.pairs(pair.value, `rule ${id}`)) {
        if (c.key?.value === "severity") levelNode = c.value;
        else if (c.key?.value === "options") optionsNode = c.value;
        else
          r.fail(
            c.key,
            `unknown key \`${String(c.key?.value)}\` for a rule`,
            closestMatch(String(c.key?.value), ["severity", "options"]),
          );
      }
    } else levelNode = pair.value;
    if (levelNode) {
      const level = r.oneOf(levelNode, `the severity of \`${id}\``, LEVELS);
      if (level) setting.level = level;
    }
    if (optionsNode) readRuleOptions(r, id, optionsNode, setting.options, config.plugins);
    config.rules.set(id, setting);
  }
}

function readRuleOptions(
  r: Reader,
  id: string,
  node: Node,
  into: Record<string, unknown>,
  plugins: readonly Rule[],
): void {
  const rule = [...builtinRules, ...plugins].find((x) => x.meta.id === id)!;
  const names = Object.keys(rule.options);
  for (const pair of r.pairs(node, `options of \`${id}\``)) {
    const name = String(pair.key?.value);
    const schema = rule.options[name];
    if (!schema) {
      const has = names.length ? `its options: ${names.join(", ")}` : "it has no options";
      r.fail(pair.key, `rule \`${id}\` has no option \`${name}\` (${has})`, closestMatch(name, names));
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const ok =
      schema.type === "enum"
        ? schema.values.includes(value as string)
        : schema.type === "number"
          ? typeof value === "number" && (schema.minimum === undefined || value >= schema.minimum)
          : typeof value === schema.type;
    if (!ok) {
      const expected = schema.type === "enum" ? `one of ${schema.values.join(", ")}` : `a ${schema.type}`;
      const suggestion = schema.type === "enum" ? closestMatch(String(value), schema.values) : undefined;
      r.fail(pair.value, `option \`${name}\` of \`${id}\` must be ${expected}`, suggestion);
      continue;
    }
    into[name] = value;
  }
}

const CONSISTENCY_KEYS = ["when", "assert", "message", "severity"] as const;

function readConsistency(
  r: Reader,
  node: Node | null | undefined,
  into: Map<string, ConsistencyConfig>,
): void {
  for (const pair of r.pairs(node, "rules.consistency")) {
    const name = String(pair.key?.value);
    if (isScalar(pair.value) && pair.value.value === "off") {
      into.delete(name);
      continue;
    }
    const entry: Partial<ConsistencyConfig> = {
      name,
      severity: "warning",
      origin: r.origin(pair.value ?? pair.key),
    };
    for (const c of r.pairs(pair.value, `consistency rule ${name}`)) {
      const key = c.key?.value;
      if (key === "when" || key === "assert") {
        const source = r.string(c.value, `${key} of ${name}`);
        if (source !== undefined) entry[key] = { source, node: c.value as Scalar };
      } else if (key === "message") {
        const message = r.string(c.value, `message of ${name}`);
        if (message !== undefined) entry.message = message;
      } else if (key === "severity") {
        const severity = r.oneOf(c.value, `severity of ${name}`, SEVERITIES);
        if (severity) entry.severity = severity;
      } else
        r.fail(
          c.key,
          `unknown key \`${String(key)}\` for a consistency rule`,
          closestMatch(String(key), CONSISTENCY_KEYS),
        );
    }
    if (!entry.assert) {
      r.fail(pair.key, `consistency rule ${name} needs an \`assert\` expression`);
      continue;
    }
    entry.message ??= `Consistency rule ${name} does not hold`;
    into.set(name, entry as ConsistencyConfig);
  }
}

async function loadPlugins(
  r: Reader,
  node: Node | null | undefined,
  dir: string,
  options: LoadOptions,
): Promise<Rule[]> {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const rules: Rule[] = [];
  for (const item of items) {
    const spec = r.string(item, "a plugin");
    if (spec === undefined) continue;
    if (!options.allowPlugins) {
      r.fail(
        item,
        `plugin \`${spec}\` not loaded: plugins run code, so they load only from a config given with --config, or with --allow-plugins`,
      );
      continue;
    }
    const path = resolve(dir, spec);
    try {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown; rules?: unknown };
      const exported = mod.rules ?? mod.default;
      const list = Array.isArray(exported) ? exported : [exported];
      for (const rule of list) {
        if (!isRule(rule)) {
          r.fail(
            item,
            `plugin \`${spec}\` must export \`rules\` (or a default export): rules made with defineRule`,
          );
          break;
        }
        rules.push(rule);
      }
    } catch (error) {
      r.fail(item, `plugin \`${spec}\` could not be loaded (${(error as Error).message.split("\n")[0]})`);
    }
  }
  return rules;
}

function isRule(value: unknown): value is Rule {
  const v = value as Partial<Rule> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.check === "function" &&
    typeof v.meta?.id === "string" &&
    typeof v.options === "object"
  );
}
