/** The config as the loader merges it: what each key of a config file becomes (docs/config.md). */
import type { Constraints, TemplateFingerprint } from "@mlops-report/core";
import type { Node, Scalar } from "yaml";
import type { Rule } from "../define-rule.js";
import type { Expr } from "../dsl/index.js";
import type { RuleLevel, Severity } from "../types.js";

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
