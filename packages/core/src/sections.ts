import type { Code, Html, Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { isMarkdownNodes, isPoint } from "./mdast-shape.js";
import { type Check, isBoolean, shape } from "./shape-check.js";

/*
 * Parsing the markdown is the largest part of a one-report run (about 100 of 340 ms on a 45 KB report, started
 * cold), and most of a report is the same from one run to the next: a student edits an answer or two between runs.
 * So a report can be parsed section by section, each section (from one `#` heading line at column 0 to the next) on
 * its own, and the trees of sections seen before come from a store (the engine keeps one between runs).
 *
 * Why a section parses alone as it does inside the whole text: in CommonMark an ATX heading at column 0 closes
 * every open block (lists, block quotes and what they hold; a paragraph; indented code), except a fenced code
 * block or an HTML block begun at the top level, which may run on over it; and a fence or HTML block left open
 * inside a list or quote ends where the text ends, not where the heading closes it. So a section that ends inside
 * an HTML block or an unclosed fence is parsed together with the next one. The one thing that crosses sections is
 * a link reference definition (it defines a label for the whole text): a text that has one is parsed whole.
 */

/**
 * What a kept section tree depends on besides its text: the parser's releases, and the shape of `ParsedSection`. A
 * store drops trees made under another (a test checks the releases against the installed packages).
 */
export const SECTION_PARSER =
  "sections/1 mdast-util-from-markdown@2.1.0 micromark@4.0.3 micromark-core-commonmark@2.0.4";

/** A position point as mdast has it. */
type Point = NonNullable<Nodes["position"]>["start"];

/** A section's tree as a store keeps it: positions counted from the section's own start. */
export interface ParsedSection {
  children: RootContent[];
  /** Where the section ends: its root's end point. */
  end: Point;
  /** It ends inside a block that the next section's heading may not close (so it is parsed with the next one). */
  open: boolean;
  /** It holds a link reference definition, which applies to the whole text. */
  definitions: boolean;
}

/** Whether a value read back from a file is a section tree of the shape `ParsedSection` has, all the way down. */
export const isParsedSection: Check = shape({
  children: isMarkdownNodes,
  end: isPoint,
  open: isBoolean,
  definitions: isBoolean,
});

/** Section trees by the section's text: what the parse looks up before parsing a section, and adds to after. */
export interface SectionStore {
  get(text: string): ParsedSection | undefined;
  set(text: string, section: ParsedSection): void;
}

const ATX_HEADING_LINE = /#{1,6}(?:[ \t\r\n]|$)/y;

/**
 * Beyond this many sections a text is parsed whole: a real report has about fifty, and each parse has a cost of
 * its own (a text of a million `#` lines would take minutes in pieces).
 */
export const MAX_SECTIONS = 500;

/** Offsets where sections start: 0, and every line that opens with an ATX heading marker at column 0. */
export function sectionStarts(md: string): number[] {
  const starts = [0];
  for (let at = md.indexOf("\n#"); at !== -1; at = md.indexOf("\n#", at + 1)) {
    ATX_HEADING_LINE.lastIndex = at + 1;
    if (ATX_HEADING_LINE.test(md)) starts.push(at + 1);
  }
  return starts;
}

function containsDefinition(nodes: readonly Nodes[]): boolean {
  // An explicit stack: a report may nest quotes or lists thousands deep.
  const stack = [...nodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === "definition") return true;
    if ("children" in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/;

/** Whether a code block is fenced and its closing fence is missing (it ran to the end of the text). */
function unclosedFence(node: Code, text: string): boolean {
  const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const opening = FENCE_OPENING.exec(source);
  if (!opening) return false;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  const fence = opening[1]!;
  const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  return !closing.test(lines.at(-1)!);
}

/** A line break followed by a blank line. */
const BLANK_LINE_AFTER = /^(?:\r\n|\r(?!\n)|\n)[ \t]*[\r\n]/;

/**
 * Whether an HTML block ended before the end of the text: then a blank line follows it (an HTML block that a
 * blank line does not end runs on to the end of the text, blank lines and all).
 */
function htmlEnded(node: Html, text: string): boolean {
  return BLANK_LINE_AFTER.test(text.slice(node.position?.end.offset ?? text.length));
}

/**
 * Whether a section ends inside a block that a heading line after it might not close, or that ends elsewhere when
 * the text ends than when a heading closes it: an HTML block or a fence left open, on the chain of last children
 * (the blocks still open at the end).
 */
function endsOpen(tree: Root, text: string): boolean {
  for (let node: Nodes | undefined = tree.children.at(-1); node !== undefined; ) {
    if (node.type === "html" && !htmlEnded(node, text)) return true;
    if (node.type === "code" && unclosedFence(node, text)) return true;
    node = "children" in node ? node.children.at(-1) : undefined;
  }
  return false;
}

/** Parses one section's text. */
function parseSection(text: string): ParsedSection {
  const tree = fromMarkdown(text);
  return {
    children: tree.children,
    end: tree.position?.end ?? { line: 1, column: 1, offset: 0 },
    open: endsOpen(tree, text),
    definitions: containsDefinition(tree.children),
  };
}

function section(text: string, store: SectionStore): ParsedSection {
  const known = store.get(text);
  if (known) return known;
  const parsed = parseSection(text);
  store.set(text, parsed);
  return parsed;
}

const shiftPoint = (point: Point, lines: number, offset: number): Point => ({
  line: point.line + lines,
  column: point.column,
  offset: (point.offset ?? 0) + offset,
});

/** A shallow copy of a node, its position moved down `lines` lines and on `offset` characters. */
function movedCopy<T extends Nodes>(node: T, lines: number, offset: number): T {
  const copy = { ...node };
  if (node.position)
    copy.position = {
      start: shiftPoint(node.position.start, lines, offset),
      end: shiftPoint(node.position.end, lines, offset),
    };
  return copy;
}

/** Copies of the nodes, and of all below them, with their positions moved (by an explicit stack, as above). */
function moved(nodes: readonly RootContent[], lines: number, offset: number): RootContent[] {
  const copies = nodes.map((node) => movedCopy(node, lines, offset));
  const stack: Nodes[] = [...copies];
  for (let copy = stack.pop(); copy !== undefined; copy = stack.pop()) {
    if (!("children" in copy)) continue;
    const children = copy.children.map((child) => movedCopy(child, lines, offset));
    (copy as { children: Nodes[] }).children = children;
    for (const child of children) stack.push(child);
  }
  return copies;
}

/**
 * `fromMarkdown(md)`, parsed section by section with the sections' trees taken from `store` where it has them (and
 * the new ones put in). The store's trees are not changed: the result holds copies. A section that ends open is
 * parsed with the next one, and when that ends open too, with the rest of the text: each character is parsed at
 * most three times.
 */
export function parseBySection(md: string, store: SectionStore): Root {
  const starts = sectionStarts(md);
  if (starts.length > MAX_SECTIONS) return fromMarkdown(md);
  const children: RootContent[] = [];
  let lines = 0;
  let end: Point = { line: 1, column: 1, offset: 0 };
  for (let i = 0; i < starts.length; ) {
    const from = starts[i]!;
    let next = i + 1;
    let parsed = section(md.slice(from, starts[next] ?? md.length), store);
    if (parsed.open && next < starts.length) {
      next++;
      parsed = section(md.slice(from, starts[next] ?? md.length), store);
      if (parsed.open && next < starts.length) {
        next = starts.length;
        parsed = section(md.slice(from), store);
      }
    }
    if (parsed.definitions) return fromMarkdown(md);
    for (const child of moved(parsed.children, lines, from)) children.push(child);
    end = shiftPoint(parsed.end, lines, from);
    lines = end.line - 1;
    i = next;
  }
  return { type: "root", children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
