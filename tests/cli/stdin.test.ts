import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/** A clean 2026 report, its figures under reports/figures/, with the checklist's info finding turned off. */
const files = cleanReportFiles();
const text = files["reports/README.md"] as string;
const root = tempTree({
  ...files,
  "reports/.mlops-report.yaml": "extends: mlops-report:2026\nrules:\n  checklist/marks: off\n",
});
const stdin = (args: string[], input: string | Uint8Array) =>
  runCli(["lint", "-", "--format", "compact", ...args], root, {}, { input });

describe("standard input through the built CLI", () => {
  it("lints text piped in as if it stood at --stdin-filename: figures and config found from there", () => {
    expect(stdin(["--stdin-filename", "reports/README.md"], text)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("shows the path --stdin-filename gives, and the edited text's findings, not the file's", () => {
    const edited = text.replace("![w](figures/w.png)", "![w](figures/W.png)");
    const run = stdin(["--stdin-filename", "reports/README.md"], edited);
    expect(run.stdout).toMatch(
      /^reports\/README\.md:\d+:1: error Image "figures\/W\.png" not found: the file is named reports\/figures\/w\.png, and GitHub matches letter case \[image\/exists\]\n$/,
    );
    expect(run.code).toBe(1);
  });

  it("without --stdin-filename, stands in the working folder and is shown as <stdin>", () => {
    const run = stdin([], cleanReportFiles("", { 7: words(10) })["reports/README.md"] as string);
    // From the working folder, the report's figures are not found, and the preset is the detected year's.
    expect(run.stdout).toMatch(/^<stdin>:\d+:1: warning Question 7 is too short: 10 words/m);
    expect(run.stdout).toMatch(/^<stdin>:\d+:1: error Image "figures\/w\.png" not found/m);
    expect(run.code).toBe(1);
  });

  it("names standard input in one line for bytes that are no text, exit code 2", () => {
    expect(stdin([], new Uint8Array([0x23, 0x00, 0x41]))).toEqual({
      code: 2,
      stdout: "",
      stderr: "mlops-report: error: <stdin>: not a text file (it contains NUL bytes)\n",
    });
    expect(stdin(["--stdin-filename", "reports/README.md"], new Uint8Array([0x23, 0xff]))).toEqual({
      code: 2,
      stdout: "",
      stderr: "mlops-report: error: reports/README.md: not UTF-8 text (invalid byte at offset 1)\n",
    });
  });

  it("is refused with --fix, and --stdin-filename without -, in one line, exit code 2", () => {
    expect(stdin(["--fix"], text)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "mlops-report: error: --fix cannot write a report read from standard input (-): --fix-dry-run shows its fixes as a patch\n",
    });
    expect(runCli(["lint", "reports/README.md", "--stdin-filename", "x.md"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "mlops-report: error: --stdin-filename names the report read from standard input: give - as the path to lint\n",
    });
  });

  it("shows the fixes of piped text as a patch with --fix-dry-run, and writes nothing", () => {
    const edited = text.replace("![w](figures/w.png)", "![w](figures/W.png)");
    const run = stdin(["--stdin-filename", "reports/README.md", "--fix-dry-run"], edited);
    expect(run.stdout).toContain("--- a/reports/README.md\n+++ b/reports/README.md\n");
    expect(run.stdout).toContain("-![w](figures/W.png)\n+![w](figures/w.png)\n");
    expect(run.code).toBe(0);
  });
});
