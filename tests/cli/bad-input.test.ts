import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("bad input through the built CLI", () => {
  const root = tempTree({
    ...cleanReportFiles("good/"),
    "empty-folder/notes.txt": "nothing here",
    "binary.md": new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]),
    "latin1.md": new Uint8Array([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
    "notes.md": "# Shopping list\n\n* milk\n",
  });

  it("lints a good report clean, exit 0", () => {
    const run = runCli(["lint", "good"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("names each bad path on one line, exit 2, and still lints the others", () => {
    const run = runCli(
      ["lint", "missing.md", "empty-folder", "binary.md", "latin1.md", "good", "--format", "json"],
      root,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "mlops-report: error: missing.md: no such file or folder",
      "mlops-report: error: empty-folder: no report found (looked for reports/README.md and README.md in this folder)",
      "mlops-report: error: binary.md: not a text file (it contains NUL bytes)",
      "mlops-report: error: latin1.md: not UTF-8 text (invalid byte at offset 5)",
    ]);
    const json = JSON.parse(run.stdout);
    expect(json.results.map((r: { filePath: string }) => r.filePath)).toEqual(["good/reports/README.md"]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("gives a markdown file that is not a report one structure finding, exit 1", () => {
    const run = runCli(["lint", "notes.md", "--format", "json"], root);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout).results;
    expect(result.diagnostics).toEqual([
      {
        ruleId: "template/structure",
        severity: "error",
        message: "No `### Question N` headings: this does not look like an exam report",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        question: null,
        checklistItem: null,
      },
    ]);
  });

  it("reports usage errors with exit 2", () => {
    expect(runCli(["lint", "good", "--format", "yaml"], root)).toMatchObject({
      code: 2,
      stderr:
        'mlops-report: error: unknown format "yaml" (known formats: terminal, json, junit, html, sarif, github, compact, csv, csv-students)\n',
    });
    expect(runCli(["lint", "good", "--max-warnings", "x"], root)).toMatchObject({
      code: 2,
      stderr: 'mlops-report: error: --max-warnings takes a whole number of 0 or more, not "x"\n',
    });
    expect(runCli(["frobnicate"], root).code).toBe(2);
  });

  it("starts unknown options and commands with the prefix every other error has", () => {
    const help = "(run mlops-report --help for usage)\n";
    expect(runCli(["lint", "good", "--fromat", "json"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr: `mlops-report: error: unknown option '--fromat'\n(Did you mean --format?)\n${help}`,
    });
    expect(runCli(["frobnicate"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr: `mlops-report: error: unknown command 'frobnicate'\n${help}`,
    });
    expect(runCli(["lint", "--config"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr: `mlops-report: error: option '-c, --config <file>' argument missing\n${help}`,
    });
  });

  it("looks in the current folder without a path", () => {
    expect(runCli(["lint"], `${root}/good`).code).toBe(0);
    expect(runCli(["lint"], `${root}/empty-folder`)).toMatchObject({
      code: 2,
      stderr:
        "mlops-report: error: .: no report found (looked for reports/README.md and README.md in this folder)\n",
    });
  });
});
