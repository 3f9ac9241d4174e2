import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { classFiles, debugLines } from "@mlops-report/testing/class-folder";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/** Lines of lists nested 20 deep: the markdown parser takes seconds per 10 KB of them, minutes for a megabyte. */
const NESTED_LISTS = `${"- ".repeat(20)}x\n`.repeat(24_000);
const HOSTILE = "class/hostile/reports/README.md";
const OVER_LIMIT = `mlops-report: error: ${HOSTILE}: not linted: it took longer than the time limit of 2 s per report (--time-limit)`;

describe("the time limit in a class run", { timeout: 300_000 }, () => {
  const root = tempTree({
    ...classFiles(),
    ...Object.assign({}, ...[7, 8, 9, 10, 11, 12].map((n) => cleanReportFiles(`class/g${n}/`))),
    ...cleanReportFiles("class/hostile/", { 1: NESTED_LISTS }),
  });
  const good = Array.from({ length: 12 }, (_, i) => `class/g${i + 1}/reports/README.md`).sort();

  it("holds a report of a megabyte of nested lists within its size limit", () => {
    expect(statSync(join(root, HOSTILE)).size).toBeGreaterThan(1_000_000);
    expect(statSync(join(root, HOSTILE)).size).toBeLessThanOrEqual(1024 * 1024);
  });

  // With `auto` on two cores every report is linted in the main thread; on more, in worker threads: the same run.
  it.each([["auto"], ["off"]])(
    "gives up the hostile report at the limit with --concurrency %s and writes every other result",
    (concurrency) => {
      const out = (name: string) => join(root, `out-${concurrency}`, name);
      const run = runCli(
        [
          "lint",
          "class",
          "--concurrency",
          concurrency,
          "--time-limit",
          "2",
          "--format",
          `json=${out("results.json")}`,
          "--format",
          `junit=${out("junit.xml")}`,
          "--format",
          `html=${out("report.html")}`,
        ],
        root,
        { MLOPS_REPORT_DEBUG: "1" },
      );
      expect(run.stderr.split("\n").filter((line) => line.startsWith("mlops-report: error:"))).toEqual([
        OVER_LIMIT,
      ]);
      expect(debugLines(run.stderr).at(-1)).toMatch(/^12 parsed, 0 from the cache, \d+ worker threads$/);
      expect(run.code).toBe(2);
      const json = JSON.parse(readFileSync(out("results.json"), "utf8"));
      expect(json.results.map((r: { filePath: string }) => r.filePath)).toEqual(good);
      const junit = readFileSync(out("junit.xml"), "utf8");
      const html = readFileSync(out("report.html"), "utf8");
      for (const path of good) {
        expect(junit).toContain(`name="${path}"`);
        expect(html).toContain(path);
      }
      expect(junit).not.toContain(HOSTILE);
    },
  );

  it("gives up the hostile report linted alone, in the main thread", () => {
    const run = runCli(["lint", "class/hostile", "--time-limit", "2"], root, { MLOPS_REPORT_DEBUG: "1" });
    expect(run.stderr.split("\n").filter((line) => !line.startsWith("mlops-report: debug:"))).toEqual([
      OVER_LIMIT,
      "",
    ]);
    expect(debugLines(run.stderr)).toEqual(["0 parsed, 0 from the cache, 0 worker threads"]);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  });
});
