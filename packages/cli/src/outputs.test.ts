import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inBlocks, parseOutputs, writeOutputParts } from "./outputs.js";

describe("--format and --output", () => {
  it("defaults to the terminal on standard output", () => {
    expect(parseOutputs([], undefined, "/w")).toEqual([{ format: "terminal", file: null }]);
  });

  it("sends formats with =FILE to files and at most one to standard output", () => {
    expect(parseOutputs(["terminal", "junit=out/junit.xml", "sarif=/abs/r.sarif"], undefined, "/w")).toEqual([
      { format: "terminal", file: null },
      { format: "junit", file: "/w/out/junit.xml" },
      { format: "sarif", file: "/abs/r.sarif" },
    ]);
  });

  it("--output names the file of the one format that has none", () => {
    expect(parseOutputs(["json"], "r.json", "/w")).toEqual([{ format: "json", file: "/w/r.json" }]);
  });

  it("refuses unknown formats and two formats on standard output", () => {
    expect(() => parseOutputs(["xml"], undefined, "/w")).toThrow(
      'unknown format "xml" (known formats: terminal, json, junit, html, sarif, github, compact, csv, csv-students)',
    );
    expect(() => parseOutputs(["json", "github"], undefined, "/w")).toThrow(
      "formats json and github would both print to standard output: give all but one a file (--format name=FILE)",
    );
  });

  it("takes a value ending in / or naming an existing folder as a folder, for html alone", () => {
    const cwd = mkdtempSync(join(tmpdir(), "mlops-report-outputs-"));
    mkdirSync(join(cwd, "pages"));
    expect(parseOutputs(["html=out/", "html=pages", "html=one.html"], undefined, cwd)).toEqual([
      { format: "html", file: join(cwd, "out"), folder: true },
      { format: "html", file: join(cwd, "pages"), folder: true },
      { format: "html", file: join(cwd, "one.html") },
    ]);
    expect(() => parseOutputs(["json=pages"], undefined, cwd)).toThrow(
      "--format json=pages: a folder; only html writes a folder of pages, json writes one file (name a file)",
    );
  });

  it("takes a path under a file as a file, whose writing then names it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "mlops-report-outputs-"));
    writeFileSync(join(cwd, "notes.txt"), "");
    expect(parseOutputs(["json=notes.txt/r.json", "html=notes.txt/page"], undefined, cwd)).toEqual([
      { format: "json", file: join(cwd, "notes.txt", "r.json") },
      { format: "html", file: join(cwd, "notes.txt", "page") },
    ]);
  });
});

describe("an output written in parts", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "mlops-report-parts-"));

  it("joins small parts into blocks of 64 K characters and more, and gives no block for no text", () => {
    const parts = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(20_000));
    const blocks = [...inBlocks(parts)];
    expect(blocks.join("")).toBe(parts.join(""));
    expect(blocks.map((block) => block.length)).toEqual([80_000, 80_000, 40_000]);
    expect([...inBlocks(["", ""])]).toEqual([]);
  });

  it("writes the parts, multi-byte text whole, into folders it makes; no text makes an empty file", () => {
    const file = join(folder(), "out", "deep", "r.json");
    const parts = ["{", "é".repeat(70_000), "😀", "}\n"];
    writeOutputParts(file, parts, "out/deep/r.json");
    expect(readFileSync(file, "utf8")).toBe(parts.join(""));
    writeOutputParts(file, [], "r.json");
    expect(readFileSync(file, "utf8")).toBe("");
  });

  it("names the file in one line when it cannot be written, and lets a reporter's error through as it is", () => {
    const root = folder();
    writeFileSync(join(root, "file"), "");
    expect(() => writeOutputParts(join(root, "file", "r.json"), ["x"], "file/r.json")).toThrow(
      /^file\/r\.json: cannot write/,
    );
    const broken = function* () {
      yield "{";
      throw new Error("a reporter's bug");
    };
    const target = join(root, "r.json");
    expect(() => writeOutputParts(target, broken(), "r.json")).toThrow("a reporter's bug");
    expect(existsSync(target)).toBe(false);
  });
});
