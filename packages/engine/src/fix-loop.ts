import type { Report } from "@mlops-report/core";
import { applyFixes, type LintResult } from "@mlops-report/rules";

/** At most this many rounds of fixing and linting again: a fix can make room for another. */
const FIX_PASSES = 10;

/** One lint of one version of a report's text. */
export interface LintPass {
  report: Report;
  result: LintResult;
}

/** The text once no safe fix is left to make (or the rounds ran out), its last lint, and how many fixes went in. */
export interface FixedPoint<P extends LintPass> {
  text: string;
  pass: P;
  count: number;
}

/**
 * Applies the safe fixes of `first` (the lint of `text`), lints the output again with `lint`, and so on until a
 * round fixes nothing: the text `--fix` writes and the findings left in it. The byte-order mark is kept.
 */
export async function fixToFixedPoint<P extends LintPass>(
  text: string,
  first: P,
  lint: (text: string) => Promise<P>,
): Promise<FixedPoint<P>> {
  let current = text;
  let pass = first;
  let count = 0;
  for (let round = 0; round < FIX_PASSES; round++) {
    const { output, fixed } = applyFixes(pass.report.source.text, pass.result.diagnostics);
    if (fixed.length === 0) break;
    current = (pass.report.source.hadBom ? "\uFEFF" : "") + output;
    count += fixed.length;
    pass = await lint(current);
  }
  return { text: current, pass, count };
}
