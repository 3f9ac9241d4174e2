import { existsSync, readFileSync } from "node:fs";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import fc from "fast-check";
import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { describe, expect, it } from "vitest";
import { blankOut, findPlainBlocks, mergeInOrder, parseWithPlainChecklists } from "./plain-checklist.js";

/** Reads nothing from the tree and lets plain blocks reach anywhere. */
const NO_LIMIT = () => ({ value: null, limit: Number.POSITIVE_INFINITY });
const limitAt = (limit: number) => () => ({ value: null, limit });

/**
 * What a list read as plain may hold: nothing the model takes from the tree (links, images, HTML and its comments,
 * definitions, code blocks, image syntax in code). Reference links are not taken (`[x]` is one when some
 * `[x]: url` defines it).
 */
const PLAIN_TYPES = new Set([
  "list",
  "listItem",
  "paragraph",
  "text",
  "emphasis",
  "strong",
  "break",
  "linkReference",
]);
function expectOnlyPlain(node: Nodes): void {
  if (node.type === "inlineCode") expect(node.value).not.toContain("![");
  else expect(PLAIN_TYPES).toContain(node.type);
  if ("children" in node) for (const child of node.children) expectOnlyPlain(child);
}

/** What the tree-less reading must equal: the full parse, with each plain list standing for a list node. */
function expectSameAsFullParse(md: string): number {
  const fast = parseWithPlainChecklists(md, NO_LIMIT);
  const merged = mergeInOrder(fast.tree.children, fast.plainLists);
  const full: RootContent[] = fromMarkdown(md).children;
  expect(merged.map((n) => n.type.replace("plainList", "list"))).toEqual(full.map((n) => n.type));
  merged.forEach((node, i) => {
    const real = full[i]!;
    if (node.type !== "plainList") {
      expect(node).toEqual(real);
      return;
    }
    if (real.type !== "list") throw new Error(`not a list at ${node.start}`);
    expectOnlyPlain(real);
    expect({ start: node.start, end: node.end }).toEqual({
      start: real.position?.start.offset,
      end: real.position?.end.offset,
    });
    expect(node.items).toEqual(
      real.children.map((item) => ({
        start: item.position?.start.offset,
        end: item.position?.end.offset,
      })),
    );
  });
  return fast.plainLists.length;
}

describe("findPlainBlocks", () => {
  it("reads items, continuation lines and blank lines between two headings", () => {
    const md = [
      "# Checklist", // 0-11
      "", // 12
      "* [ ] Create a repo (M5)", // 13-37
      "    keep `pyproject.toml` up to date (M2+M6)", // 38-82
      "* [x]", // 83-88
      "", // 89
      "- [X] Another list (M8)", // 90-113
      "### Next",
    ].join("\n");
    expect(findPlainBlocks(md)).toEqual([
      {
        heading: 0,
        start: 13,
        end: 113,
        lists: [
          {
            type: "plainList",
            start: 13,
            end: 88,
            items: [
              { start: 13, end: 82 },
              { start: 83, end: 88 },
            ],
          },
          { type: "plainList", start: 90, end: 113, items: [{ start: 90, end: 113 }] },
        ],
      },
    ]);
    expectSameAsFullParse(md);
  });

  it("ends items before a CRLF line break, keeping trailing spaces, and reads to the end of the text", () => {
    const md = "## Week 1\r\n\r\n* [ ] a  \r\n  b\r\n\r\n";
    expect(findPlainBlocks(md)).toEqual([
      {
        heading: 0,
        start: 13,
        end: 27,
        lists: [{ type: "plainList", start: 13, end: 27, items: [{ start: 13, end: 27 }] }],
      },
    ]);
    expect(expectSameAsFullParse(md)).toBe(1);
  });

  it("chains blocks: the heading that closes one opens the next", () => {
    const md = "### Week 1\n* [ ] a\n### Week 2\n\n* [x] b\n";
    expect(findPlainBlocks(md).map((b) => [b.heading, b.start, b.end])).toEqual([
      [0, 11, 18],
      [19, 31, 38],
    ]);
    expect(expectSameAsFullParse(md)).toBe(2);
  });

  // Each of these lines, put among plain items, makes the markdown parser's reading depend on more than the
  // item lines, or puts something the inventory needs into the block: the block is left to the parser.
  it.each([
    ["a link", "* [ ] see [the docs](https://example.com)"],
    ["HTML", "* [ ] <b>bold</b>"],
    ["an escape", "* [ ] a \\* star"],
    ["a tab", "* [ ]\tTab"],
    ["a backtick in the mark", "* [`] Quoted"],
    ["two spaces after the marker", "*  [ ] Wide"],
    ["an indented item", " * [ ] Indented"],
    ["a nested item", "  * [ ] Nested"],
    ["an ordered item", "1. [ ] Ordered"],
    ["a continuation line that opens an ordered list", "  1. first"],
    ["a continuation line that opens a fence", "  ```"],
    ["a continuation line that opens a quote", "  > quoted"],
    ["a setext underline", "==="],
    ["a thematic break", "***"],
    ["a lazy line that opens a list", "- plain bullet"],
    ["a paragraph", "Some text after a blank line"],
    ["a heading-like line without a space", "#hashtag"],
    ["a lone carriage return", "* [ ] a\rb"],
  ])("leaves a block with %s to the parser", (_, line) => {
    const blankBefore = line === "Some text after a blank line" ? "\n" : "";
    const md = `### Week 1\n\n* [ ] First (M1)\n${blankBefore}${line}\n* [x] Last (M2)\n\n### Week 2\n`;
    expect(findPlainBlocks(md)).toEqual([]);
    expectSameAsFullParse(md);
  });

  it("leaves an indented line after a blank line to the parser: it is a paragraph of the item", () => {
    const md = "# A\n* [ ] a\n\n  more of a\n# B\n";
    expect(findPlainBlocks(md)).toEqual([]);
    expectSameAsFullParse(md);
  });

  it("stops at the first question heading: answers are read from the tree", () => {
    const md = "### Week 1\n* [ ] a\n### Question 1\n#### Notes\n* [x] b\n#### More\n";
    expect(findPlainBlocks(md).map((b) => [b.start, b.end])).toEqual([[11, 18]]);
  });

  it("needs a heading before and after the items", () => {
    expect(findPlainBlocks("* [ ] a\n# B\n")).toEqual([]);
    expect(findPlainBlocks("# A\n* [ ] a\nText\n\nMore\n")).toEqual([]);
    expect(findPlainBlocks("# A\n\n# B\n")).toEqual([]);
  });
});

