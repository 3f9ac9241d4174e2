import { defineRule } from "../define-rule.js";
import { at } from "./util.js";

export const imageExists = defineRule({
  meta: {
    id: "image/exists",
    description: "Every local image resolves to a file, with the exact letter case GitHub needs",
    docs: "docs/rules/image/exists.md",
    defaultSeverity: "error",
    fixable: true,
  },
  *check({ report }) {
    for (const image of report.images) {
      if (image.exists === "missing") {
        const where = image.resolved ? `: no file at ${image.resolved}` : ": the link is empty";
        yield {
          message: `Image "${image.url}" not found${where}`,
          ...at(image.range),
          question: image.question,
        };
      } else if (image.exists === "case-mismatch") {
        yield {
          message: `Image "${image.url}" not found: the file is named ${image.actualPath}, and GitHub matches letter case`,
          ...at(image.range),
          question: image.question,
        };
      }
    }
  },
});
