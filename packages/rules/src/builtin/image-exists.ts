import type { Image, Report, RepositoryView } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { closestMatch } from "../dsl/index.js";
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

/** The image files a link might have meant: any letter case, as GitHub and the course show images. */
const IMAGE_FILES = "**/*.{png,jpg,jpeg,gif,svg,webp,PNG,JPG,JPEG,GIF,SVG,WEBP}";

/** A path as people misremember it: letter case, hyphens, underscores, spaces and dots between words dropped. */
const normalised = (path: string) => path.toLowerCase().replace(/[-_\s.]+|%20/g, "");

/**
 * The repository's image file nearest to a missing one's path (`figures/artifact-registry.png` for
 * `figures/artifactRegistry.png`), by edit distance on normalised paths; none without a repository or a near one.
 */
function nearestImage(resolved: string, repository: RepositoryView | null): string | undefined {
  if (repository === null) return undefined;
  const byName = new Map<string, string>();
  for (const file of repository.matching(IMAGE_FILES))
    if (!byName.has(normalised(file))) byName.set(normalised(file), file);
  const nearest = closestMatch(normalised(resolved), byName.keys());
  return nearest === undefined ? undefined : byName.get(nearest);
}

export const imageExists = defineRule({
  meta: {
    id: "image/exists",
    description: "Every local image resolves to a file, with the exact letter case GitHub needs",
    docs: "docs/rules/image/exists.md",
    defaultSeverity: "error",
    fixable: true,
  },
  *check({ report, repository }) {
    for (const image of report.images) {
      if (!showsLocalFile(image)) continue;
      if (image.exists === "missing") {
        const nearest = image.resolved ? nearestImage(image.resolved, repository) : undefined;
        const hint = nearest ? `; the nearest image of the repository is ${nearest}` : "";
        const where = image.resolved ? `: no file at ${image.resolved}${hint}` : ": the link is empty";
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
