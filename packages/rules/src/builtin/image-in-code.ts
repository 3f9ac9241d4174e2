import type { Image, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { at } from "./util.js";

/**
 * True when the image sits in a code span rather than a code block: an odd number of backticks stands before
 * it on its line. (A code span that opens on an earlier line is taken for a block; the fix is much the same.)
 */
function inCodeSpan(report: Report, image: Image): boolean {
  const end = image.range.start.offset;
  const before = report.source.text.slice(end - (image.range.start.column - 1), end);
  return (before.match(/`/g)?.length ?? 0) % 2 === 1;
}

export const imageInCode = defineRule({
  meta: {
    id: "image/in-code",
    description: "No image is written inside a code span or code block, where it shows as code",
    docs: "docs/rules/image/in-code.md",
    defaultSeverity: "error",
    fixable: true,
  },
  *check({ report }) {
    for (const image of report.images) {
      // Outside answers the template itself shows image syntax in code, as an instruction.
      if (image.kind !== "in-code" || image.question === null) continue;
      const [where, fix] = inCodeSpan(report, image)
        ? ["a code span", "remove the backticks around it"]
        : ["a code block", "move it out of the code block"];
      yield {
        message: `Image "${image.url}" is inside ${where}, so it shows as code instead of a picture: ${fix}`,
        ...at(image.range),
        question: image.question,
      };
    }
  },
});
