import { posix } from "node:path";
import { decodeUrlPath, type Image } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { at, showsLocalFile } from "./util.js";

/** The folder a report sits in: its path, and its names from the top (`.` and empty names left out). */
interface ReportFolder {
  path: string;
  names: string[];
}

/**
 * Whether an image that exists lies inside the folder the report sits in. A relative link is followed from that
 * folder. A `/`-rooted link is inside when its repository path starts with the trailing names of the folder's
 * path (`reports/...` for `<repo>/reports/README.md`): the model holds no repository root, and so an image
 * inside the folder is never reported, as long as the report sits below the repository root.
 */
function inReportFolder(image: Image, folder: ReportFolder): boolean {
  const path = decodeUrlPath(image.url);
  if (!path.startsWith("/")) {
    const rel = posix.relative(folder.path, posix.join(folder.path, path));
    return rel !== ".." && !rel.startsWith("../");
  }
  const target = (image.resolved ?? "").split("/");
  const { names } = folder;
  // Without the folder's names there is nothing to compare with: say nothing rather than guess.
  if (names.length === 0) return true;
  for (let k = 1; k <= names.length && k < target.length; k++) {
    if (names.slice(-k).every((name, i) => name === target[i])) return true;
  }
  return false;
}

export const imageOutsideReport = defineRule({
  meta: {
    id: "image/outside-report",
    description:
      "No local image lies outside the repository, or (by default) outside the report's own folder",
    docs: "docs/rules/image/outside-report.md",
    defaultSeverity: "error",
  },
  options: {
    reportFolderOnly: {
      type: "boolean",
      default: true,
      description:
        "Also report images that exist but lie outside the folder the report sits in (the course collects only `reports/`).",
    },
  },
  *check({ report, options }) {
    const dir = posix.dirname(report.source.path.replaceAll("\\", "/"));
    const reportFolder = {
      path: dir,
      names: dir.split("/").filter((n) => n !== "" && n !== "." && n !== ".."),
    };
    const name = reportFolder.names.at(-1);
    const [outside, into] = name
      ? [`${name}/`, `${name}/figures/`]
      : ["the report's folder", "figures/ beside the report"];
    for (const image of report.images) {
      if (!showsLocalFile(image)) continue;
      if (image.exists === "outside-repository") {
        yield {
          message: `Image "${image.url}" points outside the repository, so GitHub cannot show it: move the file into the figures/ folder beside the report`,
          ...at(image.range),
          question: image.question,
        };
      } else if (
        options.reportFolderOnly &&
        image.exists === "exists" &&
        !inReportFolder(image, reportFolder)
      ) {
        yield {
          message: `Image "${image.url}" lies outside ${outside}, the only folder the course collects: move it into ${into}`,
          ...at(image.range),
          question: image.question,
          // GitHub still shows it; only the course's copy of the report loses it.
          severity: "warning",
        };
      }
    }
  },
});
