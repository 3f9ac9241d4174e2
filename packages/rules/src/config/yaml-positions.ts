import type { Node, Scalar } from "yaml";

/** Offset of a node in the config text. */
export function nodeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

export function nodeLength(node: Node | null | undefined): number {
  return node?.range ? Math.max(1, node.range[1] - node.range[0]) : 1;
}

/**
 * Maps an offset in a scalar's value (an expression string) to the config text, where quotes, escapes,
 * folding and block indentation separate the two: walk both, matching equal characters and skipping the
 * source's syntax and the value's folded whitespace.
 */
export function valueOffsetToSource(node: Scalar, text: string, valueOffset: number): number {
  const value = String(node.value);
  const [start, end] = node.range ?? [0, 0];
  let i = 0;
  let j = start;
  while (i < valueOffset && j < end) {
    if (value[i] === text[j]) {
      i++;
      j++;
    } else if (/\s/.test(value[i] ?? "") && !/\s/.test(text[j] ?? "")) i++;
    else j++;
  }
  // Land on the token itself, not on syntax or indentation before it.
  while (j < end && value[i] !== undefined && value[i] !== text[j] && /[\s'"|>\\-]/.test(text[j] ?? "")) j++;
  return j;
}
