import { classFiles } from "@mlops-report/testing/class-folder";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("a class run", { timeout: 120_000 }, () => {
  const root = tempTree({
    ...classFiles(),
    // g7 silences its own finding with an inline comment, which staff grading turns off.
    ...cleanReportFiles("class/g7/", { 7: `<!-- mlops-report-disable answer/word-count -->\n\n${words(5)}` }),
  });

  it("ends the terminal output with the class summary, and prints no progress off a terminal", () => {
    const run = runCli(["lint", "class"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines.slice(lines.indexOf("Class summary: 7 reports, 0 with errors"), -3)).toEqual([
      "Class summary: 7 reports, 0 with errors",
      "  Groups failing each check (with an error · with a warning only)",
      "    Question 3  answer/word-count  0 · 1",
      "    Question 5  answer/word-count  0 · 1",
      "    Question 6  links/local        0 · 1",
      "  Checklist items: groups that ticked each, of the groups whose report has it",
      "    Week 1  Create a git repository (M5)                                     0/7",
      "    Week 1  Remember to either fill out the `requirements.txt`/`requiremen…  0/7",
      "    Week 1  Setup version control for your data or part of your data (M8)    0/7",
      "    Week 1  Construct one or multiple docker files for your code (M10)       0/7",
      "    Week 2  Write unit tests related to the data part of your code (M16)     0/7",
      "    Week 2  Get some continuous integration running on the GitHub reposito…  0/7",
      "    Week 2  Deploy your model in GCP using either Functions or Run as the …  0/7",
      "    Week 2  Load test your application (M24)                                 0/7",
      "    Week 3  Check how robust your model is towards data drifting (M27)       0/7",
      "    Extra   Write some documentation for your application (M32)              0/7",
      "  Most errors",
      "    no group has errors",
    ]);
    expect(lines.at(-2)).toBe("✖ 0 errors, 3 warnings, 7 info in 7 reports · questions answered 217/217");
  });

  it("looks up each group's own config and honours --no-inline-config", () => {
    const findings = (...extra: string[]) =>
      JSON.parse(runCli(["lint", "class", "--format", "json", ...extra], root).stdout).summary.questions;
    expect(findings()).toEqual([
      { question: 3, checks: [{ ruleId: "answer/word-count", errors: 0, warnings: 1 }] },
      { question: 5, checks: [{ ruleId: "answer/word-count", errors: 0, warnings: 1 }] },
      { question: 6, checks: [{ ruleId: "links/local", errors: 0, warnings: 1 }] },
    ]);
    expect(findings("--no-inline-config")).toContainEqual({
      question: 7,
      checks: [{ ruleId: "answer/word-count", errors: 0, warnings: 1 }],
    });
  });

  it("takes a glob of group reports as it takes the class folder", () => {
    const byFolder = runCli(["lint", "class", "--format", "json"], root);
    const byGlob = runCli(["lint", "class/*/reports/README.md", "--format", "json"], root);
    expect(byGlob.stdout).toBe(byFolder.stdout);
  });

  it("lints each report as it lints it alone, whatever was linted before it", () => {
    // An image written in a code span: the one before it sets no state that the next report's parse sees.
    const order = tempTree({
      ...cleanReportFiles("a/", { 6: `${words(110)} \`![diagram](figures/diagram.png)\`` }),
      ...cleanReportFiles("b/", { 7: `${words(60)} \`![b](figures/b.png)\`` }),
    });
    const inCode = (...paths: string[]) =>
      JSON.parse(
        runCli(["lint", ...paths, "--format", "json", "--concurrency", "off"], order).stdout,
      ).results.map(
        (r: { filePath: string; diagnostics: { ruleId: string; question: number }[] }) =>
          `${r.filePath}: ${r.diagnostics.filter((d) => d.ruleId === "image/in-code").map((d) => d.question)}`,
      );
    expect(inCode("b")).toEqual(["b/reports/README.md: 7"]);
    expect(inCode("a", "b")).toEqual(["a/reports/README.md: 6", "b/reports/README.md: 7"]);
    expect(inCode("b", "a")).toEqual(["a/reports/README.md: 6", "b/reports/README.md: 7"]);
  });
});
