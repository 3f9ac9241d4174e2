import type { Image, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Fix } from "../types.js";
import { rendersAsImage } from "./image-fixes.js";
import { at } from "./util.js";

/** The template's example `figures/<image>.<extension>` kept with its brackets. */
const TEMPLATE_BRACKETS = /<[^<>/]+>/;

/** The URL the image should have: without the template's brackets where that names an existing file. */
function intendedUrl(image: Image): string | null {
  if (image.unbracketedUrl !== undefined) return image.unbracketedUrl;
  return image.exists === "exists" ? image.url : null;
}

/** The image as it should be written: its own syntax, with the intended URL. */
function rewritten(text: string, image: Image): string | null {
  const url = intendedUrl(image);
  if (url === null || !rendersAsImage(image.alt, url)) return null;
  const written = text.slice(image.range.start.offset, image.range.end.offset);
  const at = written.lastIndexOf(image.url);
  return at < 0 ? null : written.slice(0, at) + url + written.slice(at + image.url.length);
}

/**
 * The code that holds the image replaced by the images it holds, when it holds nothing else and each of them
 * would show its file: then the fix changes nothing but code into pictures. A code span may hold images and
 * spaces; a fenced block (```markdown, say) only lines that are each one image.
 */
function codeFix(report: Report, image: Image): Fix | undefined {
  const code = image.code;
  if (!code) return undefined;
  const { start, end } = code.range;
  const text = report.source.text;
  const inCode = report.images.filter((im) => im.code?.range.start.offset === start.offset);
  const images = inCode.map((im) => ({ im, as: rewritten(text, im) }));
  if (images.some((x) => x.as === null)) return undefined;
  const source = text.slice(start.offset, end.offset);
  let content: string;
  if (code.kind === "span") content = source.replace(/^`+|`+$/g, "");
  else {
    const lines = source.split(/\r?\n/);
    const fence = /^\s*(`{3,}|~{3,})/;
    if (lines.length < 2 || !fence.test(lines[0]!) || !fence.test(lines.at(-1)!)) return undefined;
    const inner = lines.slice(1, -1).filter((l) => l.trim() !== "");
    if (inner.length !== images.length) return undefined;
    content = inner.join("\n");
  }
  let rest = content;
  const shown: string[] = [];
  for (const { im, as } of images) {
    rest = rest.replace(text.slice(im.range.start.offset, im.range.end.offset), "");
    shown.push(as!);
  }
  if (rest.trim() !== "") return undefined;
  return { start: start.offset, end: end.offset, text: shown.join(code.kind === "span" ? " " : "\n") };
}

/** What to do about the image, in words. */
function advice(report: Report, image: Image, block: boolean): string {
  const out = block ? "outside the code block" : "without the backticks";
  if (TEMPLATE_BRACKETS.test(image.url)) {
    const as = rewritten(report.source.text, image);
    if (as !== null) return `drop the template's < and > and write ${as} ${out}`;
    return `name an image file of the repository without the template's < and >, ${out}`;
  }
  return block ? "move it out of the code block" : "remove the backticks around it";
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
      const block = image.code?.kind === "block";
      yield {
        message: `Image "${image.url}" is inside ${block ? "a code block" : "a code span"}, so it shows as code instead of a picture: ${advice(report, image, block)}`,
        ...at(image.range),
        question: image.question,
        fix: codeFix(report, image),
      };
    }
  },
});
