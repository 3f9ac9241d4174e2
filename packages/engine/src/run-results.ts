import type { LintResult } from "@mlops-report/rules";
import { isPacked, type PackedResult, unpackResult } from "./packed-result.js";

/** A result as a run hands it to its outputs: its path and counts at hand, the result read when asked for. */
export interface KeptResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  read(): LintResult;
}

/** Keeps errors only, with counts to match. */
function errorsOnly(result: LintResult): LintResult {
  const diagnostics = result.diagnostics.filter((d) => d.severity === "error");
  return { ...result, diagnostics, warningCount: 0, infoCount: 0 };
}

/** A result (packed or not) as a run keeps it; with `quiet`, it reads with its errors only. */
export function keptResult(result: LintResult | PackedResult, quiet: boolean): KeptResult {
  const { filePath, errorCount } = result;
  const warningCount = quiet ? 0 : result.warningCount;
  const whole = isPacked(result) ? () => unpackResult(result) : () => result;
  return { filePath, errorCount, warningCount, read: quiet ? () => errorsOnly(whole()) : whole };
}

/**
 * A run's results, sorted by path, as its outputs read them (the reporters' `ResultList`): each read when an
 * output comes to it, a result packed by the run made anew from its bytes each time. A class of 1,000 reports
 * then never has its results' objects in memory together, only their bytes.
 */
export class RunResults {
  constructor(private readonly kept: readonly KeptResult[]) {}

  get length(): number {
    return this.kept.length;
  }

  filePath(index: number): string {
    return this.at(index).filePath;
  }

  read(index: number): LintResult {
    return this.at(index).read();
  }

  /** The errors of every result. */
  get errorCount(): number {
    return this.kept.reduce((sum, kept) => sum + kept.errorCount, 0);
  }

  /** The warnings of every result (none with `quiet`). */
  get warningCount(): number {
    return this.kept.reduce((sum, kept) => sum + kept.warningCount, 0);
  }

  private at(index: number): KeptResult {
    const kept = this.kept[index];
    if (kept === undefined) throw new RangeError(`no result ${index} of ${this.kept.length}`);
    return kept;
  }
}
