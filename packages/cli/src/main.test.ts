import { tempTree } from "@mlops-report/testing/cli";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
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

/**
 * Each export of chevrotain that was used: a function called, a class constructed, extended or asked for a static
 * member, any other export read. The command's bundle loads chevrotain when one of its exports is first read; this
 * records uses rather than reads, as the test runner's module transform reads a superclass as its module loads.
 */
const chevrotainUsed = vi.hoisted(() => new Set<string>());
vi.mock("chevrotain", async (original) => {
  const recording: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(await original<Record<string, unknown>>())) {
    const used = () => chevrotainUsed.add(name);
    if (typeof value === "function") {
      recording[name] = new Proxy(value, {
        apply(target, self, args) {
          used();
          return Reflect.apply(target, self, args);
        },
        construct(target, args, newTarget) {
          used();
          return Reflect.construct(target, args, newTarget);
        },
        get(target, key, receiver) {
          used();
          return Reflect.get(target, key, receiver);
        },
      });
    } else {
      Object.defineProperty(recording, name, {
        enumerable: true,
        get() {
          used();
          return value;
        },
      });
    }
  }
  return recording;
});

function io(cwd = process.cwd()): Io & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    cwd,
    env: { MLOPS_REPORT_CODE_CACHE: "off" },
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
    stdoutIsTTY: false,
  };
}

/** The messages of `checklist/consistency` in a `lint --format json` run's output. */
function consistencyMessages(shown: { out: string[] }): string[] {
  const [result] = (
    JSON.parse(shown.out.join("")) as { results: { diagnostics: { ruleId: string; message: string }[] }[] }
  ).results;
  return result!.diagnostics.filter((d) => d.ruleId === "checklist/consistency").map((d) => d.message);
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

  it("`lint` of a report with a built-in preset uses nothing of chevrotain: its expressions come compiled", async () => {
    const folder = tempTree({
      "README.md": syntheticReport({ year: 2026, checked: ["dvc"], answers: { 10: words(120) } }),
    });
    const shown = io(folder);
    expect(await run(["lint", "README.md", "--format", "json"], shown)).toBe(1);
    expect(consistencyMessages(shown)).toEqual([
      'Checklist line 16 ticks "Setup version control for your data or part of your data (M8)", but Questions 10 and 13 do not mention DVC. Describe it, or untick it',
    ]);
    expect([...chevrotainUsed]).toEqual([]);
  });

  it("`lint` with a config file's own expression uses chevrotain's lexer and parser", async () => {
    const folder = tempTree({
      "README.md": syntheticReport({ year: 2026, answers: { 10: words(120) } }),
      ".mlops-report.yaml": [
        "extends: mlops-report:2026",
        "rules:",
        "  consistency:",
        "    long-q10: { assert: 'words(q10) >= 1000', message: 'Question 10 is short' }",
        "",
      ].join("\n"),
    });
    const shown = io(folder);
    expect(await run(["lint", "README.md", "--format", "json"], shown)).toBe(1);
    expect(consistencyMessages(shown)).toEqual(["Question 10 is short"]);
    expect([...chevrotainUsed].sort()).toEqual(["EmbeddedActionsParser", "Lexer", "createToken"]);
  });
});
