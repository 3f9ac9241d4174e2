import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Bounds,
  type Constraints,
  findRepositoryRoot,
  nodeFileProbe,
  type TemplateFingerprint,
} from "@mlops-report/core";
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { builtinRules } from "../builtin/index.js";
import type { Rule } from "../define-rule.js";
import { closestMatch, compileExpression, type Expr } from "../dsl/index.js";
import type { RegExpFactory } from "../linear-regexp.js";
import { REPOSITORY_ONLY_NAMES } from "../repository/context.js";
import type { RuleLevel, Severity } from "../types.js";
import { type CompiledPresets, compiledPreset, mergedFromJson, presetJson, yearsJson } from "./compiled.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import { extendsNameProblem, extendsTargetProblem } from "./extends-policy.js";
import {
  courseYears,
  DETECTED_PRESET,
  PRESET_FOLDER_VARIABLE,
  PRESET_PREFIX,
  presetNames,
  presetPath,
  templateYears,
} from "./presets.js";
import { parseYaml, readConfigText } from "./read-config-file.js";
import { regExpFor, regexProblem } from "./regex-safety.js";
import { resolveConfig } from "./resolve.js";
import { nodeLength, nodeStart } from "./yaml-positions.js";

/** Where a value of a config was written, so that later checks can point at it. */
export interface Origin {
  file: string;
  text: string;
  /** Null for a compiled built-in preset, whose problems the build already ruled out. */
  node: Node | null;
}

export interface RuleConfig {
  level?: RuleLevel;
  options: Record<string, unknown>;
  origin: Origin;
}

/** An expression as written; a compiled preset's comes with its syntax tree, so that nothing parses it again. */
export interface ExpressionConfig {
  source: string;
  node: Scalar | null;
  ast?: Expr;
}

export interface ConsistencyConfig {
  name: string;
  when?: ExpressionConfig;
  assert: ExpressionConfig;
  message: string;
  severity: Severity;
  origin: Origin;
}

/** The three checks derived for a checklist id that has questions. */
export const CHECK_KINDS = ["described", "denied", "unticked"] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** How a config changes one derived check of an id. */
export interface CheckSetting {
  off?: boolean;
  severity?: Severity;
  message?: string;
  /** A name from `terms`. */
  terms?: string;
  image?: boolean;
}

/** A checklist id: how its item reads, and the evidence its derived checks look for (docs/config.md). */
export interface ChecklistIdConfig {
  id: string;
  match?: RegExp;
  /** Set by `id: off`: the id is not used. */
  off?: boolean;
  since?: number;
  until?: number;
  questions?: readonly number[];
  terms?: string;
  questionTerms?: Readonly<Record<number, string>>;
  image?: boolean;
  code?: RegExp;
  says?: string;
  local?: boolean;
  /**
   * For a `local` id: the terms (by name) that a sentence of any other answer must name for it to describe the
   * item: narrower than its own, which mean other things elsewhere.
   */
  elsewhere?: string;
  checks: Partial<Record<CheckKind, CheckSetting>>;
  /** What the repository around the report shows of the item's work (docs/rules/checklist/repository.md). */
  repository?: RepositoryEvidenceConfig;
  origin: Origin;
}

/** An expression over the repository, for every course year or per year (years left out: no check). */
export type YearExpressions = string | Readonly<Record<number, string>>;

/** An id's repository evidence as written; a later config replaces it field by field. */
export interface RepositoryEvidenceConfig {
  absent?: string;
  trace?: YearExpressions;
  present?: string;
  shows?: YearExpressions;
  /** The syntax trees of its expressions by source, from a compiled preset: nothing parses them again. */
  ast?: Readonly<Record<string, Expr>>;
}

/** What a year preset says of its template; the fingerprints belong to the file that names the year. */
export interface TemplateConfig {
  questions?: number;
  checkerSkips?: number;
  fingerprints: TemplateFingerprint[];
}

