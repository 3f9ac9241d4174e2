import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import fc from "fast-check";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";
import {
  MAX_SECTIONS,
  type ParsedSection,
  parseBySection,
  SECTION_PARSER,
  type SectionStore,
  sectionStarts,
} from "./sections.js";

/** A store in memory that counts what the parse asked of it. */
function countingStore(): SectionStore & { map: Map<string, ParsedSection>; sets: string[]; hits: number } {
  const map = new Map<string, ParsedSection>();
  const store = {
    map,
    sets: [] as string[],
    hits: 0,
    get(text: string) {
      const found = map.get(text);
      if (found) store.hits++;
      return found;
    },
    set(text: string, section: ParsedSection) {
      store.sets.push(text);
      map.set(text, section);
    },
  };
  return store;
}

/** Parsed section by section, first into an empty store and then from it, the text reads as when parsed whole. */
function expectSameAsWhole(md: string, store = countingStore()): void {
  const whole = fromMarkdown(md);
  expect(parseBySection(md, store)).toEqual(whole);
  expect(parseBySection(md, store)).toEqual(whole);
}

describe("sectionStarts", () => {
  it("starts a section at each ATX heading line at column 0", () => {
    const md = "intro\n# A\ntext\n#hashtag\n ## indented\n####### seven\n#\n##\tB\n### C";
    expect(sectionStarts(md)).toEqual([0, 6, 51, 53, 58]);
  });

  it("starts one section for a text without headings, or that opens with one", () => {
    expect(sectionStarts("")).toEqual([0]);
    expect(sectionStarts("# A\n")).toEqual([0]);
  });
});

describe("parseBySection", () => {
  it.each([
    [
      "paragraphs, lists and quotes, which a heading closes",
      "# A\ntext\n- item\n  lazy\n> quote\n# B\nmore\n",
    ],
    ["a heading inside a fence", "# A\n```\n# in code\n```\n# B\n"],
    ["a fence left open to the end", "# A\n~~~ py\n# in code\n"],
    ["a fence whose closing line is indented four spaces", "```\na\n    ```\n# B\n```\n"],
    ["a longer closing fence", "````\na\n``````  \n# B\n"],
    ["a fence inside a list, which the heading closes", "- a\n  ```\n  code\n# B\n"],
    ["an HTML block that a heading does not end", "<div>\n# inside\n\n# B\n"],
    ["an HTML comment over two headings", "# A\n<!--\n# x\n-->\n# B\n"],
    ["indented code before a heading", "    code\n# B\n"],
    ["a reference defined in a later section", "# A\nsee [x]\n# B\n[x]: https://example.com\n"],
    ["a definition inside a quote", "# A\n[x]\n# B\n> [x]: /u\n"],
    ["CRLF line breaks", "# A\r\ntext\r\n\r\n# B\r\nmore"],
    ["lone carriage returns", "# A\rtext\r# B\r"],
    ["leading blank lines and no final line break", "\n\n# A\ntext"],
    ["a setext heading before an ATX one", "Title\n===\n# B\n"],
    ["nothing", ""],
  ])("reads %s as the whole parse does", (_, md) => expectSameAsWhole(md));

  it("parses a section that ends in an open block together with the next one", () => {
    const store = countingStore();
    parseBySection("# A\n```\n# in code\n```\n# B\n", store);
    expect(store.sets).toEqual(["# A\n```\n", "# A\n```\n# in code\n```\n", "# B\n"]);
  });

  it("parses the rest whole when that is still open, and splits no more than it pays", () => {
    const store = countingStore();
    const md = "<div>\n# a\n# b\n# c\n# d\n";
    expect(parseBySection(md, store)).toEqual(fromMarkdown(md));
    expect(store.sets).toEqual(["<div>\n", "<div>\n# a\n", md]);
    const many = "# h\n".repeat(MAX_SECTIONS + 1);
    const none = countingStore();
    expect(parseBySection(many, none)).toEqual(fromMarkdown(many));
    expect(none.sets).toEqual([]);
  });

  it("reads quotes nested ten thousand deep, and moves a section of 150,000 nodes", () => {
    /** The innermost node's position, down the chain of last children (without recursion). */
    const innermost = (root: ReturnType<typeof fromMarkdown>) => {
      let node: Nodes = root;
      let depth = 0;
      while ("children" in node && node.children.length > 0) {
        node = node.children.at(-1)!;
        depth++;
      }
      return { depth, position: node.position };
    };
    const deep = `# A\n${"> ".repeat(10_000)}a\n# B\n`;
    expect(innermost(parseBySection(deep, countingStore()))).toEqual(innermost(fromMarkdown(deep)));
    // A section of 150,000 nodes, as the store gives it back: more than a function call's arguments may hold.
    const many: ParsedSection = {
      children: Array.from({ length: 150_000 }, (_, i) => ({
        type: "thematicBreak" as const,
        position: {
          start: { line: i + 1, column: 1, offset: 4 * i },
          end: { line: i + 1, column: 4, offset: 4 * i + 3 },
        },
      })),
      end: { line: 150_001, column: 1, offset: 600_000 },
      open: false,
      definitions: false,
    };
    const store = countingStore();
    const key = `# Z\n${"***\n".repeat(150_000)}`;
    store.map.set(key, many);
    const moved = parseBySection(`# A\n${key}`, store);
    expect(store.sets).toEqual(["# A\n"]);
    expect(moved.children).toHaveLength(150_001);
    expect(moved.children.at(-1)!.position).toEqual({
      start: { line: 150_001, column: 1, offset: 4 + 599_996 },
      end: { line: 150_001, column: 4, offset: 4 + 599_999 },
    });
  });

  it("reads an HTML block followed by a blank line as ended", () => {
    const store = countingStore();
    parseBySection("<!-- note -->\n\n# B\n<div>\n\n# C\n", store);
    expect(store.sets).toEqual(["<!-- note -->\n\n", "# B\n<div>\n\n", "# C\n"]);
  });

  it("takes every section from the store on a second parse, and only an edited one anew", () => {
    const md = "# A\none\n# B\ntwo\n# C\nthree\n";
    const store = countingStore();
    parseBySection(md, store);
    expect(store.sets).toHaveLength(3);
    expect(parseBySection(md, store)).toEqual(fromMarkdown(md));
    expect(store.sets).toHaveLength(3);
    const edited = md.replace("two", "two\nand a half");
    expect(parseBySection(edited, store)).toEqual(fromMarkdown(edited));
    expect(store.sets.slice(3)).toEqual(["# B\ntwo\nand a half\n"]);
  });

  it("moves a known section to where it now stands, leaving the store's tree as it was", () => {
    const store = countingStore();
    parseBySection("# B\n*two*\n", store);
    const kept = structuredClone(store.map.get("# B\n*two*\n"));
    const md = "# A\none\nline\n# B\n*two*\n";
    expect(parseBySection(md, store)).toEqual(fromMarkdown(md));
    expect(store.hits).toBe(1);
    expect(store.map.get("# B\n*two*\n")).toEqual(kept);
  });

  it("names the parser releases that are installed", () => {
    const require = createRequire(import.meta.url);
    /** A package's version, found from its entry file up (`package.json` is not among its exports). */
    const versionFrom = (entry: string, name: string): string => {
      for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
        const file = join(dir, "package.json");
        if (!existsSync(file)) continue;
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name: string; version: string };
        if (pkg.name === name) return `${name}@${pkg.version}`;
      }
      throw new Error(`no package.json of ${name}`);
    };
    const fromMarkdownEntry = require.resolve("mdast-util-from-markdown");
    const inner = createRequire(fromMarkdownEntry);
    const micromarkEntry = inner.resolve("micromark");
    const coreEntry = createRequire(micromarkEntry).resolve("micromark-core-commonmark");
    expect(SECTION_PARSER.split(" ").slice(1)).toEqual([
      versionFrom(fromMarkdownEntry, "mdast-util-from-markdown"),
      versionFrom(micromarkEntry, "micromark"),
      versionFrom(coreEntry, "micromark-core-commonmark"),
    ]);
  });
});

