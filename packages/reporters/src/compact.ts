import { terminalSafe } from "./escape.js";
import { relativePath } from "./paths.js";
import { wholeText } from "./results.js";
import { inOutputOrder } from "./sort.js";
import type { Reporter, StreamingReporter } from "./types.js";

/**
 * One line per finding, `file:line:col: severity message [rule]`, and nothing else: what grep, editors' quickfix
 * lists (`errorformat` `%f:%l:%c: %m`) and CI logs take a line at a time. Line breaks and controls in report text
 * become spaces and visible pictures, so that a finding is never split over lines.
 */
export const compactParts: StreamingReporter = function* (list, context) {
  for (const { result } of inOutputOrder(list, context.cwd)) {
    const file = terminalSafe(relativePath(result.filePath, context.cwd));
    yield result.diagnostics
      .map(
        (d) =>
          `${file}:${d.line}:${d.column}: ${d.severity} ${terminalSafe(d.message)} [${terminalSafe(d.ruleId)}]\n`,
      )
      .join("");
  }
};

export const compact: Reporter = wholeText(compactParts);
