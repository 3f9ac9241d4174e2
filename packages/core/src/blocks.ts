import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { PLACEHOLDER } from "./patterns.js";
import type { LineIndex } from "./source.js";
import { hasImageSyntax } from "./syntax-scan.js";
import type { TextBlock } from "./types.js";
import { foldSpaces } from "./whitespace.js";

/** A run of rendered text; `code` marks an inline code span. */
interface Segment {
  text: string;
  code: boolean;
}

/**
 * Bare URLs render as links on GitHub; a reader does not read them as prose. As in GitHub's autolinks, punctuation
 * at the end is not part of the URL: the full stop after one still ends its sentence.
 */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]*[^\s<>()[\].,:;!?*_~'"]/gi;
const BR_TAG = /<br\s*\/?>/gi;
/** HTML tags after which text starts a new block (block-level elements and line breaks). */
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|br|hr|blockquote|pre|center|details|summary|figure|figcaption)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?(?:-->|$)/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Folds whitespace to single spaces and trims, keeping the code-span offsets right. The parts are joined once,
 * so that the text is one flat string: every rule scans it again, and scans of a string built by `+=` are slow.
 */
function toBlock(
  kind: TextBlock["kind"],
  segments: Segment[],
  line: number,
  column: number,
): TextBlock | null {
  const parts: string[] = [];
  let length = 0;
  let endsWithSpace = false;
  const code: [number, number][] = [];
  for (const seg of segments) {
    let t = foldSpaces(seg.text);
    if ((length === 0 || endsWithSpace) && t.charCodeAt(0) === 32) t = t.slice(1);
    if (t.length === 0) continue;
    const start = length;
    parts.push(t);
    length += t.length;
    endsWithSpace = t.charCodeAt(t.length - 1) === 32;
    if (seg.code) code.push([start, length]);
  }
  if (endsWithSpace) length--;
  if (length === 0) return null;
  const joined = parts.length === 1 ? parts[0]! : parts.join("");
  const trimmed = endsWithSpace ? joined.slice(0, length) : joined;
  for (const span of code) span[1] = Math.min(span[1], length);
  return { kind, text: trimmed, line, column, code: code.filter(([a, b]) => b > a) };
}

/** Removes the template's placeholder, `---` wrappers and bare URLs from prose text. */
function cleanProse(text: string): string {
  // Most text holds neither dashes nor URLs: skip the regular expressions for it (this runs on every text node).
  const dashes = text.includes("---");
  if (!dashes && !text.includes("http") && !text.includes("www.")) return text;
  const cleaned = text.replace(BARE_URL, " ");
  return dashes ? cleaned.replace(PLACEHOLDER, " ").replace(/(^|\s)-{3,}(?=\s|$)/g, "$1") : cleaned;
}

/** Splits the text of an HTML fragment into blocks at block-level tags; tag attributes are never text. */
function htmlBlocks(html: string, line: number, column: number): TextBlock[] {
  const out: TextBlock[] = [];
  for (const part of html.replace(BR_TAG, "\u0000").replace(BLOCK_TAG, "\u0000").split("\u0000")) {
    const text = cleanProse(decodeEntities(part.replace(ANY_TAG, " ")));
    const block = toBlock("html", [{ text, code: false }], line, column);
    if (block) out.push(block);
  }
  return out;
}

/**
 * Renders the block content of `node` that lies within [from, to) of the source into text blocks. Parts of a
 * paragraph before `from` are cut off: an answer may start mid-paragraph, right after `Answer:`.
 */
export class BlockRenderer {
  readonly blocks: TextBlock[] = [];

