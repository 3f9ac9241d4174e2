import type { Severity } from "@mlops-report/rules";
import { escapeGithubData, escapeGithubProperty } from "./escape.js";
import { relativePath } from "./paths.js";
import { sortResults } from "./sort.js";
import type { Reporter } from "./types.js";

const commands: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** GitHub Actions workflow commands: one annotation per finding, on the file and line it names. */
export const github: Reporter = (results, context) => {
  const lines: string[] = [];
  for (const result of sortResults(results, context.cwd)) {
    const file = escapeGithubProperty(relativePath(result.filePath, context.cwd));
    for (const d of result.diagnostics) {
      const properties = [
        `file=${file}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${Math.max(d.line, d.endLine)}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeGithubProperty(d.ruleId)}`,
      ].join(",");
      lines.push(`::${commands[d.severity]} ${properties}::${escapeGithubData(d.message)}`);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
};
