import type { Report } from "@mlops-report/core";
import { closestMatch } from "../dsl/index.js";
import type { Diagnostic, RuleLevel, RuleMeta } from "../types.js";

const DIRECTIVE = /^mlops-report-(disable|enable)(?:\s+([\s\S]*))?$/;

/** The rule that reports disable comments naming unknown rules, and (when asked) those that disable nothing. */
export const DISABLE_COMMENT_META: RuleMeta = {
  id: "inline/disable-comment",
  description: "Disable and enable comments name rules that exist, and (when asked) each disables a finding",
  docs: "docs/rules/inline/disable-comment.md",
  defaultSeverity: "warning",
};

interface Switch {
  line: number;
  column: number;
  kind: "disable" | "enable";
  /** Rule ids named, or null for every rule. */
  rules: string[] | null;
}

/** `<!-- mlops-report-disable rule-id -->` / `<!-- mlops-report-enable -->` comments, in source order. */
export function inlineSwitches(report: Report): Switch[] {
  const out: Switch[] = [];
  for (const comment of report.comments) {
    const m = DIRECTIVE.exec(comment.text.trim());
    if (!m) continue;
    const ids = (m[2] ?? "").split(/[\s,]+/).filter(Boolean);
    const kind = m[1] as Switch["kind"];
    out.push({ line: comment.line, column: comment.column, kind, rules: ids.length ? ids : null });
  }
  return out;
}

export interface SuppressOptions {
  /** Every rule id a comment may name (rules turned off included). */
  knownRules: ReadonlySet<string>;
  /** The severity of a disable comment that disables no finding; `off`: not reported. */
  unusedDisables: RuleLevel;
}

/** A finding of the disable-comment rule at a comment. */
function directiveFinding(s: Switch, severity: Diagnostic["severity"], message: string): Diagnostic {
  return {
    ruleId: DISABLE_COMMENT_META.id,
    severity,
    message,
    line: s.line,
    column: s.column,
    endLine: s.line,
    endColumn: s.column,
    question: null,
    checklistItem: null,
  };
}

/**
 * Drops diagnostics that start in a stretch where an inline comment disabled their rule; adds a finding for each
 * rule id a comment names that no rule has, and, unless `unusedDisables` is off, for each disable comment (or
 * rule id of one) that dropped nothing.
 */
export function suppress(
  diagnostics: readonly Diagnostic[],
  report: Report,
  options: SuppressOptions,
): Diagnostic[] {
  const switches = inlineSwitches(report);
  if (switches.length === 0) return [...diagnostics];
  // Per disable comment, the ids it dropped a finding of (null: a comment for every rule that dropped one).
  const used = new Map<Switch, Set<string | null>>();
  const kept = diagnostics.filter((d) => {
    let decidedBy: Switch | null = null;
    for (const s of switches) {
      if (s.line > d.line) break;
      if (s.rules === null || s.rules.includes(d.ruleId)) decidedBy = s;
    }
    if (decidedBy?.kind !== "disable") return true;
    const ids = used.get(decidedBy) ?? new Set();
    ids.add(decidedBy.rules === null ? null : d.ruleId);
    used.set(decidedBy, ids);
    return false;
  });
  const found: Diagnostic[] = [];
  for (const s of switches) {
    const unknown = (s.rules ?? []).filter((id) => !options.knownRules.has(id));
    for (const id of unknown) {
      const suggestion = closestMatch(id, options.knownRules);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
      const kind = s.kind === "disable" ? "Disable" : "Enable";
      found.push(directiveFinding(s, "warning", `${kind} comment names "${id}", which is no rule${hint}`));
    }
    if (s.kind !== "disable" || options.unusedDisables === "off") continue;
    const severity = options.unusedDisables;
    const dropped = used.get(s);
    if (s.rules === null && !dropped)
      found.push(
        directiveFinding(s, severity, "Unused disable comment: no finding is reported where it applies"),
      );
    for (const id of s.rules ?? []) {
      if (unknown.includes(id) || dropped?.has(id)) continue;
      const message = `Unused disable comment for "${id}": no such finding is reported where it applies`;
      found.push(directiveFinding(s, severity, message));
    }
  }
  return [...kept, ...found];
}
