import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { relativePath } from "./paths.js";
import { listOf, type ResultList } from "./results.js";

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

/** A result with its diagnostics sorted, as every output shows them. */
const withSortedDiagnostics = (result: LintResult): LintResult => ({
  ...result,
  diagnostics: sortDiagnostics(result.diagnostics),
});

/** Two results for one path (rare): by their findings, then their text. */
function compareSamePath(a: LintResult, b: LintResult): number {
  return (
    compareDiagnosticLists(sortDiagnostics(a.diagnostics), sortDiagnostics(b.diagnostics)) ||
    compareStrings(a.report.source.text, b.report.source.text)
  );
}

/**
 * The indices of a list's results in output order: by the path the output shows, then by `filePath`; two results
 * for one path (rare) by their findings and text, so that input order never shows. Only such a tie reads results.
 */
export function outputOrder(list: ResultList, cwd: string): number[] {
  const filePaths = Array.from({ length: list.length }, (_, index) => list.filePath(index));
  const shown = filePaths.map((filePath) => relativePath(filePath, cwd));
  return filePaths
    .map((_, index) => index)
    .sort(
      (a, b) =>
        compareStrings(shown[a]!, shown[b]!) ||
        compareStrings(filePaths[a]!, filePaths[b]!) ||
        compareSamePath(list.read(a), list.read(b)),
    );
}

/** A result in output order, with where it stands in its list (the order it was given in). */
export interface OrderedResult {
  result: LintResult;
  index: number;
}

/**
 * A list's results in output order, each read when reached and its diagnostics sorted: one result at a time is in
 * memory, however long the list.
 */
export function* inOutputOrder(list: ResultList, cwd: string): Generator<OrderedResult> {
  for (const index of outputOrder(list, cwd))
    yield { result: withSortedDiagnostics(list.read(index)), index };
}

/** Results in output order (see `outputOrder`), each with its diagnostics sorted; the input is not modified. */
export function sortResults(results: readonly LintResult[], cwd: string): LintResult[] {
  return Array.from(inOutputOrder(listOf(results), cwd), ({ result }) => result);
}
