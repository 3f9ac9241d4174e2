import type { Range } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Fix } from "../types.js";
import { at } from "./util.js";

/**
 * Deletes the placeholder's line, line break included, when the placeholder stands alone on it, and one of the
 * blank lines around it when it stood between two; a placeholder that shares its line with other text is left
 * to the writer.
 */
function lineRemoval(text: string, range: Range): Fix | undefined {
  const start = text.lastIndexOf("\n", range.start.offset - 1) + 1;
  const lineEnd = text.indexOf("\n", range.end.offset);
  let end = lineEnd < 0 ? text.length : lineEnd + 1;
  const rest = text.slice(start, range.start.offset) + text.slice(range.end.offset, end);
  if (rest.trim() !== "") return undefined;
  const blankBefore = start > 0 && text.slice(text.lastIndexOf("\n", start - 2) + 1, start).trim() === "";
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(end));
  if (blankBefore && blankAfter) end += blankAfter[0].length;
  return { start, end, text: "" };
}

export const answerPlaceholderLeft = defineRule({
  meta: {
    id: "answer/placeholder-left",
    description: "No `--- question N fill here ---` line is left beside a written answer",
    docs: "docs/rules/answer/placeholder-left.md",
    defaultSeverity: "warning",
    fixable: true,
  },
  *check({ report }) {
    const text = report.source.text;
    for (const q of report.questions) {
      if (!q.answer.leftoverPlaceholder) continue;
      for (const range of q.answer.placeholders) {
        const placeholder = text.slice(range.start.offset, range.end.offset);
        yield {
          message: `Question ${q.number} still has the placeholder \`${placeholder}\` beside its answer; the course checker counts it as 6 words`,
          ...at(range),
          question: q.number,
          fix: lineRemoval(text, range),
        };
      }
    }
  },
});
