import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/** A clean 2026 report with Question 7 too short, and `comments` as its first lines. */
function reportWith(comments: string, config = "extends: mlops-report:2026\n") {
  const files = cleanReportFiles("", { 7: words(10) });
  return tempTree({
    ...files,
    "reports/README.md": `${comments}\n${files["reports/README.md"] as string}`,
    // The unticked checklist's info finding is not this test's business.
    "reports/.mlops-report.yaml": `${config}rules:\n  checklist/marks: off\n`,
  });
}

const lint = (root: string, ...args: string[]) =>
  runCli(["lint", "reports/README.md", "--format", "compact", ...args], root);

describe("disable comments through the built CLI", () => {
  it("reports an unknown rule id at the comment's line, with the nearest id", () => {
    const run = lint(reportWith("<!-- mlops-report-disable answer/wordcount -->"));
    expect(run.stdout.split("\n")[0]).toBe(
      'reports/README.md:1:1: warning Disable comment names "answer/wordcount", which is no rule (did you mean "answer/word-count"?) [inline/disable-comment]',
    );
    // The finding it was meant for is still there.
    expect(run.stdout).toMatch(/warning Question 7 is too short: .* \[answer\/word-count\]\n$/);
    expect(run.code).toBe(0);
  });

  it("says nothing of a disable comment that disables nothing, unless asked", () => {
    const root = reportWith("<!-- mlops-report-disable answer/word-count image/exists -->");
    expect(lint(root)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(lint(root, "--report-unused-disable-directives")).toEqual({
      code: 1,
      stdout:
        'reports/README.md:1:1: error Unused disable comment for "image/exists": no such finding is reported where it applies [inline/disable-comment]\n',
      stderr: "",
    });
  });

  it("takes the severity of reportUnusedDisableDirectives from the config, and shows it in --print-config", () => {
    const root = reportWith(
      "<!-- mlops-report-disable -->\n<!-- mlops-report-enable -->",
      "reportUnusedDisableDirectives: true\n",
    );
    expect(lint(root)).toEqual({
      code: 0,
      stdout:
        "reports/README.md:1:1: warning Unused disable comment: no finding is reported where it applies [inline/disable-comment]\n" +
        "reports/README.md:133:1: warning Question 7 is too short: 10 words as the course checker counts them, expected 50-100 [answer/word-count]\n",
      stderr: "",
    });
    const printed = runCli(["lint", "--print-config", "reports/README.md"], root);
    expect(JSON.parse(printed.stdout)).toMatchObject({ reportUnusedDisableDirectives: "warning" });
  });

  it("ignores the comments, and reports none of them, with --no-inline-config", () => {
    const root = reportWith("<!-- mlops-report-disable answer/wordcount image/exists -->");
    const run = lint(root, "--no-inline-config", "--report-unused-disable-directives");
    expect(run.stdout).toMatch(/^reports\/README\.md:\d+:1: warning Question 7 is too short: .*\n$/);
  });

  it("refuses a bad reportUnusedDisableDirectives in the config, with its line", () => {
    const root = reportWith("", "reportUnusedDisableDirectives: warn\n");
    const run = lint(root);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      "reports/.mlops-report.yaml:1:32: reportUnusedDisableDirectives must be one of error, warning, info, off, not warn (did you mean `warning`?)",
    );
  });
});
