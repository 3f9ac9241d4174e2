import { existsSync, readFileSync } from "node:fs";
import type { TemplateFingerprint, TemplateYearDefinition } from "@mlops-report/core";
import { type Expr, parseExpression } from "../dsl/index.js";
import type {
  ChecklistIdConfig,
  ConsistencyConfig,
  ExpressionConfig,
  MergedConfig,
  Origin,
  RepositoryEvidenceConfig,
  RuleConfig,
} from "./merged-config.js";
import { presetFolder, presetPath, usesBuiltinPresets } from "./preset-folder.js";

/** The file the build writes beside the built-in presets. */
export const COMPILED_PRESETS_FILE = "compiled.json";

interface RegexJson {
  source: string;
  flags: string;
}

type IdJson = Omit<ChecklistIdConfig, "match" | "code" | "origin"> & { match?: RegexJson; code?: RegexJson };

interface ExpressionJson {
  source: string;
  ast: Expr;
}

interface ConsistencyJson extends Omit<ConsistencyConfig, "when" | "assert" | "origin"> {
  when?: ExpressionJson;
  assert: ExpressionJson;
}

interface PresetJson {
  /** The presets that made it, base first, by name. */
  files: string[];
  year: number | null;
  template: { questions?: number; checkerSkips?: number; fingerprints: FingerprintJson[] };
  constraints: MergedConfig["constraints"];
  questions: MergedConfig["questions"];
  checklist: IdJson[];
  terms: [string, RegexJson][];
  rules: [string, Omit<RuleConfig, "origin">][];
  consistency: ConsistencyJson[];
  consistencyOff: string[];
  reportUnusedDisableDirectives: MergedConfig["reportUnusedDisableDirectives"];
}

type FingerprintJson = Omit<TemplateFingerprint, "pattern"> & { pattern: RegexJson };

export interface CompiledPresets {
  years: (Omit<TemplateYearDefinition, "fingerprints"> & { fingerprints: FingerprintJson[] })[];
  presets: Record<string, PresetJson>;
}

const regexJson = (re: RegExp): RegexJson => ({ source: re.source, flags: re.flags });
const regex = (json: RegexJson): RegExp => new RegExp(json.source, json.flags);
const fingerprintJson = (f: TemplateFingerprint): FingerprintJson => ({
  ...f,
  pattern: regexJson(f.pattern),
});
const fingerprint = (f: FingerprintJson): TemplateFingerprint => ({ ...f, pattern: regex(f.pattern) });

/** The syntax tree of an expression the loader already checked. */
function expressionJson(expr: ExpressionConfig): ExpressionJson {
  const parsed = parseExpression(expr.source);
  if (!parsed.ok) throw new Error(`a built-in preset's expression does not parse: ${expr.source}`);
  return { source: expr.source, ast: parsed.ast };
}

/** An id's repository evidence with the syntax tree of each expression. */
function repositoryJson(repository: RepositoryEvidenceConfig): RepositoryEvidenceConfig {
  const { ast: _, ...rest } = repository;
  const sources = [rest.trace, rest.shows].flatMap((e) =>
    e === undefined ? [] : typeof e === "string" ? [e] : Object.values(e),
  );
  return {
    ...rest,
    ast: Object.fromEntries(sources.map((s) => [s, expressionJson({ source: s, node: null }).ast])),
  };
}

/** A merged preset as data: regexes by source, expressions as syntax trees, file names instead of paths. */
export function presetJson(merged: MergedConfig, names: ReadonlyMap<string, string>): PresetJson {
  return {
    files: merged.files.map((f) => names.get(f) ?? f),
    year: merged.year,
    template: { ...merged.template, fingerprints: merged.template.fingerprints.map(fingerprintJson) },
    constraints: merged.constraints,
    questions: merged.questions,
    checklist: [...merged.checklist.values()].map(({ origin: _, match, code, repository, ...rest }) => ({
      ...rest,
      ...(repository ? { repository: repositoryJson(repository) } : {}),
      ...(match ? { match: regexJson(match) } : {}),
      ...(code ? { code: regexJson(code) } : {}),
    })),
    terms: [...merged.terms].map(([name, re]) => [name, regexJson(re)]),
    rules: [...merged.rules].map(([id, { origin: _, ...rest }]) => [id, rest]),
    consistency: [...merged.consistency.values()].map(({ origin: _, when, assert, ...rest }) => ({
      ...rest,
      ...(when ? { when: expressionJson(when) } : {}),
      assert: expressionJson(assert),
    })),
    consistencyOff: [...merged.consistencyOff],
    reportUnusedDisableDirectives: merged.reportUnusedDisableDirectives,
  };
}

