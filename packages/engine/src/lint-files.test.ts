import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { Engine, type RunLog, type RunOptions, type RunResult } from "./lint-files.js";

const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  choice: { allowPlugins: false },
  inlineConfig: true,
  detail: "slim",
  fix: "off",
  timeLimitSeconds: 600,
  concurrency: "off",
  quiet: false,
  ...overrides,
});

/** A log that keeps what the run told, in order. */
function recordingLog(): RunLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    note: (message) => lines.push(`note: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

/** The paths of a run's results, in their order. */
const resultPaths = ({ results }: RunResult) =>
  Array.from({ length: results.length }, (_, index) => results.filePath(index));

/** Lines of lists nested 20 deep: the markdown parser takes minutes for a megabyte of them (within the size limit). */
const NESTED_LISTS = `${"- ".repeat(20)}x\n`.repeat(24_000);

describe("Engine.lintFiles", () => {
  it("gives up a report over its time limit in the main thread, and lints the others", async () => {
    const root = tempTree({
      ...cleanReportFiles("class/a/"),
      ...cleanReportFiles("class/b/", { 1: NESTED_LISTS }),
      ...cleanReportFiles("class/c/"),
    });
    const engine = new Engine(root, options({ timeLimitSeconds: 5 }));
    const run = await engine.lintFiles(["class"], recordingLog());
    expect(run.stats.workers).toBe(0);
    expect(run.problems).toEqual([
      {
        message:
          "class/b/reports/README.md: not linted: it took longer than the time limit of 5 s per report (--time-limit)",
        alreadyFormatted: false,
      },
    ]);
    expect(resultPaths(run)).toEqual(["class/a/reports/README.md", "class/c/reports/README.md"]);
  });

  it("names the inputs that gave nothing to lint in the order given, and sorts the results by path", async () => {
    const root = tempTree({ ...cleanReportFiles("z/"), ...cleanReportFiles("a/") });
    const run = await new Engine(root, options()).lintFiles(["z", "missing", "a", "*.none"], recordingLog());
    expect(run.problems.map((problem) => problem.message)).toEqual([
      "missing: no such file or folder",
      "*.none: no report matches this pattern",
    ]);
    expect(resultPaths(run)).toEqual(["a/reports/README.md", "z/reports/README.md"]);
    expect(run.reports).toEqual([join(root, "z/reports/README.md"), join(root, "a/reports/README.md")]);
    expect(run.rules.map((rule) => rule.id)).toContain("answer/word-count");
  });

  it("writes the fixes and tells of each; a dry run makes them and writes nothing", async () => {
    const files = cleanReportFiles("", { 19: "Our bucket: `![b](figures/b.png)`" });
    const report = "reports/README.md";
    for (const fix of ["dry-run", "write"] as const) {
      const root = tempTree(files);
      const log = recordingLog();
      const run = await new Engine(root, options({ fix })).lintFiles(["."], log);
      expect(run.fixes.map(({ shown, count }) => ({ shown, count }))).toEqual([{ shown: report, count: 1 }]);
      expect(run.fixesWritten).toBe(true);
      const text = readFileSync(join(root, report), "utf8");
      expect(text).toBe(fix === "write" ? run.fixes[0]!.after : run.fixes[0]!.before);
      expect(log.lines).toEqual(fix === "write" ? [`note: ${report}: fixed 1 finding`] : []);
    }
  });

  it("keeps a class's results packed, each read anew as it was linted; with quiet, errors only", async () => {
    const root = tempTree({
      ...cleanReportFiles("class/a/", { 7: words(150) }),
      ...cleanReportFiles("class/b/", { 3: "", 7: words(150) }),
    });
    const run = await new Engine(root, options()).lintFiles(["class"], recordingLog());
    const { results } = run;
    expect(results.read(0)).not.toBe(results.read(0));
    expect(results.read(0)).toEqual(results.read(0));
    const alone = await new Engine(root, options()).lintFiles(["class/a"], recordingLog());
    expect(results.read(0)).toEqual(alone.results.read(0));
    const all = [results.read(0), results.read(1)];
    expect(results.errorCount).toBe(all[0]!.errorCount + all[1]!.errorCount);
    expect(results.warningCount).toBe(all[0]!.warningCount + all[1]!.warningCount);
    expect(results.warningCount).toBeGreaterThan(0);
    expect(all[1]!.errorCount).toBeGreaterThan(0);
    const quiet = (await new Engine(root, options({ quiet: true })).lintFiles(["class"], recordingLog()))
      .results;
    expect(quiet.warningCount).toBe(0);
    expect(quiet.errorCount).toBe(results.errorCount);
    expect(quiet.read(1).diagnostics).toEqual(all[1]!.diagnostics.filter((d) => d.severity === "error"));
  });
});
