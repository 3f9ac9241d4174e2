import { describe, expect, it, vi } from "vitest";
import type { Io } from "./io.js";
import { run } from "./main.js";
import { VERSION } from "./version.js";

/**
 * The packages whose loading costs a cold start most: the report parser, the rules with the config parsers, the
 * reporters, the file watcher and the worker pool. Each records that it was loaded.
 */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock("@mlops-report/core", async (original) => {
  loaded.add("@mlops-report/core");
  return original();
});
vi.mock("@mlops-report/rules", async (original) => {
  loaded.add("@mlops-report/rules");
  return original();
});
vi.mock("@mlops-report/reporters", async (original) => {
  loaded.add("@mlops-report/reporters");
  return original();
});
vi.mock("chokidar", async (original) => {
  loaded.add("chokidar");
  return original();
});
vi.mock("tinypool", async (original) => {
  loaded.add("tinypool");
  return original();
});

function io(): Io & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    cwd: process.cwd(),
    env: {},
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
    stdoutIsTTY: false,
  };
}

// In this order: the modules stay loaded once a command has loaded them.
describe("what a command loads", () => {
  it("--version loads no parser, rule, reporter, watcher or pool", async () => {
    const shown = io();
    expect(await run(["--version"], shown)).toBe(0);
    expect(shown.out.join("")).toBe(`${VERSION}\n`);
    expect([...loaded]).toEqual([]);
  });

  it("--help and a command's --help load none of them either", async () => {
    for (const argv of [["--help"], ["lint", "--help"]]) {
      const shown = io();
      expect(await run(argv, shown)).toBe(0);
      expect(shown.out.join("")).toContain("Usage: mlops-report");
    }
    expect([...loaded]).toEqual([]);
  });

  it("`rules` loads the rules (which bring the core along) and the reporters' text wrapping, no watcher or pool", async () => {
    const shown = io();
    expect(await run(["rules"], shown)).toBe(0);
    expect(shown.out.join("")).toContain("answer/word-count");
    expect([...loaded].sort()).toEqual([
      "@mlops-report/core",
      "@mlops-report/reporters",
      "@mlops-report/rules",
    ]);
  });
});
