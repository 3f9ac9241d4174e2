import type { Nodes } from "mdast";

/**
 * The text of a node's leaves, in source order. A loop over an explicit stack, not recursion: a report can nest
 * emphasis or quotes thousands deep, which would overflow the call stack.
 */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    // Plain property reads: `in` is slow on the tree's many node shapes.
    const value = (current as { value?: unknown }).value;
    if (typeof value === "string") {
      parts.push(value);
      continue;
    }
    const children = (current as { children?: readonly Nodes[] }).children;
    if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.length === 1 ? parts[0]! : parts.join("");
}