/** A config with its `extends` chain merged; expressions are compiled later, against the merged ids. */
export interface MergedConfig {
  /** Files that contributed, base first. */
  files: string[];
  year: number | null;
  template: TemplateConfig;
  constraints: "config" | "from-template";
  questions: Record<number, Constraints>;
  checklist: Map<string, ChecklistIdConfig>;
  /** Named evidence terms. */
  terms: Map<string, RegExp>;
  rules: Map<string, RuleConfig>;
  consistency: Map<string, ConsistencyConfig>;
  /** Consistency rules a config turned off by name, derived ones included. */
  consistencyOff: Set<string>;
  /** The severity of a disable comment that disables no finding (`off`); null: as the config extended says. */
  reportUnusedDisableDirectives: RuleLevel | null;
  plugins: Rule[];
}

export interface LoadOptions {
  /** Plugins run code: only from a config the user named, or when allowed explicitly. */
  allowPlugins: boolean;
  /**
   * The preset `extends: mlops-report:detected` stands for: the report's detected year (`base` when none);
   * without one (no report), that name is a problem.
   */
  detected?: string;
}

const TOP_KEYS = [
  "extends",
  "year",
  "template",
  "constraints",
  "questions",
  "terms",
  "checklist",
  "rules",
  "reportUnusedDisableDirectives",
  "plugins",
] as const;
const LEVELS = ["error", "warning", "info", "off"] as const;
const SEVERITIES = ["error", "warning", "info"] as const;

