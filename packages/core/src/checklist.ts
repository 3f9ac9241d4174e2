import type { List, ListItem, RootContent } from "mdast";
import type { PlainList } from "./plain-checklist.js";
import type { LineIndex } from "./source.js";
import type { ChecklistItem, ChecklistSection, MarkState } from "./types.js";
import { foldSpaces } from "./whitespace.js";

const ITEM = /^\s*(?:[*+-]|\d+[.)])\s+\[([^\]\n]{0,5})\]\s*([\s\S]*)$/;
const MODULE_TAG = /\((M\d+(?:\s*[+,&/]\s*M\d+)*)\)\s*\.?\s*$/;

export function markState(mark: string): MarkState {
  if (mark === "x" || mark === "X") return "checked";
  if (mark === " ") return "unchecked";
  return "other";
}

/** The item whose own text (nested lists left out) spans [start, end), or null when it has no checkbox. */
function itemAt(start: number, end: number, index: LineIndex): ChecklistItem | null {
  const m = ITEM.exec(index.text.slice(start, end));
  if (!m) return null;
  const text = foldSpaces(m[2]!).trim();
  const tag = MODULE_TAG.exec(text);
  const p = index.point(start);
  return {
    text,
    module: tag ? tag[1]!.replace(/\s+/g, "") : null,
    mark: m[1]!,
    state: markState(m[1]!),
    line: p.line,
    column: p.column,
    range: index.range(start, end),
  };
}

/** Where an item's own text ends: before its nested list, if any. */
function ownTextEnd(node: ListItem): number {
  const nested = node.children.find((c) => c.type === "list");
  return nested ? nested.position!.start.offset! : node.position!.end.offset!;
}

/**
 * Reads checklist items from the nodes of the checklist part of the report, grouped by their `###` sections.
 * Items above any section heading go into a section with an empty title. Plain lists (see `plain-checklist.ts`)
 * hold items the markdown parser did not read.
 */
export function readChecklist(
  nodes: readonly (RootContent | PlainList)[],
  index: LineIndex,
): ChecklistSection[] {
  const sections: ChecklistSection[] = [];
  let current: ChecklistSection | null = null;
  const addItem = (item: ChecklistItem | null): void => {
    if (!item) return;
    if (!current) {
      current = { title: "", line: item.line, items: [] };
      sections.push(current);
    }
    current.items.push(item);
  };
  // Items in source order, nested lists after their item; an explicit stack, as lists can nest thousands deep.
  const addItems = (list: List): void => {
    const stack: ListItem[] = [...list.children].reverse();
    while (stack.length > 0) {
      const item = stack.pop()!;
      addItem(itemAt(item.position!.start.offset!, ownTextEnd(item), index));
      for (let i = item.children.length - 1; i >= 0; i--) {
        const child = item.children[i]!;
        if (child.type === "list")
          for (let j = child.children.length - 1; j >= 0; j--) stack.push(child.children[j]!);
      }
    }
  };
  for (const node of nodes) {
    if (node.type === "heading") {
      current = {
        title: node.children
          .map((c) => ("value" in c ? c.value : ""))
          .join("")
          .trim(),
        line: node.position!.start.line,
        items: [],
      };
      sections.push(current);
    } else if (node.type === "list") addItems(node);
    else if (node.type === "plainList")
      for (const item of node.items) addItem(itemAt(item.start, item.end, index));
  }
  return sections.filter((s) => s.items.length > 0 || s.title !== "");
}
