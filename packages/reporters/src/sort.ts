import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { relativePath } from "./paths.js";

/** Code-unit order: unlike `localeCompare` it does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

/** Line, column, rule id; the remaining fields only break ties so that equal inputs give equal bytes. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareStrings(a.message, b.message) ||
    (a.question ?? 0) - (b.question ?? 0) ||
    compareStrings(a.checklistItem ?? "", b.checklistItem ?? "")
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

function compareDiagnosticLists(a: readonly Diagnostic[], b: readonly Diagnostic[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareDiagnostics(a[i] as Diagnostic, b[i] as Diagnostic);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Results by the path the output shows, each with its diagnostics sorted; the input is not modified. Two
 * results for one path (rare) are ordered by their findings and text, so that input order never shows.
 */
export function sortResults(results: readonly LintResult[], cwd: string): LintResult[] {
  return results
    .map((result) => ({
      result: { ...result, diagnostics: sortDiagnostics(result.diagnostics) },
      path: relativePath(result.filePath, cwd),
    }))
    .sort(
      (a, b) =>
        compareStrings(a.path, b.path) ||
        compareStrings(a.result.filePath, b.result.filePath) ||
        compareDiagnosticLists(a.result.diagnostics, b.result.diagnostics) ||
        compareStrings(a.result.report.source.text, b.result.report.source.text),
    )
    .map(({ result }) => result);
}
