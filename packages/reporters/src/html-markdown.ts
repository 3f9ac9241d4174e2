import type { FrontMatter } from "@mlops-report/core";
import type { Element, ElementContent, Nodes, Root } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import { VFile } from "vfile";

/**
 * The report's front matter as blank lines: GitHub shows it as a table of settings, which is no part of the
 * answers, and every later line keeps its number.
 */
function withoutFrontMatter(text: string, frontMatter: FrontMatter | null): string {
  if (frontMatter === null) return text;
  const { start, end } = frontMatter.range;
  return text.slice(0, start.offset) + "\n".repeat(end.line - start.line) + text.slice(end.offset);
}

/**
 * A report's markdown as GitHub renders it: GitHub-flavoured markdown (tables, task lists, autolinks, footnotes),
 * the HTML in it parsed as a browser would, then sanitized with GitHub's rules (no script, style, frame, form,
 * event attribute or `javascript:` link stays). Every element keeps its position in the report.
 */
export function renderMarkdown(text: string, frontMatter: FrontMatter | null): Root {
  const source = withoutFrontMatter(text, frontMatter);
  const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const withHtml = raw(toHast(tree, { allowDangerousHtml: true }), { file: new VFile(source) });
  return sanitize(withHtml, defaultSchema) as Root;
}

/** Markup of our own, put into a sanitized tree after sanitizing: `toHtml` writes it as it is. */
export function trusted(markup: string): ElementContent {
  return { type: "raw", value: markup };
}

/** Every element under `node`, each with its parent, in document order; `visit` may replace the child. */
export function eachElement(
  node: Root | Element,
  visit: (element: Element, parent: Root | Element, index: number) => void,
): void {
  node.children.forEach((child, index) => {
    if (child.type !== "element") return;
    visit(child, node, index);
    // The visitor may have replaced the child by our own markup, which has nothing to walk.
    const now = node.children[index];
    if (now?.type === "element") eachElement(now, visit);
  });
}

/** A sanitized node (with our markup inside) as HTML. */
export function nodeHtml(node: Nodes): string {
  return toHtml(node, { allowDangerousHtml: true });
}
