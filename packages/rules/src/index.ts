export { builtinRules } from "./builtin/index.js";
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
export { defaultRuleSettings, type LintOptions, lintReport, type RuleSetting } from "./engine/lint.js";
export type * from "./types.js";

import { builtinRules } from "./builtin/index.js";
import type { RuleMeta } from "./types.js";

/** Metadata of every built-in rule, sorted by id. */
export function listRules(): RuleMeta[] {
  return builtinRules
    .map(({ meta }) => ({
      id: meta.id,
      description: meta.description,
      docs: meta.docs,
      defaultSeverity: meta.defaultSeverity,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
export * from "./config/index.js";
export * from "./dsl/index.js";
export { findEvidence, mentions, negated, splitSentences } from "./evidence/index.js";
