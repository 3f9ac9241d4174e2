import type { Bounds, Image, Question, Range, Report } from "@mlops-report/core";
import type { RuleContext } from "../define-rule.js";
import type { Finding } from "../types.js";

/** `200-300`, or `1` when both ends agree. */
export function formatBounds(b: Bounds): string {
  return b.min === b.max ? String(b.min) : `${b.min}-${b.max}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Images that show a file of the repository; remote, in-code and unrendered ones show none. */
export function showsLocalFile(image: Image): boolean {
  return image.kind === "markdown" || image.kind === "reference" || image.kind === "html";
}

/** Where a finding about a range starts and ends. */
export function at(range: Range): Pick<Finding, "line" | "column" | "endLine" | "endColumn"> {
  return {
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

/** A finding about a question's whole answer. */
export function atAnswer(
  q: Question,
): Pick<Finding, "line" | "column" | "endLine" | "endColumn" | "question"> {
  return { ...at(q.answer.range), question: q.number };
}

export const COUNTING = {
  counting: {
    type: "enum",
    values: ["prose", "official"] as const,
    default: "official",
    description:
      "`official`: what the course checker counts (raw whitespace tokens, `![..](..)` matches), saying what a reader sees where that gives another verdict. `prose`: what a reader sees (rendered words, rendered images). Unanswered questions are left to `answer/filled` in both modes.",
  },
} as const;

/** `s` as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The report fills another year's template than the config describes (a year the report's shape tells). */
export function fillsOtherTemplate(
  report: Report,
  expected: RuleContext<unknown>["expected"] | undefined,
): boolean {
  return (
    expected !== null &&
    expected !== undefined &&
    report.template.year !== "unknown" &&
    report.template.questionCount !== expected.questionCount
  );
}
