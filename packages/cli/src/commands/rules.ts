import { listRules } from "@mlops-report/rules";
import type { Io } from "../io.js";

/** Every rule with its default severity, description and docs page, and whether `--fix` fixes it. */
export function rulesCommand(io: Io): number {
  const rules = listRules();
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map(
    (r) =>
      `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}\n${" ".repeat(width + 11)}${r.docs}${r.fixable ? " · fixable with --fix" : ""}`,
  );
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}
