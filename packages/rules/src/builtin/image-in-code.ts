import type { Image, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Fix } from "../types.js";
import { rendersAsImage } from "./image-fixes.js";
import { at } from "./util.js";

/**
 * The code span replaced by the images it holds, when it holds nothing else and each of them would show its
 * file: then dropping the backticks changes nothing but code into pictures.
 */
function spanFix(report: Report, image: Image): Fix | undefined {
  if (image.code?.kind !== "span") return undefined;
  const { start, end } = image.code.range;
  const inSpan = report.images.filter((im) => im.code?.range.start.offset === start.offset);
  if (!inSpan.every((im) => im.exists === "exists" && rendersAsImage(im.alt, im.url))) return undefined;
  const text = report.source.text;
  const content = text.slice(start.offset, end.offset).replace(/^`+|`+$/g, "");
  let rest = content;
  for (const im of inSpan) rest = rest.replace(text.slice(im.range.start.offset, im.range.end.offset), "");
  if (rest.trim() !== "") return undefined;
  return { start: start.offset, end: end.offset, text: content.trim() };
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
      const [where, fix] =
        image.code?.kind === "block"
          ? ["a code block", "move it out of the code block"]
          : ["a code span", "remove the backticks around it"];
      yield {
        message: `Image "${image.url}" is inside ${where}, so it shows as code instead of a picture: ${fix}`,
        ...at(image.range),
        question: image.question,
        fix: spanFix(report, image),
      };
    }
  },
});