/** A compiled preset as the loader would have merged it; positions point at the preset file's start. */
export function mergedFromJson(json: PresetJson): MergedConfig {
  const file = presetPath(json.files.at(-1) ?? "base");
  const origin: Origin = { file, text: "", node: null };
  const expression = (e: ExpressionJson): ExpressionConfig => ({ source: e.source, node: null, ast: e.ast });
  return {
    files: json.files.map(presetPath),
    year: json.year,
    template: { ...json.template, fingerprints: json.template.fingerprints.map(fingerprint) },
    constraints: json.constraints,
    questions: structuredClone(json.questions),
    checklist: new Map(
      json.checklist.map(({ match, code, ...rest }) => [
        rest.id,
        {
          ...rest,
          checks: { ...rest.checks },
          ...(match ? { match: regex(match) } : {}),
          ...(code ? { code: regex(code) } : {}),
          origin,
        },
      ]),
    ),
    terms: new Map(json.terms.map(([name, re]) => [name, regex(re)])),
    rules: new Map(json.rules.map(([id, rule]) => [id, { ...rule, options: { ...rule.options }, origin }])),
    consistency: new Map(
      json.consistency.map(({ when, assert, ...rest }) => [
        rest.name,
        { ...rest, ...(when ? { when: expression(when) } : {}), assert: expression(assert), origin },
      ]),
    ),
    consistencyOff: new Set(json.consistencyOff),
    reportUnusedDisableDirectives: json.reportUnusedDisableDirectives ?? null,
    plugins: [],
  };
}

/**
 * The compiled file's text: JSON, laid out with the years on the first line and each preset on a line of its own
 * (JSON escapes every line break inside a value), so that a run parses the years and the one preset it uses
 * instead of every year's: about 60 of 310 KB.
 */
export function compiledPresetsText(compiled: CompiledPresets): string {
  const presets = Object.entries(compiled.presets).map(
    ([name, preset]) => `${JSON.stringify(name)}:${JSON.stringify(preset)}`,
  );
  return `{"years":${JSON.stringify(compiled.years)},"presets":{\n${presets.join(",\n")}\n}}\n`;
}

/** The compiled file as read: its text, the years parsed, each preset parsed when first asked for. */
interface CompiledFile {
  text: string;
  years: CompiledPresets["years"];
  presets: Map<string, PresetJson | undefined>;
}

let compiled: CompiledFile | null | undefined;

function compiledFile(): CompiledFile | null {
  if (!usesBuiltinPresets()) return null;
  if (compiled === undefined) {
    const path = `${presetFolder()}${COMPILED_PRESETS_FILE}`;
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    const headEnd = text.indexOf("\n");
    compiled =
      headEnd === -1
        ? null
        : {
            text,
            years: (JSON.parse(`${text.slice(0, headEnd)}}}`) as CompiledPresets).years,
            presets: new Map(),
          };
  }
  return compiled;
}

/** The build's compiled preset of that name, when the built-in presets are in use and the build made them. */
export function compiledPreset(name: string): PresetJson | undefined {
  const file = compiledFile();
  if (!file) return undefined;
  if (!file.presets.has(name)) {
    const key = `\n${JSON.stringify(name)}:`;
    const start = file.text.indexOf(key);
    const end = file.text.indexOf("\n", start + 1);
    const line = start === -1 ? null : file.text.slice(start + key.length, end).replace(/,$/, "");
    file.presets.set(name, line ? (JSON.parse(line) as PresetJson) : undefined);
  }
  return file.presets.get(name);
}

/** The course years' templates from the compiled presets; null when there are none to use. */
export function compiledTemplateYears(): TemplateYearDefinition[] | null {
  const file = compiledFile();
  return file ? file.years.map((y) => ({ ...y, fingerprints: y.fingerprints.map(fingerprint) })) : null;
}

/** The years' templates as data, for the compiled file. */
export function yearsJson(years: readonly TemplateYearDefinition[]): CompiledPresets["years"] {
  return years.map((y) => ({ ...y, fingerprints: y.fingerprints.map(fingerprintJson) }));
}
