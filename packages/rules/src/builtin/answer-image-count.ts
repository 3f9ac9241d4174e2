import { defineRule } from "../define-rule.js";
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
      if (!bounds) continue;
      if (!official && q.answer.state !== "answered") continue;
      const count = official ? q.answer.imageCount.official : q.answer.imageCount.prose;
      if (count === null || (count >= bounds.min && count <= bounds.max)) continue;
      const notes: string[] = [];
      if (!official) {
        const inCode = q.answer.images.filter((im) => im.kind === "in-code").length;
        const unrendered = q.answer.images.filter((im) => im.kind === "unrendered").length;
        if (inCode) notes.push(`${plural(inCode, "more image")} written inside code renders as code`);
        if (unrendered)
          notes.push(`${plural(unrendered, "more image")} with a space in its link does not render`);
      }
      const counted = official ? " as the course checker counts them" : "";
      yield {
        message: `Question ${q.number} has ${plural(count, "image")}${counted}, expected ${formatBounds(bounds)}${
          notes.length ? ` (${notes.join("; ")})` : ""
        }`,
        ...atAnswer(q),
      };
    }
  },
});
