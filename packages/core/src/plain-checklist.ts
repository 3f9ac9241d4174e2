import type { Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { QUESTION_HEADING } from "./patterns.js";
import { parseBySection, type SectionStore } from "./sections.js";

/**
 * The checklist is about 8% of a report's text and 13% of the markdown parser's time on it: each of its sixty-odd
 * task items opens a list item and a bracket the parser tries as a link. Of those items the model needs only
 * where each starts and ends. Runs of items that are plain enough for their extent to follow from their lines
 * alone are read here and blanked out (spaces, offsets kept) before the parser runs.
 *
 * A plain block is every line between two ATX headings at column 0 (or the end of the text), holding nothing
 * but task items `* [ ] text` at column 0 (with any mark but a backtick), continuation lines of them, and blank
 * lines. Its text holds no `[`, `]`, `<`, `\` or tab, so no link, image, HTML, reference definition or escape; a
 * continuation line starts with a letter, a digit not followed by `.` or `)`, `(` or a single backtick, so it
 * opens no other block. After a CommonMark heading no block is open, and the heading that closes a plain block
 * closes its list: what the parser makes of the text on either side does not depend on the block, and the block
 * parses to lists whose items span exactly their lines. Whether the opening heading line is a heading (and not,
 * say, code) only the parser can tell: `parseWithPlainChecklists` checks it and parses the whole text when it is
 * not.
 */

/** A task item: from its marker to the end of its last line, as mdast's `listItem` position. */
export interface PlainItem {
  start: number;
  end: number;
}

/** The items of one list: a plain block starts a new list where the bullet character changes. */
export interface PlainList {
  type: "plainList";
  start: number;
  end: number;
  items: PlainItem[];
}

export interface PlainBlock {
  /** Offset of the ATX heading line that opens the block. */
  heading: number;
  start: number;
  end: number;
  lists: PlainList[];
}

// Each pattern matches one whole line at `lastIndex`, its line break included; group 1 is the line's text.
const HEADING = /#{1,6}(?:[ \t][^\r\n]*)?\r?(?:\n|$)/y;
const ITEM = /(([*+-]) \[[^\t\r\n\\[\]<`]*\](?: [^\t\r\n\\[\]<]*)?)\r?(?:\n|$)/y;
const CONTINUATION = /( *(?:[A-Za-z(]|`(?!``)|\d+(?![\d.)]))[^\t\r\n\\[\]<]*)\r?(?:\n|$)/y;
const BLANK = / *\r?(?:\n|$)/y;

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The next line at or after `from` that starts with `#`, or -1. */
function nextHashLine(text: string, from: number): number {
  if (from === 0 && text.charCodeAt(0) === 35) return 0;
  const at = text.indexOf("\n#", Math.max(0, from - 1));
  return at === -1 ? -1 : at + 1;
}

/**
 * The plain blocks of a text, in order, up to the first question heading: the checklist comes before the
 * questions, and a block inside an answer would have to be parsed after all (answers are read from the tree).
 */
export function findPlainBlocks(text: string): PlainBlock[] {
  const blocks: PlainBlock[] = [];
  let heading = nextHashLine(text, 0);
  while (heading !== -1) {
    const opening = matchAt(HEADING, text, heading);
    if (!opening) {
      heading = nextHashLine(text, heading + 1);
      continue;
    }
    if (QUESTION_HEADING.test(opening[0].replace(/^#+/, ""))) break;
    let at = HEADING.lastIndex;
    const lists: PlainList[] = [];
    let marker = "";
    let item: PlainItem | null = null;
    let closed = false;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 35 /* # */) {
        closed = matchAt(HEADING, text, at) !== null;
        break;
      }
      const itemLine = c === 42 || c === 43 || c === 45 /* * + - */ ? matchAt(ITEM, text, at) : null;
      if (itemLine) {
        item = { start: at, end: at + itemLine[1]!.length };
        const list = lists.at(-1);
        if (list && itemLine[2] === marker) {
          list.items.push(item);
          list.end = item.end;
        } else lists.push({ type: "plainList", start: item.start, end: item.end, items: [item] });
        marker = itemLine[2]!;
        at = ITEM.lastIndex;
        continue;
      }
      if (matchAt(BLANK, text, at)) {
        // After a blank line only another item may follow: an indented line would be a new paragraph of the item.
        item = null;
        at = BLANK.lastIndex;
        continue;
      }
      if (!item) break;
      const more = matchAt(CONTINUATION, text, at);
      if (!more) break;
      item.end = at + more[1]!.length;
      lists.at(-1)!.end = item.end;
      at = CONTINUATION.lastIndex;
    }
    if (at >= text.length) closed = true;
    if (closed && lists.length > 0)
      blocks.push({ heading, start: lists[0]!.start, end: lists.at(-1)!.end, lists });
    heading = closed && at < text.length ? at : nextHashLine(text, at + 1);
  }
  return blocks;
}

const LINE = /[^\r\n]+/g;

/** The text with every plain block's characters but line breaks turned into spaces: blank lines, offsets kept. */
export function blankOut(text: string, blocks: readonly PlainBlock[]): string {
  let out = "";
  let from = 0;
  for (const b of blocks) {
    out +=
      text.slice(from, b.start) + text.slice(b.start, b.end).replace(LINE, (line) => " ".repeat(line.length));
    from = b.end;
  }
  return out + text.slice(from);
}

export interface ParsedMarkdown<T> {
  tree: Root;
  /** The lists of the plain blocks, which are not in `tree`, in source order. */
  plainLists: PlainList[];
  /** What the caller's `outline` read from the top-level nodes of `tree`. */
  outline: T;
}

/** What a caller reads from the top-level nodes, and the offset that plain blocks must end by. */
export interface Outline<T> {
  value: T;
  limit: number;
}

/**
 * `fromMarkdown(md)`, except that plain blocks are read as lists of plain items rather than parsed. `outline`
 * reads what the caller needs from the top-level nodes, once per tree kept, and says where plain blocks must end.
 * When a block's opening heading line does not parse as a top-level heading, or a block reaches past the limit,
 * the whole text is parsed after all. With a store, the text is parsed section by section, known sections taken
 * from the store.
 */
export function parseWithPlainChecklists<T>(
  md: string,
  outline: (top: readonly RootContent[]) => Outline<T>,
  store?: SectionStore,
): ParsedMarkdown<T> {
  const toTree = (text: string) => (store ? parseBySection(text, store) : fromMarkdown(text));
  const whole = (): ParsedMarkdown<T> => {
    const tree = toTree(md);
    return { tree, plainLists: [], outline: outline(tree.children).value };
  };
  const blocks = findPlainBlocks(md);
  if (blocks.length === 0) return whole();
  const tree = toTree(blankOut(md, blocks));
  const headingStarts = new Set<number>();
  for (const node of tree.children)
    if (node.type === "heading") headingStarts.add(node.position?.start.offset ?? -1);
  const { value, limit } = outline(tree.children);
  if (!blocks.every((b) => headingStarts.has(b.heading) && b.end <= limit)) return whole();
  return { tree, plainLists: blocks.flatMap((b) => b.lists), outline: value };
}

/** Top-level nodes and plain lists, merged in source order. */
export function mergeInOrder(
  top: readonly RootContent[],
  lists: readonly PlainList[],
): (RootContent | PlainList)[] {
  if (lists.length === 0) return [...top];
  const out: (RootContent | PlainList)[] = [];
  let j = 0;
  for (const node of top) {
    const start = node.position?.start.offset ?? 0;
    while (j < lists.length && lists[j]!.start < start) out.push(lists[j++]!);
    out.push(node);
  }
  while (j < lists.length) out.push(lists[j++]!);
  return out;
}
