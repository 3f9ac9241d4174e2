import { engineMessages as messages } from "./messages.js";
import { readIfReadable } from "./read-report.js";
import { writeAtomically } from "./write-atomically.js";

/** A report whose findings were fixed: its text before and after, and how many findings the fixes removed. */
export interface FixedReport {
  path: string;
  shown: string;
  before: string;
  after: string;
  count: number;
}

/**
 * Writes each fixed report back, keeping its line endings and byte-order mark, unless it changed since it was
 * read; false when one was not written.
 */
export function writeFixes(
  fixed: readonly FixedReport[],
  log: { note(message: string): void; error(message: string): void },
): boolean {
  let ok = true;
  for (const report of fixed) {
    // An edit saved while the fixes were made must not be lost: such a file is left as it is.
    if (readIfReadable(report.path, report.shown) !== report.before) {
      log.error(messages.changedSinceRead(report.shown));
      ok = false;
      continue;
    }
    try {
      writeAtomically(report.path, report.after);
      log.note(messages.fixed(report.shown, report.count));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      log.error(messages.cannotWriteFixes(report.shown, reason));
      ok = false;
    }
  }
  return ok;
}