describe("blankOut", () => {
  it("turns every character of the blocks but line breaks into spaces", () => {
    const md = "# A\r\n* [ ] a\r\n  b\r\n# B";
    const blanked = blankOut(md, findPlainBlocks(md));
    expect(blanked).toBe("# A\r\n       \r\n   \r\n# B");
    expect(blanked).toHaveLength(md.length);
  });
});

describe("parseWithPlainChecklists", () => {
  it("parses the whole text when the opening heading line does not parse as a heading", () => {
    const md = "```\n# not a heading\n* [ ] a\n# B\n";
    expect(findPlainBlocks(md)).toHaveLength(1);
    const parsed = parseWithPlainChecklists(md, NO_LIMIT);
    expect(parsed.plainLists).toEqual([]);
    expect(parsed.tree).toEqual(fromMarkdown(md));
  });

  it("parses the whole text when a block reaches past the limit", () => {
    const md = "# A\n* [ ] a\n# B\n* [ ] b\n";
    expect(parseWithPlainChecklists(md, limitAt(23)).plainLists.map((l) => l.start)).toEqual([4, 16]);
    const parsed = parseWithPlainChecklists(md, limitAt(22));
    expect(parsed.plainLists).toEqual([]);
    expect(parsed.tree).toEqual(fromMarkdown(md));
  });

  it("hands back the outline of the tree it keeps", () => {
    const md = "# A\n* [ ] a\n# B\n* [ ] b\n";
    const types = (limit: number) =>
      parseWithPlainChecklists(md, (top) => ({ value: top.map((n) => n.type), limit })).outline;
    expect(types(23)).toEqual(["heading", "heading"]);
    expect(types(22)).toEqual(["heading", "list", "heading", "list"]);
  });

  it("merges plain lists with the top-level nodes in source order", () => {
    const md = "# A\n* [ ] a\n# B\ntext\n# C\n- [x] c\n";
    const parsed = parseWithPlainChecklists(md, NO_LIMIT);
    const merged = mergeInOrder(parsed.tree.children, parsed.plainLists);
    expect(merged.map((n) => [n.type, n.type === "plainList" ? n.start : n.position?.start.offset])).toEqual([
      ["heading", 0],
      ["plainList", 4],
      ["heading", 12],
      ["paragraph", 16],
      ["heading", 21],
      ["plainList", 25],
    ]);
  });
});

