import type { Image, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Fix } from "../types.js";
import { renameInUrl, urlRange } from "./image-fixes.js";
import { at, showsLocalFile } from "./util.js";

/** The link renamed to the file's real name, when exactly one file differs from it in letter case only. */
function caseFix(report: Report, image: Image): Fix | undefined {
  if (!image.actualPath || image.ambiguousCase || image.resolved === null) return undefined;
  const range = urlRange(report.source.text, image);
  const url = range && renameInUrl(image.url, image.resolved, image.actualPath);
  return range && url ? { ...range, text: url } : undefined;
}

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
      if (!showsLocalFile(image)) continue;
      if (image.exists === "missing") {
        const where = image.resolved ? `: no file at ${image.resolved}` : ": the link is empty";
        yield {
          message: `Image "${image.url}" not found${where}`,
          ...at(image.range),
          question: image.question,
        };
      } else if (image.exists === "case-mismatch") {
        const named = image.ambiguousCase
          ? `files such as ${image.actualPath} differ from it in letter case only`
          : `the file is named ${image.actualPath}`;
        yield {
          message: `Image "${image.url}" not found: ${named}, and GitHub matches letter case`,
          ...at(image.range),
          question: image.question,
          fix: caseFix(report, image),
        };
      }
    }
  },
});
