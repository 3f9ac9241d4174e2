import { dirname } from "node:path";
import { listRules } from "@mlops-report/engine";
import { wrapText } from "@mlops-report/reporters";
import { docsPage } from "../docs.js";
import type { Io } from "../io.js";

const WIDTH = 80;
const INDENT = "    ";

/** Every rule with its default severity, description and docs page, and whether `--fix` fixes it. */
export function rulesCommand(options: { json?: boolean }, io: Io): number {
  const rules = listRules().map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    fixable: r.fixable === true,
    description: r.description,
    docs: docsPage(r.docs),
  }));
  if (options.json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  // Pages are named relative to the docs folder, so that each line fits in 80 columns wherever it is installed.
  const folder = `${dirname(dirname(docsPage("docs/rules/README.md")))}/`;
  const lines = ["Each rule's page is under:", folder, ""];
  for (const r of rules) {
    lines.push(`${r.id}  ${r.defaultSeverity}${r.fixable ? " · fixable with --fix" : ""}`);
    lines.push(...wrapText(r.description, WIDTH - INDENT.length).map((line) => INDENT + line));
    lines.push(`${INDENT}${r.docs.slice(folder.length)}`);
  }
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}
