import type { Report } from "@mlops-report/core";
import type { Diagnostic } from "../types.js";

const DIRECTIVE = /^mlops-report-(disable|enable)(?:\s+([\s\S]*))?$/;

interface Switch {
  line: number;
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
    out.push({ line: comment.line, kind: m[1] as Switch["kind"], rules: ids.length ? ids : null });
  }
  return out;
}

/** Drops diagnostics that start in a stretch where an inline comment disabled their rule. */
export function suppress(diagnostics: readonly Diagnostic[], report: Report): Diagnostic[] {
  const switches = inlineSwitches(report);
  if (switches.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    let disabled = false;
    for (const s of switches) {
      if (s.line > d.line) break;
      if (s.rules === null || s.rules.includes(d.ruleId)) disabled = s.kind === "disable";
    }
    return !disabled;
  });
}
