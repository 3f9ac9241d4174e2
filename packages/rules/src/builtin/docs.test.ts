import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listRules } from "../index.js";
import { builtinRules } from "./index.js";

/** The repository root, four levels above this folder; rules name their docs pages relative to it. */
const ROOT = new URL("../../../../", import.meta.url);
const RULES_DIR = fileURLToPath(new URL("docs/rules/", ROOT));
const read = (docs: string): string => readFileSync(new URL(docs, ROOT), "utf8");

const SECTIONS = ["## What it checks", "## Why it matters", "## Options", "## Examples", "## Messages"];

/** The cells of a markdown table row, trimmed; the formatter pads them to the column's width. */
const cells = (line: string): string[] =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

/** `| [\`id\`](page) | \`severity\` | description |` rows of the README's table. */
function readmeRows(): { id: string; page: string; severity: string; description: string }[] {
  return readFileSync(`${RULES_DIR}README.md`, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("| [`"))
    .map((line) => {
      // A description may hold `|` only escaped; none does.
      const [rule = "", severity = "", description = ""] = cells(line);
      const m = /^\[`([^`]+)`\]\(([^)]+)\)$/.exec(rule);
      if (!m) throw new Error(`README row not in the table's shape: ${line}`);
      return { id: m[1]!, page: m[2]!, severity: severity.replace(/`/g, ""), description };
    });
}

/** Every `.md` page under docs/rules, as `docs/rules/...` paths, README left out. */
function pages(dir = RULES_DIR, prefix = "docs/rules/"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? pages(`${dir}${e.name}/`, `${prefix}${e.name}/`)
      : e.name.endsWith(".md") && e.name !== "README.md"
        ? [`${prefix}${e.name}`]
        : [],
  );
}

describe("docs/rules", () => {
  it("has a page for every rule, titled with its id, opening with its description and stating its severity", () => {
    for (const meta of listRules()) {
      expect(existsSync(new URL(meta.docs, ROOT)), meta.docs).toBe(true);
      const lines = read(meta.docs).split("\n");
      expect(lines[0], meta.docs).toBe(`# \`${meta.id}\``);
      expect(lines[2], meta.docs).toBe(`${meta.description}.`);
      expect(lines[4], meta.docs).toMatch(
        new RegExp(`^\\*\\*Default severity:\\*\\* \`${meta.defaultSeverity}\``),
      );
    }
  });

  it("gives every page the same sections, in order", () => {
    for (const meta of listRules()) {
      const text = read(meta.docs);
      const at = SECTIONS.map((s) => text.indexOf(`\n${s}\n`));
      expect(at.every((i) => i > 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), meta.docs).toBe(true);
    }
  });

  it("says `fixable` and has a Fix section, before the examples, exactly for fixable rules", () => {
    for (const meta of listRules()) {
      const text = read(meta.docs);
      const fixable = meta.fixable === true;
      expect(text.split("\n")[4]!.endsWith(" · fixable"), meta.docs).toBe(fixable);
      const fix = text.indexOf("\n## Fix\n");
      expect(fix > text.indexOf("\n## Options\n") && fix < text.indexOf("\n## Examples\n"), meta.docs).toBe(
        fixable,
      );
    }
  });

  it("names every option of a rule with its default, and says None for a rule without options", () => {
    for (const rule of builtinRules) {
      const text = read(rule.meta.docs);
      const options = text.slice(text.indexOf("\n## Options\n"), text.search(/\n## (?:Fix|Examples)\n/));
      const schema = Object.entries(rule.options);
      if (schema.length === 0) expect(options, rule.meta.docs).toContain("\nNone");
      const rows = options
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .map(cells);
      for (const [name, option] of schema) {
        const row = rows.find((r) => r[0] === `\`${name}\``);
        expect(row, `${rule.meta.docs}: ${name}`).toBeDefined();
        expect(row?.[2], `${rule.meta.docs}: ${name}`).toBe(`\`${String(option.default)}\``);
      }
      expect(rows.length, rule.meta.docs).toBe(schema.length);
    }
  });

  it("lists every rule in the README table, with its page, severity and description, and nothing else", () => {
    const expected = listRules().map((meta) => ({
      id: meta.id,
      page: meta.docs.replace(/^docs\/rules\//, ""),
      severity: meta.defaultSeverity,
      description: meta.description,
    }));
    expect(readmeRows()).toEqual(expected);
  });

  it("has no page for a rule that does not exist", () => {
    expect(pages().sort()).toEqual(
      listRules()
        .map((meta) => meta.docs)
        .sort(),
    );
  });
});
