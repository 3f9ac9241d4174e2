import type { Definition, Nodes, Root } from "mdast";
import { decodeEntities } from "./blocks.js";
import { isMachinePath } from "./resolve.js";
import type { LineIndex } from "./source.js";
import { htmlComments, imageSyntaxMatches, replaceComments } from "./syntax-scan.js";
import { plainText } from "./tree.js";
import type { CodeBlock, ImageKind, ImageSyntax } from "./types.js";
import { proseWordCount } from "./whitespace.js";

/** An image as found in the source, before it is placed in a question and resolved on disk. */
export interface FoundImage {
  alt: string;
  url: string;
  kind: ImageKind;
  syntax: ImageSyntax;
  start: number;
  end: number;
  /** For `in-code` images: the code span or block around them. */
  code?: { kind: "span" | "block"; start: number; end: number };
}

export interface FoundLink {
  text: string;
  url: string;
  start: number;
}

export interface FoundCode extends CodeBlock {
  start: number;
  /** Prose words of an indented code block, which is often a list indented by mistake; 0 for fenced code. */
  words: number;
}

export interface Inventory {
  images: FoundImage[];
  links: FoundLink[];
  code: FoundCode[];
  /** HTML comments with their offsets, for inline configuration. */
  comments: { text: string; start: number }[];
}

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTR = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ALT_ATTR = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** The node types `takeInventory` takes something from. */
const INVENTORIED: ReadonlySet<string> = new Set([
  "image",
  "imageReference",
  "definition",
  "link",
  "inlineCode",
  "code",
  "html",
]);

function attr(tag: string, re: RegExp): string | null {
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

function kindOf(url: string, syntax: ImageSyntax): ImageKind {
  return REMOTE.test(url) && !isMachinePath(url) ? "remote" : syntax;
}

/** Every image, link, code block and HTML comment of the document, in source order. */
export function takeInventory(tree: Root, index: LineIndex): Inventory {
  const text = index.text;
  const inv: Inventory = { images: [], links: [], code: [], comments: [] };
  const definitions = new Map<string, Definition>();
  const pendingRefs: { identifier: string; alt: string; start: number; end: number }[] = [];

  /**
   * Markdown image syntax in a stretch of source that does not render it as an image: inside code (`in-code`),
   * or left as text by CommonMark (`unrendered`, e.g. a space in the destination; `\![..](..)` is escaped).
   */
  const imageSyntax = (
    start: number,
    end: number,
    kind: "in-code" | "unrendered",
    code?: "span" | "block",
  ): void => {
    const slice = text.slice(start, end);
    if (!slice.includes("![")) return;
    for (const m of imageSyntaxMatches(slice)) {
      const s = start + m.index;
      if (kind === "unrendered" && text[s - 1] === "\\") continue;
      const image: FoundImage = {
        alt: m.alt,
        url: m.url.trim(),
        kind,
        syntax: "markdown",
        start: s,
        end: s + m.length,
      };
      if (code) image.code = { kind: code, start, end };
      inv.images.push(image);
    }
  };

  const html = (start: number, end: number): void => {
    const slice = text.slice(start, end);
    for (const c of htmlComments(slice)) inv.comments.push({ text: c.body.trim(), start: start + c.start });
    const withoutComments = replaceComments(slice, (c) => " ".repeat(c.length));
    for (const m of withoutComments.matchAll(IMG_TAG)) {
      const src = attr(m[0], SRC_ATTR);
      if (src === null) continue;
      const url = decodeEntities(src.trim());
      const s = start + m.index;
      inv.images.push({
        alt: decodeEntities(attr(m[0], ALT_ATTR) ?? ""),
        url,
        kind: kindOf(url, "html"),
        syntax: "html",
        start: s,
        end: s + m[0].length,
      });
    }
  };

  const visit = (node: Nodes): void => {
    // Text is most of the tree, and rarely holds image syntax: its offsets are read only when it does.
    if (node.type === "text") {
      if (node.value.includes("![")) {
        const start = node.position?.start.offset ?? 0;
        imageSyntax(start, node.position?.end.offset ?? start, "unrendered");
      }
      return;
    }
    // Most other nodes are containers the switch below has no case for: step into them without reading offsets.
    if (!INVENTORIED.has(node.type)) {
      enter(node);
      return;
    }
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case "image":
        inv.images.push({
          alt: node.alt ?? "",
          url: node.url,
          kind: kindOf(node.url, "markdown"),
          syntax: "markdown",
          start,
          end,
        });
        return;
      case "imageReference":
        pendingRefs.push({ identifier: node.identifier, alt: node.alt ?? "", start, end });
        return;
      case "definition":
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
        return;
      case "link":
        inv.links.push({ text: plainText(node), url: node.url, start });
        break;
      case "inlineCode":
        imageSyntax(start, end, "in-code", "span");
        return;
      case "code": {
        const fenced = /^\s*(?:`{3,}|~{3,})/.test(text.slice(start, end));
        const words = fenced ? 0 : proseWordCount(node.value);
        inv.code.push({ lang: node.lang ?? null, fenced, line: 0, start, words });
        imageSyntax(start, end, "in-code", "block");
        return;
      }
      case "html":
        html(start, end);
        return;
    }
    enter(node);
  };
  // A loop over an explicit stack, children pushed last first so that they are visited in source order: a
  // report can nest quotes or lists thousands deep, which would overflow the call stack of a recursive walk.
  // An indexed loop over a plain property: `in` and iterators are slow on the tree's many node shapes.
  const stack: Nodes[] = [tree];
  const enter = (node: Nodes): void => {
    const children = (node as { children?: readonly Nodes[] }).children;
    if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  while (stack.length > 0) visit(stack.pop()!);

  for (const ref of pendingRefs) {
    const def = definitions.get(ref.identifier);
    const url = def?.url ?? "";
    inv.images.push({
      alt: ref.alt,
      url,
      kind: kindOf(url, "reference"),
      syntax: "reference",
      start: ref.start,
      end: ref.end,
    });
  }
  for (const link of inv.links) link.url = link.url.trim();
  for (const block of inv.code) block.line = index.point(block.start).line;
  inv.images.sort((a, b) => a.start - b.start);
  inv.comments.sort((a, b) => a.start - b.start);
  return inv;
}
