import type { ChecklistItem, Constraints, Question, Report, RepositoryView } from "@mlops-report/core";
import { CONSISTENCY_RULE_ID } from "../builtin/checklist-consistency.js";
import { builtinRules } from "../builtin/index.js";
import { checklistVerdicts } from "../checklist/verdicts.js";
import { idsMatching, itemsById } from "../checklist-ids.js";
import type { CompiledConsistency } from "../config/derive.js";
import { defaultOptions, type Rule, type RuleContext } from "../define-rule.js";
import type { EvidenceStore } from "../evidence/store.js";
import { groupIdentity } from "../group-identity.js";
import { questionCounts } from "../question-counts.js";
import type { RepositoryEvidence } from "../repository/evidence.js";
import { checklistEvidence } from "../repository/items.js";
import type { Diagnostic, LintResult, RuleLevel, Severity } from "../types.js";
import { dedupe, sortDiagnostics } from "./order.js";
import { DISABLE_COMMENT_META, suppress } from "./suppress.js";

export interface RuleSetting {
  rule: Rule;
  level: RuleLevel;
  options: Record<string, unknown>;
}

export interface LintOptions {
  filePath?: string;
  /** The rules to run with their levels and options; default: every built-in rule as it comes. */
  rules?: readonly RuleSetting[];
  /** Constraints per question number set by a config; questions it leaves out keep their prompt's. */
  constraints?: Readonly<Record<number, Constraints>>;
  /** Honour `<!-- mlops-report-disable -->` comments (default true; staff grading turns them off). */
  inlineConfig?: boolean;
  /** The severity of a disable comment that disables no finding (default `off`: not reported). */
  reportUnusedDisableDirectives?: RuleLevel;
  /** The template year the config describes; template/structure reports a report of another year's shape. */
  expected?: RuleContext<unknown>["expected"];
  /** The repository around the report (default: none, so no rule looks at one). */
  repository?: RepositoryView | null;
  /**
   * Evidence hits in answers from past runs of this report, looked up before an answer is analysed and added to
   * after (default: none, so every answer asked about is analysed).
   */
  evidenceStore?: EvidenceStore | null;
  /** The config's checklist ids and their matchers (default: none). */
  checklist?: ReadonlyMap<string, RegExp>;
  /** What the repository can show of each checklist id's work (default: nothing). */
  repositoryEvidence?: ReadonlyMap<string, RepositoryEvidence>;
  /** The config's consistency checks, derived and written (default: none). */
  consistency?: readonly CompiledConsistency[];
}

const NO_CHECKLIST: ReadonlyMap<string, RegExp> = new Map();
const NO_EVIDENCE: ReadonlyMap<string, RepositoryEvidence> = new Map();
const NO_CONSISTENCY: readonly CompiledConsistency[] = [];

export function defaultRuleSettings(rules: readonly Rule[] = builtinRules): RuleSetting[] {
  return rules.map((rule) => ({ rule, level: rule.meta.defaultSeverity, options: defaultOptions(rule) }));
}

function runRule(
  setting: RuleSetting & { level: Severity },
  context: RuleContext<Record<string, unknown>>,
): Diagnostic[] {
  const id = setting.rule.meta.id;
  try {
    const fixable = setting.rule.meta.fixable === true;
    return [...setting.rule.check(context)].map((f) => {
      const diagnostic: Diagnostic = {
        ruleId: id,
        severity: f.severity ?? setting.level,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine ?? f.line,
        endColumn: f.endColumn ?? f.column,
        question: f.question ?? null,
        checklistItem: f.checklistItem ?? null,
      };
      if (f.fix && fixable) diagnostic.fix = f.fix;
      return diagnostic;
    });
  } catch (error) {
    // One broken rule (a plugin, say) must not cost the report its other findings.
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        ruleId: id,
        severity: "error",
        message: `Rule ${id} failed while checking this report: ${reason}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        question: null,
        checklistItem: null,
      },
    ];
  }
}

/** Every checklist item with an id: its state, what the repository shows of it, and its verdict. */
function checklistOf(report: Report, options: LintOptions) {
  const inputs = {
    report,
    repository: options.repository ?? null,
    checklist: options.checklist ?? NO_CHECKLIST,
    repositoryEvidence: options.repositoryEvidence ?? NO_EVIDENCE,
    consistency: options.consistency ?? NO_CONSISTENCY,
    evidenceStore: options.evidenceStore ?? null,
  };
  const verdicts = inputs.consistency.length > 0 ? checklistVerdicts(inputs) : [];
  return checklistEvidence(report, inputs.repository, inputs.checklist, inputs.repositoryEvidence, verdicts);
}

/** Runs the rules on a report: check -> suppress -> dedupe -> sort, each a small step of its own. */
export function lintReport(report: Report, options: LintOptions = {}): LintResult {
  const settings = options.rules ?? defaultRuleSettings();
  const configured = options.constraints ?? {};
  const constraints = (q: Question): Constraints => configured[q.number] ?? q.constraints;
  const ids = options.checklist ? idsMatching(options.checklist) : null;
  const checklistId = (item: ChecklistItem) => ids?.(item.text)[0] ?? null;
  let diagnostics: Diagnostic[] = [];
  for (const setting of settings) {
    if (setting.level === "off") continue;
    const context = {
      report,
      options: setting.options,
      constraints,
      expected: options.expected ?? null,
      repository: options.repository ?? null,
      checklist: options.checklist ?? NO_CHECKLIST,
      checklistId,
      repositoryEvidence: options.repositoryEvidence ?? NO_EVIDENCE,
      evidenceStore: options.evidenceStore ?? null,
      consistency: options.consistency ?? NO_CONSISTENCY,
    };
    diagnostics.push(...runRule(setting as RuleSetting & { level: Severity }, context));
  }
  if (options.inlineConfig !== false) {
    // A comment may name any rule of the config, one turned off too.
    const ids = [...settings.map((s) => s.rule.meta.id), CONSISTENCY_RULE_ID, DISABLE_COMMENT_META.id];
    diagnostics = suppress(diagnostics, report, {
      knownRules: new Set(ids),
      unusedDisables: options.reportUnusedDisableDirectives ?? "off",
    });
  }
  diagnostics = sortDiagnostics(dedupe(diagnostics));
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const checklist = options.checklist?.size ? checklistOf(report, options) : null;
  return {
    filePath: options.filePath ?? report.source.path,
    report,
    diagnostics,
    errorCount: count("error"),
    warningCount: count("warning"),
    infoCount: count("info"),
    questionCounts: questionCounts(report, settings, constraints),
    group: groupIdentity(report, settings),
    ...(checklist ? { checklist } : {}),
    ...(options.checklist
      ? {
          checklistIds: Object.fromEntries(
            [...itemsById(report, options.checklist)].map(([id, item]) => [id, item.line]),
          ),
        }
      : {}),
  };
}
