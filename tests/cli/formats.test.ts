import { readFileSync } from "node:fs";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

// One warning (Question 7 too long); every other question is unanswered (errors).
const report = syntheticReport({ year: 2026, answers: { 7: words(120) } });

describe("several outputs in one run", () => {
  it("writes each format where it is told, terminal on standard output", () => {
    const root = tempTree({ "reports/README.md": report });
    const run = runCli(
      [
        "lint",
        ".",
        "--format",
        "terminal",
        "--format",
        "junit=out/junit.xml",
        "--format",
        "sarif=out/r.sarif",
        "--format",
        "json=r.json",
      ],
      root,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("reports/README.md");
    const json = JSON.parse(readFileSync(`${root}/r.json`, "utf8"));
    expect(json.schemaVersion).toBe(1);
    expect(json.results[0].warningCount).toBe(1);
    expect(readFileSync(`${root}/out/junit.xml`, "utf8")).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(`${root}/out/r.sarif`, "utf8")).version).toBe("2.1.0");
  });

  it("--junit-warnings turns warnings into JUnit failures", () => {
    const root = tempTree({ "reports/README.md": report });
    const failures = (extra: string[]) => {
      runCli(["lint", ".", "--format", "junit=j.xml", ...extra], root);
      return Number(/<testsuites [^>]*failures="(\d+)"/.exec(readFileSync(`${root}/j.xml`, "utf8"))![1]);
    };
    // 30 unanswered questions fail either way; Question 7's length warning only with the flag.
    expect(failures([])).toBe(30);
    expect(failures(["--junit-warnings"])).toBe(31);
  });

  it("--max-warnings and --quiet", () => {
    // Clean but for two warnings: Questions 7 and 12 too long.
    const root = tempTree(cleanReportFiles("", { 7: words(120), 12: words(120) }));
    const base = runCli(["lint", ".", "--format", "json"], root);
    const json = JSON.parse(base.stdout).results[0];
    expect([json.errorCount, json.warningCount]).toEqual([0, 2]);
    expect(runCli(["lint", ".", "--max-warnings", String(json.warningCount)], root).code).toBe(0);
    const over = runCli(["lint", ".", "--max-warnings", String(json.warningCount - 1)], root);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(
      `mlops-report: error: ${json.warningCount} warnings, more than --max-warnings ${json.warningCount - 1} allows\n`,
    );
    expect(
      JSON.parse(runCli(["lint", ".", "--quiet", "--format", "json"], root).stdout).results[0].diagnostics,
    ).toEqual([]);
  });
});
