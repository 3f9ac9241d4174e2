import type { Constraints, Report } from "@mlops-report/core";
import { CONSISTENCY_RULE_ID, checklistConsistency } from "../builtin/checklist-consistency.js";
import { builtinRules } from "../builtin/index.js";
import { fillsOtherTemplate } from "../builtin/util.js";
import { defaultOptions, type Rule } from "../define-rule.js";
import {
  type CompiledExpression,
  compiledFromAst,
  compileExpression,
  type DslEnvironment,
} from "../dsl/index.js";
import type { LintOptions, RuleSetting } from "../engine/lint.js";
import { type RepositoryEvidence, repositoryEvidenceOf } from "../repository/evidence.js";
import type { RuleLevel } from "../types.js";
import { activeIds, type CompiledConsistency, derivedChecks, unknownTermNames } from "./derive.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import type { ConsistencyConfig, MergedConfig } from "./merged-config.js";
import { questionCountOf } from "./presets.js";
import { regExpFor } from "./regex-safety.js";
import { nodeLength, nodeStart, valueOffsetToSource } from "./yaml-positions.js";

/** A config ready to lint with: expressions compiled and checked against the config's own ids and questions. */
export interface ResolvedConfig {
  files: readonly string[];
  year: number | null;
  constraints: MergedConfig["constraints"];
  questions: Readonly<Record<number, Constraints>>;
  checklist: ReadonlyMap<string, RegExp>;
  /** What the repository can show of each id's work, for the ids that say. */
  repositoryEvidence: ReadonlyMap<string, RepositoryEvidence>;
  settings: readonly RuleSetting[];
  consistency: readonly CompiledConsistency[];
  /** Every rule the config can report from, built-in and plugin. */
  rules: readonly Rule[];
  /** The severity of a disable comment that disables no finding; `off`: not reported. */
  reportUnusedDisableDirectives: RuleLevel;
}

export interface ResolveOptions {
  /** Regexes not from a preset match in linear time (see `regExpFor`): for a config found in a linted repository. */
  linearRegExps?: boolean;
}

/** Compiles every expression; all problems of all files are reported together. */
export function resolveConfig(merged: MergedConfig, options: ResolveOptions = {}): ResolvedConfig {
  const ids = activeIds(merged);
  const env: DslEnvironment = {
    questions: new Set(Array.from({ length: questionCountOf(merged.year) }, (_, i) => i + 1)),
    checklistIds: new Set(ids.map((entry) => entry.id)),
  };
  const problems: ConfigProblem[] = unknownTermNames(merged).map(({ entry, name }) => ({
    file: entry.origin.file,
    text: entry.origin.text,
    offset: nodeStart(entry.origin.node),
    length: nodeLength(entry.origin.node),
    message: `checklist id ${entry.id} names the terms \`${name}\`, which \`terms\` does not define`,
  }));
  const compile = (entry: ConsistencyConfig, part: "when" | "assert"): CompiledExpression | null => {
    const expr = entry[part];
    if (!expr) return null;
    const regExp = regExpFor(entry.origin.file, !options.linearRegExps);
    if (expr.ast) return compiledFromAst(expr.source, expr.ast, regExp);
    const result = compileExpression(expr.source, { ...env, regExp });
    if (result.ok) return result.expression;
    for (const e of result.errors) {
      const offset = expr.node ? valueOffsetToSource(expr.node, entry.origin.text, e.offset) : 0;
      problems.push({
        file: entry.origin.file,
        text: entry.origin.text,
        offset,
        length: Math.max(1, e.length),
        // After `file:line:col:` messages start in lower case, like the loader's own.
        message: e.message.charAt(0).toLowerCase() + e.message.slice(1),
        ...(e.suggestion ? { suggestion: e.suggestion } : {}),
      });
    }
    return null;
  };
  const consistency: CompiledConsistency[] = derivedChecks(merged);
  for (const entry of merged.consistency.values()) {
    const when = compile(entry, "when");
    const assert = compile(entry, "assert");
    if (assert)
      consistency.push({ name: entry.name, when, assert, message: entry.message, severity: entry.severity });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const rules = [...builtinRules, ...merged.plugins];
  const settings: RuleSetting[] = rules.map((rule) => {
    const configured = merged.rules.get(rule.meta.id);
    return {
      rule,
      level: configured?.level ?? rule.meta.defaultSeverity,
      options: { ...defaultOptions(rule), ...configured?.options },
    };
  });
  return {
    files: merged.files,
    year: merged.year,
    constraints: merged.constraints,
    questions: merged.questions,
    checklist: new Map(ids.map((entry) => [entry.id, entry.match!])),
    repositoryEvidence: repositoryEvidenceOf(ids),
    settings,
    consistency,
    rules,
    reportUnusedDisableDirectives: merged.reportUnusedDisableDirectives ?? "off",
  };
}

/**
 * Lint options for one report: the config's constraints and rules, unless the report fills another year's
 * template than the config describes. Then question constraints and consistency rules (numbered for the other
 * year) would mislead: the report keeps its prompts' constraints and template/structure says why, once.
 */
export function lintOptionsFor(
  config: ResolvedConfig,
  report: Report,
): Pick<
  LintOptions,
  | "rules"
  | "constraints"
  | "expected"
  | "checklist"
  | "repositoryEvidence"
  | "consistency"
  | "reportUnusedDisableDirectives"
> {
  const expected =
    config.year === null ? undefined : { year: config.year, questionCount: questionCountOf(config.year) };
  const mismatch = fillsOtherTemplate(report, expected);
  return {
    rules: withConsistency(config.settings),
    constraints: mismatch || config.constraints === "from-template" ? {} : config.questions,
    checklist: config.checklist,
    repositoryEvidence: config.repositoryEvidence,
    consistency: mismatch ? [] : config.consistency,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    ...(expected ? { expected } : {}),
  };
}

/** The settings with the consistency rule among them, at its default level where a caller's list leaves it out. */
function withConsistency(settings: readonly RuleSetting[]): readonly RuleSetting[] {
  if (settings.some((s) => s.rule.meta.id === CONSISTENCY_RULE_ID)) return settings;
  return [
    ...settings,
    { rule: checklistConsistency, level: checklistConsistency.meta.defaultSeverity, options: {} },
  ];
}
