import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@mlops-report/core";
import type { LintResult } from "@mlops-report/rules";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { cacheFile, DEFAULT_CACHE_FILE, LintCache } from "./cache.js";
import { contentHash } from "./cache-key.js";

const { folder } = temporaryFolders();

/** A lint result of a report of this text, without findings. */
function result(text: string): LintResult {
  const report = parse(text);
  return {
    filePath: "shown.md",
    report,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    questionCounts: [],
    group: { text: null, number: null, students: [] },
  };
}

function filled(dir: string) {
  const report = join(dir, "README.md");
  const config = join(dir, "config.yaml");
  writeFileSync(report, "# r");
  writeFileSync(config, "year: 2026\n");
  const { cache } = LintCache.load(join(dir, DEFAULT_CACHE_FILE));
  cache.store(report, {
    key: "k1",
    detail: "full",
    files: [],
    configFiles: [config],
    pluginRules: [],
    result: result("the report's text"),
  });
  cache.save();
  return { report, config, file: join(dir, DEFAULT_CACHE_FILE) };
}

describe("the lint cache", () => {
  it("puts the file in the working folder, at --cache-location, or in the folder it names", () => {
    const dir = folder("cache");
    expect(cacheFile("/w", undefined)).toBe(`/w/${DEFAULT_CACHE_FILE}`);
    expect(cacheFile("/w", "tmp/c.json")).toBe("/w/tmp/c.json");
    expect(cacheFile("/w", "tmp/")).toBe(`/w/tmp/${DEFAULT_CACHE_FILE}`);
    expect(cacheFile("/w", dir)).toBe(join(dir, DEFAULT_CACHE_FILE));
  });

  it("gives back a stored result under the path it is shown with now, while key and config match", () => {
    const dir = folder("cache");
    const { report, config, file } = filled(dir);
    const { cache, problem } = LintCache.load(file);
    expect(problem).toBeNull();
    const hit = cache.lookup(report, "k1", "full", "now/shown.md");
    expect(hit?.result.filePath).toBe("now/shown.md");
    expect(hit?.result.report.source.text).toBe("the report's text");
    // A run that needs no texts gets the model slimmed.
    expect(cache.lookup(report, "k1", "slim", "s.md")?.result.report.source.text).toBe("");
    expect(cache.lookup(report, "k2", "full", "s.md")).toBeNull();
    expect(cache.lookup(join(dir, "other.md"), "k1", "full", "s.md")).toBeNull();
    writeFileSync(config, "year: 2025\n");
    expect(LintCache.load(file).cache.lookup(report, "k1", "full", "s.md")).toBeNull();
  });

  it("does not serve a slim entry to a run that needs the texts", () => {
    const dir = folder("cache");
    const report = join(dir, "README.md");
    writeFileSync(report, "# r");
    const { cache } = LintCache.load(join(dir, "c"));
    cache.store(report, {
      key: "k",
      detail: "slim",
      files: [],
      configFiles: [],
      pluginRules: [],
      result: result(""),
    });
    expect(cache.lookup(report, "k", "slim", "s.md")).not.toBeNull();
    expect(cache.lookup(report, "k", "full", "s.md")).toBeNull();
  });

  it("starts empty without a word when there is no file or it is of another version", () => {
    const dir = folder("cache");
    expect(LintCache.load(join(dir, "none")).problem).toBeNull();
    const { file } = filled(dir);
    const [header, body] = readFileSync(file, "utf8").split("\n") as [string, string];
    writeFileSync(file, `${header.replace(/"version":"[^"]*"/, '"version":"0.0.0-old"')}\n${body}`);
    const { cache, problem } = LintCache.load(file);
    expect(problem).toBeNull();
    expect(cache.lookup(join(dir, "README.md"), "k1", "full", "s")).toBeNull();
  });

  it("ignores a damaged cache of its own and writes it anew", () => {
    const dir = folder("cache");
    const { report, file } = filled(dir);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("the report's text", "the report's test"));
    const damaged = LintCache.load(file);
    expect(damaged.problem).toEqual({ kind: "damaged", reason: "its checksum does not match" });
    expect(damaged.cache.lookup(report, "k1", "full", "s")).toBeNull();
    writeFileSync(file, text.slice(0, text.length / 2));
    expect(LintCache.load(file).problem).toEqual({ kind: "damaged", reason: "its checksum does not match" });
    damaged.cache.store(report, {
      key: "k3",
      detail: "full",
      files: [],
      configFiles: [],
      pluginRules: [],
      result: result("x"),
    });
    damaged.cache.save();
    expect(LintCache.load(file).cache.lookup(report, "k3", "full", "s")).not.toBeNull();
  });

  it("does not use entries of another shape, though their checksum matches", () => {
    const dir = folder("cache");
    const { report, file } = filled(dir);
    const [header, body] = readFileSync(file, "utf8").split("\n") as [string, string];
    const forge = (edit: (result: Record<string, unknown>) => void) => {
      const entries = JSON.parse(body) as Record<string, { result: Record<string, unknown> }>;
      edit(entries[report]!.result);
      const forged = JSON.stringify(entries);
      writeFileSync(
        file,
        `${header.replace(/"sha256":"[0-9a-f]*"/, `"sha256":"${contentHash(forged)}"`)}\n${forged}`,
      );
      return LintCache.load(file);
    };
    expect(forge(() => {}).cache.lookup(report, "k1", "full", "s")).not.toBeNull();
    const wrongShape = { kind: "damaged", reason: "its entries are not of the expected shape" };
    // Optional fields of a result are checked too when present, and a field's values are those the model allows.
    expect(forge((r) => (r.checklist = 5)).problem).toEqual(wrongShape);
    expect(forge((r) => (r.checklistIds = { dvc: "12" })).problem).toEqual(wrongShape);
    expect(forge((r) => (r.errorCount = "1")).problem).toEqual(wrongShape);
    const { cache, problem } = forge(
      (r) => ((r.report as { source: { lineEnding: string } }).source.lineEnding = "cr"),
    );
    expect(problem).toEqual(wrongShape);
    expect(cache.lookup(report, "k1", "full", "s")).toBeNull();
  });

  it("leaves a file that is not its own alone", () => {
    const dir = folder("cache");
    const file = join(dir, "notes.md");
    for (const foreign of ["# my notes\n", '{"tool":"eslint"}\n{}', "\u0000\u0001binary"]) {
      writeFileSync(file, foreign);
      const { cache, problem } = LintCache.load(file);
      expect(problem).toEqual({ kind: "foreign" });
      cache.store(join(dir, "r.md"), {
        key: "k",
        detail: "full",
        files: [],
        configFiles: [],
        pluginRules: [],
        result: result(""),
      });
      cache.save();
      expect(readFileSync(file, "utf8")).toBe(foreign);
    }
    mkdirSync(join(dir, "folder.json"));
    expect(LintCache.load(join(dir, "folder.json")).problem).toEqual({
      kind: "unusable",
      reason: "a folder, not a regular file",
    });
  });

  it("drops the entries of reports that are gone", () => {
    const dir = folder("cache");
    const { report, file } = filled(dir);
    rmSync(report);
    const { cache } = LintCache.load(file);
    cache.prune();
    cache.save();
    writeFileSync(report, "# r");
    expect(LintCache.load(file).cache.lookup(report, "k1", "full", "s")).toBeNull();
  });
});
