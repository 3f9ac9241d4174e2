import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { serialize } from "node:v8";
import { parse, SECTION_PARSER } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { tempTree } from "../../../tests/support/cli.js";
import { syntheticReport, words } from "../../../tests/support/synthetic.js";
import { type LintSettings, ReportLinter } from "./lint-one.js";
import { loadSectionCache, SectionCache, saveSectionCache, sectionCacheFile } from "./section-cache.js";

const REPORT = "/group/reports/README.md";
const text = syntheticReport({ year: 2026, answers: { 1: "42", 7: words(60) } });

/** Parses `md` through `cache` and says how many sections it had to parse. */
function parsedSections(md: string, cache: SectionCache): number {
  let parsed = 0;
  const counting = {
    get: (section: string) => cache.get(section),
    set: (section: string, tree: Parameters<SectionCache["set"]>[1]) => {
      parsed++;
      cache.set(section, tree);
    },
  };
  parse(md, { sections: counting });
  return parsed;
}

describe("SectionCache", () => {
  it("keeps from one run to the next only the sections the last run used", () => {
    const cache = new SectionCache();
    const all = parsedSections(text, cache);
    expect(all).toBeGreaterThan(30);
    cache.nextRun();
    expect(parsedSections(text, cache)).toBe(0);
    expect(cache.hasChanged).toBe(false);
    const edited = text.replace(words(60), words(61));
    cache.nextRun();
    expect(parsedSections(edited, cache)).toBe(1);
    expect(cache.hasChanged).toBe(true);
    expect(cache.sections.size).toBe(all);
  });
});

describe("the section cache on disk", () => {
  const saved = () => {
    const folder = join(tempTree({}), "cache");
    const cache = loadSectionCache(folder, REPORT);
    parsedSections(text, cache);
    saveSectionCache(folder, REPORT, cache);
    return { folder, file: sectionCacheFile(folder, REPORT) };
  };

  it("gives the next run of the report every section it parsed, and is not rewritten unchanged", () => {
    const { folder, file } = saved();
    expect(readdirSync(folder)).toEqual([file.slice(folder.length + 1)]);
    const written = statSync(file);
    utimesSync(file, 1_000, 1_000);
    const next = loadSectionCache(folder, REPORT);
    expect(parsedSections(text, next)).toBe(0);
    saveSectionCache(folder, REPORT, next);
    // The same file, marked as used now for pruning.
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBeGreaterThan(1_000_000);
    expect(parsedSections(text, loadSectionCache(folder, "/other/reports/README.md"))).toBeGreaterThan(30);
  });

  it("ignores a damaged file, one for another parser and one of another shape, and writes it anew", () => {
    const { folder, file } = saved();
    const whole = readFileSync(file);
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 7]! ^= 0xff;
    const foreign = (content: unknown) => {
      const bytes = serialize(content);
      return Buffer.concat([createHash("sha256").update(bytes).digest(), bytes]);
    };
    for (const bytes of [
      damaged,
      Buffer.from("short"),
      foreign({ parser: "sections/0", entries: [] }),
      foreign({ parser: SECTION_PARSER, entries: [["# A\n", { children: "no" }]] }),
      foreign(["not", "an", "object"]),
    ]) {
      writeFileSync(file, bytes);
      const cache = loadSectionCache(folder, REPORT);
      expect(parsedSections(text, cache)).toBeGreaterThan(30);
      saveSectionCache(folder, REPORT, cache);
      expect(readFileSync(file).equals(whole)).toBe(true);
    }
  });

  it("reads only a regular file in its place, so that a FIFO cannot hang the run", () => {
    const folder = join(tempTree({}), "cache");
    mkdirSync(folder);
    execFileSync("mkfifo", [sectionCacheFile(folder, REPORT)]);
    expect(parsedSections(text, loadSectionCache(folder, REPORT))).toBeGreaterThan(30);
  });

  it("never throws when the folder cannot be made", () => {
    const root = tempTree({ "file-in-the-way": "" });
    const folder = join(root, "file-in-the-way", "cache");
    const cache = loadSectionCache(folder, REPORT);
    parsedSections(text, cache);
    expect(() => saveSectionCache(folder, REPORT, cache)).not.toThrow();
    expect(existsSync(folder)).toBe(false);
  });

  it("keeps the sections of the sixteen reports linted last", () => {
    const folder = join(tempTree({}), "cache");
    for (let i = 0; i < 17; i++) {
      const report = `/group-${i}/reports/README.md`;
      const cache = loadSectionCache(folder, report);
      parsedSections(`# Report ${i}\n`, cache);
      saveSectionCache(folder, report, cache);
      utimesSync(sectionCacheFile(folder, report), 1_000 + i, 1_000 + i);
    }
    const kept = readdirSync(folder).sort();
    const expected = Array.from({ length: 16 }, (_, i) =>
      sectionCacheFile(folder, `/group-${i + 1}/reports/README.md`),
    );
    expect(kept).toEqual(expected.map((f) => f.slice(folder.length + 1)).sort());
  });
});

describe("ReportLinter with a section cache folder", () => {
  it("lints a report as without one, on its first run, its next, and after an edit", async () => {
    const root = tempTree({ "reports/README.md": text });
    const path = join(root, "reports/README.md");
    const base: LintSettings = {
      cwd: root,
      choice: { allowPlugins: false },
      inlineConfig: true,
      detail: "full",
      cacheFile: null,
      fix: false,
    };
    const lint = async (settings: LintSettings) => {
      const linter = new ReportLinter(settings);
      const outcome = await linter.lint({ path, shown: "reports/README.md", config: linter.locate(path) });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.result;
    };
    const folder = join(root, "cache");
    const cached = { ...base, sectionCacheFolder: folder };
    const plain = await lint(base);
    expect(await lint(cached)).toEqual(plain);
    expect(existsSync(sectionCacheFile(folder, path))).toBe(true);
    expect(await lint(cached)).toEqual(plain);
    writeFileSync(path, text.replace(words(60), words(5)));
    const edited = await lint(cached);
    expect(edited).toEqual(await lint(base));
    expect(
      edited.diagnostics.some((d) => d.ruleId === "answer/word-count" && d.message.includes("5 words")),
    ).toBe(true);
  });
});
