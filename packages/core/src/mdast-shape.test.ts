import { fromMarkdown } from "mdast-util-from-markdown";
import { describe, expect, it } from "vitest";
import { isMarkdownNodes } from "./mdast-shape.js";
import { isParsedSection, parseBySection } from "./sections.js";

/** Every kind of node CommonMark makes. */
const EVERY_KIND = [
  "# Heading",
  "",
  'Text *em* **strong** `code` [link](u "t") ![alt](i.png) [ref][d] ![img][d] [d][] <b>x</b>  ',
  "hard break",
  "",
  "> quote",
  "",
  "- item",
  "- [x] task",
  "",
  "3. ordered",
  "",
  "***",
  "",
  "```py meta",
  "x",
  "```",
  "",
  "    indented",
  "",
  "<div>",
  "</div>",
  "",
  '[d]: /url "title"',
  "",
  "Setext",
  "---",
].join("\n");

const nodes = () =>
  structuredClone(fromMarkdown(EVERY_KIND).children) as unknown as Record<string, unknown>[];

describe("isMarkdownNodes", () => {
  it("takes every kind of node the parser makes, and trees nested thousands deep", () => {
    const kinds = new Set<string>();
    const stack: unknown[] = [...nodes()];
    for (
      let node = stack.pop() as { type: string; children?: unknown[] };
      node;
      node = stack.pop() as never
    ) {
      kinds.add(node.type);
      stack.push(...(node.children ?? []));
    }
    expect(kinds.size).toBe(18);
    expect(isMarkdownNodes(nodes())).toBe(true);
    expect(isMarkdownNodes(fromMarkdown(">".repeat(5000)).children)).toBe(true);
  });

  it("refuses a hole, a null, an unknown type, missing fields, children where none belong, list items astray", () => {
    const forged = (change: (children: Record<string, unknown>[]) => void) => {
      const children = nodes();
      change(children);
      return children;
    };
    const list = (children: Record<string, unknown>[]) =>
      children.find((node) => node.type === "list") as { children: unknown[] };
    const cases = [
      forged((c) => c.push(null as never)),
      forged((c) => {
        c.length = 2 ** 32 - 1;
      }),
      forged((c) => c.push({ __proto__: null } as never)),
      forged((c) => {
        c[0]!.type = "script";
      }),
      forged((c) => {
        c[0]!.depth = 7;
      }),
      forged((c) => {
        delete c[0]!.position;
      }),
      forged((c) => {
        (c[0]!.children as Record<string, unknown>[])[0]!.children = [];
      }),
      forged((c) => list(c).children.push(c[0])),
      forged((c) => c.push(list(c).children[0] as never)),
      forged((c) => {
        (c[0]!.position as { start: { line: number } }).start.line = 0;
      }),
      "not an array",
    ];
    for (const [index, value] of cases.entries())
      expect([index, isMarkdownNodes(value)]).toEqual([index, false]);
  });
});

describe("isParsedSection", () => {
  it("takes what parseBySection keeps, and nothing else", () => {
    const kept: unknown[] = [];
    parseBySection(EVERY_KIND, {
      get: () => undefined,
      set: (_, section) => kept.push(structuredClone(section)),
    });
    expect(kept.length).toBeGreaterThan(0);
    for (const section of kept) expect(isParsedSection(section)).toBe(true);
    expect(isParsedSection({ ...(kept[0] as object), open: "no" })).toBe(false);
    expect(isParsedSection({ ...(kept[0] as object), end: { line: 1, column: 1 } })).toBe(false);
  });
});
