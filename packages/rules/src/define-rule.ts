import type {
  ChecklistItem,
  Constraints,
  Question,
  Report,
  RepositoryView,
  TemplateYear,
} from "@mlops-report/core";
import type { CompiledConsistency } from "./config/derive.js";
import type { EvidenceStore } from "./evidence/store.js";
import type { RepositoryEvidence } from "./repository/evidence.js";
import type { Finding, RuleLevel, RuleMeta } from "./types.js";

/** One option of a rule, described so that configs can be checked and documented. */
export type OptionSchema =
  | { type: "number"; default: number; description: string; minimum?: number }
  | { type: "boolean"; default: boolean; description: string }
  | { type: "string"; default: string; description: string }
  | { type: "enum"; values: readonly string[]; default: string; description: string };

export type OptionsSchema = Readonly<Record<string, OptionSchema>>;

/** The option values a schema describes. */
export type OptionsOf<S extends OptionsSchema> = {
  -readonly [K in keyof S]: S[K] extends { type: "number" }
    ? number
    : S[K] extends { type: "boolean" }
      ? boolean
      : S[K] extends { type: "enum"; values: readonly (infer V)[] }
        ? V
        : string;
};

export interface RuleContext<O> {
  report: Report;
  options: O;
  /** The constraints that apply to a question: the config's where it sets them, else the prompt's own. */
  constraints(question: Question): Constraints;
  /** The template the config was written for, or null when it names no year. */
  expected: { year: TemplateYear; questionCount: number } | null;
  /** The repository around the report, or null for a report file outside any repository. */
  repository: RepositoryView | null;
  /** The config's checklist ids, each with the matcher that finds its item's text. */
  checklist: ReadonlyMap<string, RegExp>;
  /** The stable id the config gives a checklist item (`dvc`), or null when it gives none. */
  checklistId(item: ChecklistItem): string | null;
  /** What the repository can show of each checklist id's work, for the ids the config gives evidence. */
  repositoryEvidence: ReadonlyMap<string, RepositoryEvidence>;
  /** Evidence hits in answers kept from past runs of this report (see `EvidenceStore`), or null. */
  evidenceStore: EvidenceStore | null;
  /** The config's consistency checks: those derived from the catalog's ids and those it writes itself. */
  consistency: readonly CompiledConsistency[];
}

export interface RuleDefinition<S extends OptionsSchema> {
  meta: RuleMeta;
  options?: S;
  check(context: RuleContext<OptionsOf<S>>): Iterable<Finding>;
}

/** A rule ready to run, its options typed away so that rules of all shapes share one list. */
export interface Rule {
  meta: RuleDefinition<OptionsSchema>["meta"];
  options: OptionsSchema;
  check(context: RuleContext<Record<string, unknown>>): Iterable<Finding>;
}

/** The one way to make a rule, built in or plugin. */
export function defineRule<S extends OptionsSchema = Record<never, OptionSchema>>(
  definition: RuleDefinition<S>,
): Rule {
  return {
    meta: definition.meta,
    options: definition.options ?? {},
    check: definition.check as Rule["check"],
  };
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.options).map(([name, schema]) => [name, schema.default]));
}

export type { RuleLevel };
