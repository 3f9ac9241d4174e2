import type { Question } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { judgedCount } from "../question-counts.js";
import { readerNote } from "./official-count.js";
import { atAnswer, COUNTING, formatBounds, plural } from "./util.js";

export const answerImageCount = defineRule({
  meta: {
    id: "answer/image-count",
    description: "Each answer has as many images as its question asks for",
    docs: "docs/rules/answer/image-count.md",
    defaultSeverity: "error",
  },
  options: COUNTING,
  *check({ report, options, constraints }) {
    const official = options.counting === "official";
    for (const q of report.questions) {
      const bounds = constraints(q).images;
      // An unanswered question is answer/filled's finding, in both modes.
      if (!bounds || q.answer.state !== "answered") continue;
      const judged = judgedCount(report, q, "images", options.counting, bounds);
      const count = judged.count;
      if (count === null || (count >= bounds.min && count <= bounds.max)) continue;
      const counted = official ? " as the course checker counts them" : "";
      const note = !official
        ? unrenderedNote(q)
        : judged.reader
          ? readerNote(judged.reader.count, count, bounds, judged.reader.why)
          : "";
      yield {
        message: `Question ${q.number} has ${plural(count, "image")}${counted}, expected ${formatBounds(bounds)}${note}`,
        ...atAnswer(q),
      };
    }
  },
});

/** In prose mode: the images written in the answer that a reader does not see as images. */
function unrenderedNote(q: Question): string {
  const notes: string[] = [];
  const inCode = q.answer.images.filter((im) => im.kind === "in-code").length;
  const unrendered = q.answer.images.filter((im) => im.kind === "unrendered").length;
  if (inCode) notes.push(`${plural(inCode, "more image")} written inside code renders as code`);
  if (unrendered) notes.push(`${plural(unrendered, "more image")} with a space in its link does not render`);
  return notes.length ? ` (${notes.join("; ")})` : "";
}
