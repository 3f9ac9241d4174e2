import { terminalSafe } from "./escape.js";
import { relativePath } from "./paths.js";
import { sortResults } from "./sort.js";
import type { Reporter } from "./types.js";

/**
 * One line per finding, `file:line:col: severity message [rule]`, and nothing else: what grep, editors' quickfix
 * lists (`errorformat` `%f:%l:%c: %m`) and CI logs take a line at a time. Line breaks and controls in report text
 * become spaces and visible pictures, so that a finding is never split over lines.
 */
export const compact: Reporter = (results, context) => {
  const lines: string[] = [];
  for (const result of sortResults(results, context.cwd)) {
    const file = terminalSafe(relativePath(result.filePath, context.cwd));
    for (const d of result.diagnostics)
      lines.push(
        `${file}:${d.line}:${d.column}: ${d.severity} ${terminalSafe(d.message)} [${terminalSafe(d.ruleId)}]`,
      );
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
};
