import { type Check, integerFrom, isBoolean, isString, nullable, oneOf, shape } from "./shape-check.js";

/*
 * The shape of a markdown tree read back from a file: every node one that `mdast-util-from-markdown` makes from
 * CommonMark, with the fields of its type and its position, so that the report model reads a kept tree as it reads
 * one just parsed. Anything else (a null child, a node without a type or of another type, a text node with
 * children) makes the whole tree not one of ours.
 */

export const isPoint: Check = shape({ line: integerFrom(1), column: integerFrom(1), offset: integerFrom(0) });
const isPosition = shape({ start: isPoint, end: isPoint });
const referenceType = oneOf("shortcut", "collapsed", "full");
const reference = { identifier: isString, label: isString, referenceType };

/** Each node type's fields besides `type`, `position` and `children`. */
const FIELDS: Readonly<Record<string, Check>> = {
  blockquote: shape({}),
  break: shape({}),
  code: shape({ value: isString, lang: nullable(isString), meta: nullable(isString) }),
  definition: shape({ identifier: isString, label: isString, url: isString, title: nullable(isString) }),
  emphasis: shape({}),
  heading: shape({ depth: oneOf(1, 2, 3, 4, 5, 6) }),
  html: shape({ value: isString }),
  image: shape({ url: isString, title: nullable(isString), alt: nullable(isString) }),
  imageReference: shape({ ...reference, alt: nullable(isString) }),
  inlineCode: shape({ value: isString }),
  link: shape({ url: isString, title: nullable(isString) }),
  linkReference: shape(reference),
  list: shape({ ordered: isBoolean, start: nullable(integerFrom(0)), spread: isBoolean }),
  listItem: shape({ spread: isBoolean, checked: nullable(isBoolean) }),
  paragraph: shape({}),
  strong: shape({}),
  text: shape({ value: isString }),
  thematicBreak: shape({}),
};

/** The types whose nodes have children; no other node has a `children` field. */
const PARENTS: ReadonlySet<string> = new Set([
  "blockquote",
  "emphasis",
  "heading",
  "link",
  "linkReference",
  "list",
  "listItem",
  "paragraph",
  "strong",
]);

/**
 * Whether `value` is an array of markdown nodes (a root's children) of the shape above, with list items exactly
 * the children of lists. A loop over an explicit stack: a tree may nest quotes thousands deep.
 */
export function isMarkdownNodes(value: unknown): boolean {
  const stack: [nodes: unknown, parent: string][] = [[value, "root"]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [nodes, parent] = next;
    if (!Array.isArray(nodes)) return false;
    for (let i = 0; i < nodes.length; i++) {
      // A hole fails here, at the first one: a sparse array's length says nothing of its elements.
      const node: unknown = nodes[i];
      if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
      const { type, position } = node as { type?: unknown; position?: unknown };
      if (typeof type !== "string" || !Object.hasOwn(FIELDS, type)) return false;
      if ((type === "listItem") !== (parent === "list")) return false;
      if (!isPosition(position) || !FIELDS[type]!(node)) return false;
      const hasChildren = "children" in node;
      if (hasChildren !== PARENTS.has(type)) return false;
      if (hasChildren) stack.push([(node as { children: unknown }).children, type]);
    }
  }
  return true;
}
