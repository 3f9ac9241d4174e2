import type { Image, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Fix } from "../types.js";
import { rendersAsImage, urlRange } from "./image-fixes.js";
import { at } from "./util.js";

/** The link with each space written `%20`, when that makes it an image of a file that exists. */
function spaceFix(report: Report, image: Image): Fix | undefined {
  const url = image.url.replaceAll(" ", "%20");
  if (image.exists !== "exists" || !rendersAsImage(image.alt, url)) return undefined;
  const range = urlRange(report.source.text, image);
  return range ? { ...range, text: url } : undefined;
}

export const imageUnrendered = defineRule({
  meta: {
    id: "image/unrendered",
    description: "No image is left as plain text because its link cannot be read, as with a space in it",
    docs: "docs/rules/image/unrendered.md",
    defaultSeverity: "error",
    fixable: true,
  },
  *check({ report }) {
    for (const image of report.images) {
      // Outside answers, image syntax in text is the template's instruction, not a figure.
      if (image.kind !== "unrendered" || image.question === null) continue;
      const why = /\s/.test(image.url)
        ? "a link cannot hold spaces: write each space as %20, or wrap the link in <...>"
        : "its link cannot be read as an image link: check its brackets and parentheses";
      yield {
        message: `Image "${image.url}" shows as plain text, not as a picture: ${why}`,
        ...at(image.range),
        question: image.question,
        fix: spaceFix(report, image),
      };
    }
  },
});
