import type { Report } from "@mlops-report/core";

export type Severity = "error" | "warning" | "info";
/** A rule's configured level; `off` disables it. */
export type RuleLevel = Severity | "off";

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line and column where the finding starts, and where it ends (inclusive line, exclusive column). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The question the finding is about, or null for report-wide findings. */
  question: number | null;
  /** The checklist item id the finding is about, or null. */
  checklistItem: string | null;
}

/** What a rule reports; the engine adds the rule id and severity. */
export interface Finding {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  question?: number | null;
  checklistItem?: string | null;
  /** Overrides the rule's configured severity for this finding only (e.g. a denial is worse than silence). */
  severity?: Severity;
}

export interface RuleMeta {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Repository-relative path of the rule's docs page, e.g. `docs/rules/answer/word-count.md`. */
  docs: string;
  defaultSeverity: RuleLevel;
}

/** One linted report. */
export interface LintResult {
  /** The report's path as the user named it (relative to the working directory where possible). */
  filePath: string;
  report: Report;
  /** Sorted by line, column, rule id. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}
