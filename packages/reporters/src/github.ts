import type { Severity } from "@mlops-report/rules";
import { escapeGithubData, escapeGithubProperty } from "./escape.js";
import { relativePath } from "./paths.js";
import { wholeText } from "./results.js";
import { inOutputOrder } from "./sort.js";
import type { Reporter, StreamingReporter } from "./types.js";

const commands: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** GitHub Actions workflow commands: one annotation per finding, on the file and line it names. */
export const githubParts: StreamingReporter = function* (list, context) {
  for (const { result } of inOutputOrder(list, context.cwd)) {
    const file = escapeGithubProperty(relativePath(result.filePath, context.cwd));
    const lines = result.diagnostics.map((d) => {
      const properties = [
        `file=${file}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${Math.max(d.line, d.endLine)}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeGithubProperty(d.ruleId)}`,
      ].join(",");
      return `::${commands[d.severity]} ${properties}::${escapeGithubData(d.message)}\n`;
    });
    yield lines.join("");
  }
};

export const github: Reporter = wholeText(githubParts);
