import { decodeUrlPath } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { at, showsLocalFile } from "./util.js";

/** `png, .JPG ,jpeg` -> `["png", "jpg", "jpeg"]`. */
function parseExtensions(list: string): string[] {
  return list
    .split(",")
    .map((e) => e.trim().replace(/^\./, "").toLowerCase())
    .filter(Boolean);
}

/** `.png, .jpg or .jpeg`. */
function formatExtensions(extensions: readonly string[]): string {
  const dotted = extensions.map((e) => `.${e}`);
  return dotted.length < 2 ? (dotted[0] ?? "") : `${dotted.slice(0, -1).join(", ")} or ${dotted.at(-1)}`;
}

/** The extension of the file an image URL names, as written (without the dot), or null when it has none. */
function extensionOf(url: string): string | null {
  const path = decodeUrlPath(url);
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot < 0 || dot === name.length - 1 ? null : name.slice(dot + 1);
}

export const imageFormat = defineRule({
  meta: {
    id: "image/format",
    description: "Every local image is a file type the course accepts (.png, .jpg, .jpeg)",
    docs: "docs/rules/image/format.md",
    defaultSeverity: "error",
  },
  options: {
    extensions: {
      type: "string",
      default: "png,jpg,jpeg",
      description:
        "The file extensions allowed, separated by commas, with or without the dot; letter case does not matter.",
    },
  },
  *check({ report, options }) {
    const allowed = parseExtensions(options.extensions);
    if (allowed.length === 0) return;
    const fix = `save it as ${formatExtensions(allowed)}`;
    for (const image of report.images) {
      // An empty link is image/exists's finding.
      if (!showsLocalFile(image) || image.url.trim() === "") continue;
      const ext = extensionOf(image.url);
      if (ext !== null && allowed.includes(ext.toLowerCase())) continue;
      const what =
        ext === null ? "has no file extension" : `is a .${ext} file, which the course does not accept`;
      yield {
        message: `Image "${image.url}" ${what}: ${fix}`,
        ...at(image.range),
        question: image.question,
      };
    }
  },
});
