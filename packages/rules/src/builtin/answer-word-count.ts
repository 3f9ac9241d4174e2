import { defineRule } from "../define-rule.js";
import { judgedCount } from "../question-counts.js";
import { readerNote } from "./official-count.js";
import { atAnswer, COUNTING, formatBounds, plural } from "./util.js";

export const answerWordCount = defineRule({
  meta: {
    id: "answer/word-count",
    description: "Each answer's length lies in the range its question asks for",
    docs: "docs/rules/answer/word-count.md",
    defaultSeverity: "warning",
  },
  options: COUNTING,
  *check({ report, options, constraints }) {
    const official = options.counting === "official";
    for (const q of report.questions) {
      const bounds = constraints(q).words;
      // An unanswered question is answer/filled's finding, in both modes (the checker counts a placeholder).
      if (!bounds || q.answer.state !== "answered") continue;
      const judged = judgedCount(report, q, "words", options.counting, bounds);
      const count = judged.count;
      if (count === null || (count >= bounds.min && count <= bounds.max)) continue;
      const how = count < bounds.min ? "too short" : "too long";
      const counted = official ? " as the course checker counts them" : "";
      const note = judged.reader ? readerNote(judged.reader.count, count, bounds, judged.reader.why) : "";
      yield {
        message: `Question ${q.number} is ${how}: ${plural(count, "word")}${counted}, expected ${formatBounds(bounds)}${note}`,
        ...atAnswer(q),
      };
    }
  },
});
