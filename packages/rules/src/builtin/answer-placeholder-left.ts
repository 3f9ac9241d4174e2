import { defineRule } from "../define-rule.js";
import { at } from "./util.js";

export const answerPlaceholderLeft = defineRule({
  meta: {
    id: "answer/placeholder-left",
    description: "No `--- question N fill here ---` line is left beside a written answer",
    docs: "docs/rules/answer/placeholder-left.md",
    defaultSeverity: "warning",
    fixable: true,
  },
  *check({ report }) {
    for (const q of report.questions) {
      if (!q.answer.leftoverPlaceholder) continue;
      for (const range of q.answer.placeholders) {
        const placeholder = report.source.text.slice(range.start.offset, range.end.offset);
        yield {
          message: `Question ${q.number} still has the placeholder \`${placeholder}\` beside its answer; the course checker counts it as 6 words`,
          ...at(range),
          question: q.number,
        };
      }
    }
  },
});