// Lines that open, close or continue blocks across a heading, in every order.
const line = fc.constantFrom(
  "# Heading",
  "## Question 1",
  "#hashtag",
  "text with *emphasis* and `code`",
  "[ref]",
  "[ref]: https://example.com",
  "- item",
  "  continued",
  "1. ordered",
  "> quoted",
  "> - quoted item",
  "  > quoted in an item",
  "  [ref]: /in-an-item",
  "```",
  "  ```",
  "> ```",
  "~~~~ yaml",
  "    indented",
  "<div>",
  "  <div>",
  "<pre>",
  "</pre>",
  "<!--",
  "-->",
  "***",
  "===",
  "",
);
const documents = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean())
  .map(([lines, eol, finalBreak]) => lines.join(eol) + (finalBreak ? eol : ""));

describe("section by section as a whole", { timeout: 120_000 }, () => {
  it("on random documents of lines that open and close blocks around headings", () => {
    fc.assert(
      fc.property(documents, (md) => expectSameAsWhole(md)),
      { numRuns: 1500 },
    );
  });

  it("on random documents with a store filled from another document", () => {
    fc.assert(
      fc.property(documents, documents, (before, md) => {
        const store = countingStore();
        parseBySection(before, store);
        parseBySection(`${before}\n${md}`, store);
        expectSameAsWhole(md, store);
      }),
      { numRuns: 500 },
    );
  });

  const templates = [2023, 2024, 2025, 2026]
    .map((year) => `${SHARED}templates/${year}/README.md`)
    .filter((p) => existsSync(p));
  it.runIf(templates.length > 0)("on every year's template", () => {
    for (const path of templates) expectSameAsWhole(readFileSync(path, "utf8"));
  });

  if (!HAS_CORPUS) console.warn("[sections] ../shared/corpus not found: real reports not compared");
  it.runIf(HAS_CORPUS)("on every real report, and so is its model", () => {
    for (const report of corpusReports()) {
      expectSameAsWhole(report.text);
      const options = { path: report.path };
      expect(parse(report.text, { ...options, sections: countingStore() })).toEqual(
        parse(report.text, options),
      );
    }
  });
});