export function emptyConfig(): MergedConfig {
  return {
    files: [],
    year: null,
    template: { fingerprints: [] },
    constraints: "config",
    questions: {},
    checklist: new Map(),
    terms: new Map(),
    rules: new Map(),
    consistency: new Map(),
    consistencyOff: new Set(),
    reportUnusedDisableDirectives: null,
    plugins: [],
  };
}

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
  const known = new Set([...builtinRules, ...merged.plugins].map((rule) => rule.meta.id));
  const problems: ConfigProblem[] = [];
  for (const setting of settings) {
    // No text: the problem is shown as one line naming the option, without a caret under a config line.
    const r = new Reader(`--rule '${setting}'`, "", regExpFor("", true));
    const doc = parseYaml(r.file, setting);
    const syntax = doc.errors[0];
    if (syntax) r.fail(null, `YAML syntax error: ${syntax.message.split("\n")[0]}`);
    else if (!isMap(doc.contents))
      r.fail(null, "takes `id: severity` or `id: [severity, { options }]`, such as `answer/word-count: off`");
    else readRules(r, doc.contents as Node, merged, known);
    problems.push(...r.problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return merged;
}

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
    /** How this file's regexes are made: in linear time for a config found in a linted repository. */
    readonly regExp: RegExpFactory,
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
  const r = new Reader(file, text, regExpFor(file, options.allowPlugins === true));
  const doc = parseYaml(file, text);
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
    for (const written of extendsTargets(r, extendsPair.value)) {
      const target = written.name === DETECTED_PRESET ? detectedTarget(r, written, options) : written;
      if (target === null) continue;
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
      const compiled = target.name.startsWith(PRESET_PREFIX)
        ? compiledPreset(target.name.slice(PRESET_PREFIX.length))
        : undefined;
      // A built-in preset extended first is taken as the build compiled it.
      merged =
        compiled && merged.files.length === 0
          ? mergedFromJson(compiled)
          : await loadInto(merged, path, options, [...chain, file]);
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

  // The year first, so that the template read below belongs to it whatever the keys' order.
  const yearPair = pairs.find((p) => p.key?.value === "year");
  if (yearPair) {
    const year = readYear(r, yearPair.value);
    if (year !== undefined) {
      merged.year = year;
      // A year's fingerprints tell its own template: they are not inherited.
      merged.template = { ...merged.template, fingerprints: [] };
    }
  }
  for (const pair of pairs) {
    const key = pair.key?.value;
    switch (key) {
      case "extends":
      case "plugins":
      case "year":
        break;
      case "constraints": {
        const mode = r.oneOf(pair.value, "constraints", ["config", "from-template"] as const);
        if (mode) merged.constraints = mode;
        break;
      }
      case "questions":
        readQuestions(r, pair.value, merged.questions);
        break;
      case "template":
        readTemplate(r, pair.value, merged.template);
        break;
      case "terms":
        readTerms(r, pair.value, merged.terms);
        break;
      case "checklist":
        readChecklist(r, pair.value, merged.checklist);
        break;
      case "rules":
        readRules(r, pair.value, merged, knownRules);
        break;
      case "reportUnusedDisableDirectives": {
        // As ESLint's: a severity, or true (a warning) and false (off).
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        const level =
          typeof value === "boolean"
            ? value
              ? "warning"
              : "off"
            : r.oneOf(pair.value, "reportUnusedDisableDirectives", LEVELS);
        if (level) merged.reportUnusedDisableDirectives = level;
        break;
      }
      default:
        r.fail(pair.key, `unknown key \`${String(key)}\``, closestMatch(String(key), TOP_KEYS));
    }
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return merged;
}

/** `mlops-report:detected` as the report's year preset; a problem where no report's year is known. */
function detectedTarget(
  r: Reader,
  target: { name: string; node: Node },
  options: LoadOptions,
): { name: string; node: Node } | null {
  if (options.detected !== undefined)
    return { name: `${PRESET_PREFIX}${options.detected}`, node: target.node };
  r.fail(
    target.node,
    `\`${DETECTED_PRESET}\` stands for the year preset of each linted report: extend a year here, such as \`${PRESET_PREFIX}${courseYears().at(-1) ?? "base"}\``,
  );
  return null;
}

/** A course year with a preset; a year without one is told how to add it rather than offered a near year. */
function readYear(r: Reader, node: Node | null | undefined): number | undefined {
  const years = courseYears();
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === "number" && Number.isInteger(value) && value > 999 && !years.includes(value)) {
    r.fail(
      node,
      `year ${value} has no preset (years with one: ${years.join(", ")}): add ${value}.yaml to a copy of the preset folder and name that folder with ${PRESET_FOLDER_VARIABLE} (docs/new-course-year.md); or leave \`year\` out and extend a year that has one`,
    );
    return undefined;
  }
  return r.oneOf(node, "year", years);
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
    if (!presetNames().includes(preset)) {
      const names = [...presetNames().map((n) => `${PRESET_PREFIX}${n}`), DETECTED_PRESET];
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

/** A regular expression written as a YAML string, matched case-insensitively. */
function readRegex(r: Reader, node: Node | null | undefined, what: string): RegExp | undefined {
  const source = r.string(node, what);
  if (source === undefined) return undefined;
  try {
    return r.regExp(source, "i");
  } catch (error) {
    r.fail(node, regexProblem(what, error));
    return undefined;
  }
}

function readCount(r: Reader, node: Node | null | undefined, what: string, min: number): number | undefined {
  if (isScalar(node) && typeof node.value === "number" && Number.isInteger(node.value) && node.value >= min)
    return node.value;
  r.fail(node, `${what} must be a whole number of at least ${min}`);
  return undefined;
}

function readBoolean(r: Reader, node: Node | null | undefined, what: string): boolean | undefined {
  if (isScalar(node) && typeof node.value === "boolean") return node.value;
  r.fail(node, `${what} must be true or false`);
  return undefined;
}

function readQuestionList(r: Reader, node: Node | null | undefined, what: string): number[] | undefined {
  if (!isSeq(node)) {
    r.fail(node, `${what} must be a list of question numbers, such as [10, 13] ([] for none)`);
    return undefined;
  }
  const out: number[] = [];
  for (const item of node.items as Node[]) {
    const n = readCount(r, item, what, 1);
    if (n !== undefined) out.push(n);
  }
  return out;
}

const FINGERPRINT_PLACES = ["preamble", "prompts"] as const;

function readTemplate(r: Reader, node: Node | null | undefined, into: MergedConfig["template"]): void {
  for (const pair of r.pairs(node, "template")) {
    const key = pair.key?.value;
    if (key === "questions") {
      const n = readCount(r, pair.value, "template questions", 1);
      if (n !== undefined) into.questions = n;
    } else if (key === "checkerSkips") {
      const n = readCount(r, pair.value, "template checkerSkips", 0);
      if (n !== undefined) into.checkerSkips = n;
    } else if (key === "fingerprints") {
      const items = isSeq(pair.value) ? (pair.value.items as Node[]) : [];
      if (!isSeq(pair.value)) r.fail(pair.value, "template fingerprints must be a list");
      into.fingerprints = [];
      for (const item of items) {
        let place: TemplateFingerprint["in"] | undefined;
        let pattern: RegExp | undefined;
        let says: string | undefined;
        for (const f of r.pairs(item, "a fingerprint")) {
          const name = String(f.key?.value);
          if ((FINGERPRINT_PLACES as readonly string[]).includes(name)) {
            place = name as TemplateFingerprint["in"];
            pattern = readRegex(r, f.value, `fingerprint ${name}`);
          } else if (name === "says") says = r.string(f.value, "fingerprint says");
          else
            r.fail(
              f.key,
              `unknown key \`${name}\` for a fingerprint`,
              closestMatch(name, [...FINGERPRINT_PLACES, "says"]),
            );
        }
        if (place && pattern && says !== undefined) into.fingerprints.push({ in: place, pattern, says });
        else if (place && pattern) r.fail(item, "a fingerprint needs `says`: what it shows");
        else if (says !== undefined) r.fail(item, "a fingerprint needs `preamble` or `prompts`: a regex");
      }
    } else
      r.fail(
        pair.key,
        `unknown key \`${String(key)}\` for the template`,
        closestMatch(String(key), ["questions", "checkerSkips", "fingerprints"]),
      );
  }
}

function readTerms(r: Reader, node: Node | null | undefined, into: Map<string, RegExp>): void {
  for (const pair of r.pairs(node, "terms")) {
    const name = String(pair.key?.value);
    if (!ID.test(name)) {
      r.fail(pair.key, `term name \`${name}\` must be lower-case words joined by hyphens`);
      continue;
    }
    const re = readRegex(r, pair.value, `term ${name}`);
    if (re) into.set(name, re);
  }
}

const ID_KEYS = [
  "match",
  "since",
  "until",
  "questions",
  "terms",
  "questionTerms",
  "image",
  "code",
  "says",
  "local",
  "elsewhere",
  "repository",
  ...CHECK_KINDS,
] as const;
const REPOSITORY_KEYS = ["absent", "trace", "present", "shows"] as const;
const CHECK_KEYS = ["severity", "message", "terms", "image"] as const;

function readCheck(r: Reader, node: Node | null | undefined, what: string): CheckSetting | undefined {
  if (isScalar(node) && node.value === "off") return { off: true };
  if (!isMap(node)) {
    r.fail(node, `${what} must be \`off\` or a mapping of ${CHECK_KEYS.join(", ")}`);
    return undefined;
  }
  const out: CheckSetting = { off: false };
  for (const c of r.pairs(node, what)) {
    const key = String(c.key?.value);
    if (key === "severity") {
      const severity = r.oneOf(c.value, `severity of ${what}`, SEVERITIES);
      if (severity) out.severity = severity;
    } else if (key === "message") {
      const message = r.string(c.value, `message of ${what}`);
      if (message !== undefined) out.message = message;
    } else if (key === "terms") {
      const terms = r.string(c.value, `terms of ${what}`);
      if (terms !== undefined) out.terms = terms;
    } else if (key === "image") {
      const image = readBoolean(r, c.value, `image of ${what}`);
      if (image !== undefined) out.image = image;
    } else r.fail(c.key, `unknown key \`${key}\` for a check`, closestMatch(key, CHECK_KEYS));
  }
  return out;
}

/** One id's fields, over what earlier configs said of it. */
function readChecklistId(r: Reader, id: string, node: Node, previous: ChecklistIdConfig | undefined) {
  const entry: ChecklistIdConfig = {
    ...previous,
    id,
    checks: { ...previous?.checks },
    origin: r.origin(node),
  };
  delete entry.off;
  for (const c of r.pairs(node, `checklist id ${id}`)) {
    const key = String(c.key?.value);
    const what = `checklist id ${id} ${key}`;
    switch (key) {
      case "match":
      case "code": {
        const re = readRegex(r, c.value, what);
        if (re) entry[key] = re;
        break;
      }
      case "since":
      case "until": {
        const year = readCount(r, c.value, what, 1);
        if (year !== undefined) entry[key] = year;
        break;
      }
      case "questions": {
        const questions = readQuestionList(r, c.value, what);
        if (questions) entry.questions = questions;
        break;
      }
      case "terms":
      case "elsewhere":
      case "says": {
        const text = r.string(c.value, what);
        if (text !== undefined) entry[key] = text;
        break;
      }
      case "questionTerms": {
        const map: Record<number, string> = {};
        for (const q of r.pairs(c.value, what)) {
          const name = r.string(q.value, what);
          if (name !== undefined) map[Number(q.key?.value)] = name;
        }
        entry.questionTerms = map;
        break;
      }
      case "image":
      case "local": {
        const flag = readBoolean(r, c.value, what);
        if (flag !== undefined) entry[key] = flag;
        break;
      }
      case "repository":
        entry.repository = readRepositoryEvidence(r, c.value, what, entry.repository);
        break;
      case "described":
      case "denied":
      case "unticked": {
        const check = readCheck(r, c.value, what);
        if (check) entry.checks[key] = check.off ? check : { ...entry.checks[key], ...check };
        break;
      }
      default:
        r.fail(c.key, `unknown key \`${key}\` for a checklist id`, closestMatch(key, ID_KEYS));
    }
  }
  return entry;
}

/** An expression over the repository alone: the report's questions and items are not known to it. */
function readRepositoryExpression(
  r: Reader,
  node: Node | null | undefined,
  what: string,
): string | undefined {
  const source = r.string(node, what);
  if (source === undefined) return undefined;
  const result = compileExpression(source, REPOSITORY_ONLY_NAMES);
  if (!result.ok)
    for (const e of result.errors)
      r.fail(node, `${what}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
  return result.ok ? source : undefined;
}

function readYearExpressions(
  r: Reader,
  node: Node | null | undefined,
  what: string,
): YearExpressions | undefined {
  if (!isMap(node)) return readRepositoryExpression(r, node, what);
  const byYear: Record<number, string> = {};
  for (const y of r.pairs(node, what)) {
    const year = readCount(r, y.key, `a year of ${what}`, 1);
    const source = readRepositoryExpression(r, y.value, `${what} ${String(y.key?.value)}`);
    if (year !== undefined && source !== undefined) byYear[year] = source;
  }
  return byYear;
}

/** An id's `repository`, field by field over what earlier configs said; each check needs its text. */
function readRepositoryEvidence(
  r: Reader,
  node: Node | null | undefined,
  what: string,
  previous: RepositoryEvidenceConfig | undefined,
): RepositoryEvidenceConfig {
  const out: RepositoryEvidenceConfig = { ...previous };
  for (const c of r.pairs(node, what)) {
    const key = String(c.key?.value);
    if (key === "absent" || key === "present") {
      const text = r.string(c.value, `${what} ${key}`);
      if (text !== undefined) out[key] = text;
    } else if (key === "trace" || key === "shows") {
      const expressions = readYearExpressions(r, c.value, `${what} ${key}`);
      if (expressions !== undefined) out[key] = expressions;
    } else
      r.fail(c.key, `unknown key \`${key}\` for repository evidence`, closestMatch(key, REPOSITORY_KEYS));
  }
  if (out.trace !== undefined && !out.absent?.trim())
    r.fail(node, `${what} has a trace but no \`absent\` text`);
  if (out.shows !== undefined && !out.present?.trim())
    r.fail(node, `${what} has \`shows\` but no \`present\` text`);
  return out;
}

function readChecklist(r: Reader, node: Node | null | undefined, into: Map<string, ChecklistIdConfig>): void {
  for (const pair of r.pairs(node, "checklist")) {
    const id = String(pair.key?.value);
    if (!ID.test(id)) {
      r.fail(
        pair.key,
        `checklist id \`${id}\` must be lower-case words joined by hyphens, such as \`unit-tests-data\``,
      );
      continue;
    }
    const previous = into.get(id);
    const value = pair.value;
    if (isScalar(value) && value.value === "off") {
      into.set(id, { id, off: true, checks: {}, origin: r.origin(value) });
    } else if (isMap(value)) {
      into.set(id, readChecklistId(r, id, value, previous));
    } else {
      const match = readRegex(r, value, `checklist id ${id}`);
      if (match)
        into.set(id, { ...previous, id, match, checks: { ...previous?.checks }, origin: r.origin(value!) });
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
      readConsistency(r, pair.value, config.consistency, config.consistencyOff);
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
  off: Set<string>,
): void {
  for (const pair of r.pairs(node, "rules.consistency")) {
    const name = String(pair.key?.value);
    if (isScalar(pair.value) && pair.value.value === "off") {
      into.delete(name);
      off.add(name);
      continue;
    }
    off.delete(name);
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
