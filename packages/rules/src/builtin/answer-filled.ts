import { defineRule } from "../define-rule.js";
import { atAnswer } from "./util.js";

export const answerFilled = defineRule({
  meta: {
    id: "answer/filled",
    description: "Every question is answered: no template placeholder left alone, no empty answer",
    docs: "docs/rules/answer/filled.md",
    defaultSeverity: "error",
  },
  *check({ report }) {
    for (const q of report.questions) {
      if (q.answer.state === "answered") continue;
      const why =
        q.answer.state === "placeholder"
          ? "it still holds the template's placeholder"
          : "the answer is empty";
      yield { message: `Question ${q.number} is not answered: ${why}`, ...atAnswer(q) };
    }
  },
});