// Lines of the shapes real checklists have, and of the shapes that must stop a plain block.
const HEADINGS = [
  "# Title",
  "## Overall project checklist",
  "### Week 1",
  "#",
  "#x",
  "  # Indented",
  "####### x",
];
const ITEMS = [
  "* [ ] Create a git repository (M5)",
  "* [x] Use `dvc` for data (M8)",
  "- [X] Remember the *style* guide (M7)",
  "+ [ ] Plus marker",
  "* [ ]",
  "* [ ]   ",
  "* [x] trailing  ",
  "* [-] Other mark",
  "* [(X)] Parenthesised",
  "* [%] Percent",
  "* [✅] Emoji",
  "* [] Empty",
  "* [`] Backtick",
  "* [x *] Star",
  " * [ ] Indented",
  "  - [ ] Nested",
  "1. [ ] Ordered",
  "* [ ] A [link](x)",
  "* [ ] ![image](a.png)",
  "* [ ] <!-- comment -->",
  "* [x]: /url",
  "* [ ] Weights & Biases &amp; more",
  "* [ ] an `unclosed span",
  "* [ ] an escaped \\* star",
  "* [ ] `![in code](x.png)`",
];
const CONTINUATIONS = [
  "    `pyproject.toml`/`uv.lock` up-to-date (M2+M6)",
  "  more words",
  "lazy line",
  "(M3)",
  "    12 more",
  "  1. ordered",
  "  2) ordered",
  "  3.5 GB",
  "  ```",
  "~~~",
  "  ``code``",
  "===",
  "---",
  "  > quote",
  "  <div>",
  "  * sub",
  "    span` closes",
];
const OTHERS = [
  "",
  "   ",
  "Paragraph text",
  "```python",
  "<!-- open comment",
  "-->",
  "[x]: /url",
  "> quoted",
  "---",
  "<details>",
  "\tTabbed",
  "    indented code",
];
const line = fc.oneof(
  { arbitrary: fc.constantFrom(...HEADINGS), weight: 2 },
  { arbitrary: fc.constantFrom(...ITEMS), weight: 4 },
  { arbitrary: fc.constantFrom(...CONTINUATIONS), weight: 2 },
  { arbitrary: fc.constantFrom(...OTHERS), weight: 2 },
);
/** A checklist section as templates have it: a heading, then items with continuation lines and blank lines. */
const section = fc
  .tuple(
    fc.constantFrom("### Week 1", "## Extra", "# A"),
    fc.array(
      fc.tuple(
        fc.constantFrom(...ITEMS.slice(0, 12)),
        fc.array(fc.constantFrom(...CONTINUATIONS.slice(0, 5)), { maxLength: 2 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([heading, items]) => [
    heading,
    ...items.flatMap(([item, more, blank]) => [item, ...more, ...(blank ? [""] : [])]),
  ]);
const document = fc
  .tuple(
    fc.array(
      fc.oneof(
        section,
        line.map((l) => [l]),
      ),
      { maxLength: 12 },
    ),
    fc.constantFrom("\n", "\r\n"),
  )
  .map(([chunks, eol]) => chunks.flat().join(eol));

describe("plain blocks read as the markdown parser reads them", { timeout: 120_000 }, () => {
  it("on random documents of checklist lines and the lines that must stop them", () => {
    let withPlainLists = 0;
    const runs = 1500;
    fc.assert(
      fc.property(document, (md) => {
        if (expectSameAsFullParse(md) > 0) withPlainLists++;
      }),
      { numRuns: runs },
    );
    // The generator must exercise the reading, not only the fallback.
    expect(withPlainLists).toBeGreaterThan(runs / 4);
  });

  const templates = [2023, 2024, 2025, 2026]
    .map((year) => `${SHARED}templates/${year}/README.md`)
    .filter((p) => existsSync(p));
  it.runIf(templates.length > 0)("on every year's template, whose week sections are all plain", () => {
    for (const path of templates) expect(expectSameAsFullParse(readFileSync(path, "utf8")), path).toBe(4);
  });
  if (!HAS_CORPUS) console.warn("[plain-checklist] ../shared/corpus not found: real reports not compared");
  it.runIf(HAS_CORPUS)("on every real report", () => {
    const lists = corpusReports().map((r) => expectSameAsFullParse(r.text));
    // Most real checklists keep the template's plain items; a few do not, and are parsed.
    expect(lists.filter((n) => n > 0).length).toBeGreaterThanOrEqual(20);
  });
});
