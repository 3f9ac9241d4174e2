export { CONSISTENCY_RULE_ID } from "./builtin/checklist-consistency.js";
export { builtinRules } from "./builtin/index.js";
export * from "./config/index.js";
export {
  defaultOptions,
  defineRule,
  type OptionSchema,
  type OptionsOf,
  type OptionsSchema,
  type Rule,
  type RuleContext,
  type RuleDefinition,
} from "./define-rule.js";
export * from "./dsl/index.js";
export { applyFixes, type FixOutcome } from "./engine/fix.js";
export { defaultRuleSettings, type LintOptions, lintReport, type RuleSetting } from "./engine/lint.js";
export { type BlockHit, findEvidence, mentions, negated, splitSentences } from "./evidence/index.js";
export { type EvidenceStore, isStoredEvidence, type StoredEvidence } from "./evidence/store.js";
export { groupIdentity } from "./group-identity.js";
export { judgedCount, questionCounts, readerClause } from "./question-counts.js";
export { checklistEvidence } from "./repository/items.js";
export type * from "./types.js";

import { builtinRules } from "./builtin/index.js";
import { DISABLE_COMMENT_META } from "./engine/suppress.js";
import type { RuleMeta } from "./types.js";

/**
 * Metadata of every built-in rule, consistency included, sorted by id in code-unit order: the same for every
 * locale, and `localeCompare`'s first call, which sets up the locale's collator, took 5-10 ms of a cold run.
 */
export function listRules(): RuleMeta[] {
  return [...builtinRules.map((r) => r.meta), DISABLE_COMMENT_META]
    .map(({ id, description, docs, defaultSeverity, fixable }) => ({
      id,
      description,
      docs,
      defaultSeverity,
      ...(fixable ? { fixable } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
