import { LineIndex } from "@mlops-report/core";
import { excerptLine, shortMessage } from "./excerpt.js";

/** One thing wrong with a config file, at the offending token. */
export interface ConfigProblem {
  file: string;
  /** The config's text, to show the offending line. */
  text: string;
  offset: number;
  length: number;
  message: string;
  /** The replacement to propose: shown as "did you mean `x`?". */
  suggestion?: string;
}

/** A config that cannot be used; carries every problem found in it. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => p.message).join("; "));
  }
}

/**
 * `file:line:col: message (did you mean `x`?)`, then the offending line with a caret under the token:
 *
 *     .mlops-report.yaml:7:13: unknown function `checkd` (did you mean `checked`?)
 *        7 |       when: checkd(dvc)
 *          |             ^^^^^^
 */
export function formatConfigProblem(p: ConfigProblem): string {
  const hint = p.suggestion ? ` (did you mean \`${p.suggestion}\`?)` : "";
  // A problem of the whole file (it cannot be read, or is not text) has no line to show.
  if (p.text === "") return `${p.file}: ${shortMessage(p.message)}${hint}`;
  const index = new LineIndex(p.text);
  const at = index.point(p.offset);
  const { text: lineText, column } = excerptLine(index.lineText(at.line), at.column);
  const width = Math.max(1, Math.min(p.length, lineText.length - column + 1));
  const gutter = String(at.line).length;
  return [
    `${p.file}:${at.line}:${at.column}: ${shortMessage(p.message)}${hint}`,
    `  ${at.line} | ${lineText}`,
    `  ${" ".repeat(gutter)} | ${" ".repeat(column - 1)}${"^".repeat(width)}`,
  ].join("\n");
}