  constructor(
    private readonly index: LineIndex,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /**
   * A loop over an explicit stack (children pushed last first, to keep source order), not recursion: a report
   * can nest quotes and lists thousands deep.
   */
  render(nodes: readonly RootContent[]): void {
    const stack: [RootContent, TextBlock["kind"]][] = [];
    const push = (children: readonly RootContent[], kind: TextBlock["kind"]): void => {
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, kind]);
    };
    push(nodes, "paragraph");
    while (stack.length > 0) {
      const [node, kind] = stack.pop()!;
      if (!this.inRange(node)) continue;
      switch (node.type) {
        case "paragraph":
          this.paragraph(node, kind);
          break;
        case "heading":
          this.emit("heading", this.phrasing(node.children), node);
          break;
        case "html":
          this.html(node);
          break;
        case "blockquote":
          push(node.children, kind);
          break;
        case "list":
        case "listItem":
          push(node.children, "list-item");
          break;
        default:
          // Code blocks, thematic breaks and definitions are not prose.
          break;
      }
    }
  }

  private inRange(node: Nodes): boolean {
    const p = node.position;
    return p !== undefined && p.end.offset! > this.from && p.start.offset! < this.to;
  }

  private html(node: Nodes & { type: "html" }): void {
    const start = Math.max(node.position!.start.offset!, this.from);
    const raw = this.index.text.slice(start, Math.min(node.position!.end.offset!, this.to));
    const p = this.index.point(start);
    this.blocks.push(...htmlBlocks(raw, p.line, p.column));
  }

  private paragraph(node: Nodes & { type: "paragraph" }, kind: TextBlock["kind"]): void {
    const segments = this.phrasing(node.children);
    // Without GFM a table is a paragraph of `|` rows: each cell is a block of its own. (Most paragraphs hold no
    // `|`, and need not be split into lines to tell.)
    const lines = segments.some((s) => s.text.includes("|"))
      ? segments
          .map((s) => s.text)
          .join("")
          .split("\n")
      : [];
    if (lines.length > 1 && lines.every((l) => l.trim().startsWith("|"))) {
      for (const row of lines) {
        if (/^[\s|:-]+$/.test(row)) continue;
        for (const cell of row.split("|")) this.emit("table-cell", [{ text: cell, code: false }], node);
      }
      return;
    }
    // `<br>` inside a paragraph ends a block.
    let current: Segment[] = [];
    for (const seg of segments) {
      if (seg.text === "\u0000" && !seg.code) {
        this.emit(kind, current, node);
        current = [];
      } else current.push(seg);
    }
    this.emit(kind, current, node);
  }

  private emit(kind: TextBlock["kind"], segments: Segment[], node: Nodes): void {
    const start = Math.max(node.position!.start.offset!, this.from);
    const p = this.index.point(start);
    const block = toBlock(kind, segments, p.line, p.column);
    if (block) this.blocks.push(block);
  }

  /** The inline text of `children`, emphasis and links stepped into; an explicit stack, as in `render`. */
  private phrasing(children: readonly PhrasingContent[]): Segment[] {
    const out: Segment[] = [];
    const stack: PhrasingContent[] = [];
    const push = (nodes: readonly PhrasingContent[]): void => {
      for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
    };
    push(children);
    while (stack.length > 0) {
      const node = stack.pop()!;
      const pos = node.position;
      if (pos && (pos.end.offset! <= this.from || pos.start.offset! >= this.to)) continue;
      switch (node.type) {
        case "text": {
          let value = node.value;
          // The first node may start before the answer does (text glued to `Answer:`).
          if (pos && pos.start.offset! < this.from) value = value.slice(this.from - pos.start.offset!);
          out.push({ text: cleanProse(value), code: false });
          break;
        }
        case "inlineCode":
          // An image written in a code span is neither an image nor prose.
          if (!hasImageSyntax(node.value)) out.push({ text: node.value, code: true });
          break;
        case "break":
          out.push({ text: " ", code: false });
          break;
        case "html":
          if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ text: "\u0000", code: false });
          break;
        case "emphasis":
        case "strong":
        case "delete":
        case "link":
        case "linkReference":
          push(node.children as PhrasingContent[]);
          break;
        default:
          // Images and footnote references carry no prose.
          break;
      }
    }
    return out;
  }
}
