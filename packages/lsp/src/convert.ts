import type { Diagnostic as Finding, Fix } from "@mlops-report/engine";
import type { QuestionCount } from "@mlops-report/reporters";
import {
  type CodeLens,
  type Diagnostic,
  DiagnosticSeverity,
  type InlayHint,
  type Position,
  type Range,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { docsLink } from "./docs-links.js";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export const SOURCE = "mlops-report";

/** A 1-based line and column of the report (columns in UTF-16 units, as LSP counts them) as an LSP position. */
function position(line: number, column: number, bom: number): Position {
  return { line: line - 1, character: column - 1 + (line === 1 ? bom : 0) };
}

/** A finding as an LSP diagnostic: its rule id as the code, with a link to the rule's docs page. */
export function toDiagnostic(finding: Finding, bom: number, docs: ReadonlyMap<string, string>): Diagnostic {
  const start = position(finding.line, finding.column, bom);
  const end = position(finding.endLine, finding.endColumn, bom);
  const href = docsLink(docs.get(finding.ruleId) ?? "");
  return {
    range: { start, end },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
  };
}

/**
 * One diagnostic at the top of the file, for what keeps the whole report from being linted: its config
 * (`config`), or its size or the time it took (`limit`).
 */
export function problemDiagnostic(cause: "config" | "limit", message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: cause,
    source: SOURCE,
    message,
  };
}

/** The document range a fix replaces; its offsets count from after a byte-order mark. */
export function fixRange(document: TextDocument, fix: Fix, bom: number): Range {
  return { start: document.positionAt(fix.start + bom), end: document.positionAt(fix.end + bom) };
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The counts at the end of each question's heading line. */
export function countHints(document: TextDocument, counts: readonly QuestionCount[]): InlayHint[] {
  return counts.map((count) => {
    const line = count.line - 1;
    const end = document.offsetAt({ line: line + 1, character: 0 });
    const lineText = document.getText({ start: { line, character: 0 }, end: document.positionAt(end) });
    return {
      position: { line, character: lineText.replace(/\r?\n$/, "").length },
      label: count.label,
      paddingLeft: true,
    };
  });
}

/** The counts above each question's heading. */
export function countLenses(counts: readonly QuestionCount[]): CodeLens[] {
  return counts.map((count) => {
    const at = { line: count.line - 1, character: 0 };
    return { range: { start: at, end: at }, command: { title: count.label, command: "" } };
  });
}
