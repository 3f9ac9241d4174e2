import { classCwd, classResults } from "@mlops-report/testing/class";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext, makeReport, makeResult, makeSection } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";
import { displayWidth } from "./text-width.js";

const plain = makeContext({ color: false });
const colored = makeContext({ color: true });
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ansi = /\u001b\[[0-9;]*m/g;

function small() {
  const report = makeReport({
    questionCount: 3,
    questions: [
      { number: 1, line: 10 },
      { number: 2, line: 20, wordBounds: { min: 10, max: 20 }, words: 4 },
      { number: 3, line: 30, state: "placeholder" },
    ],
  });
  return makeResult("/home/student/project/reports/README.md", report, [
    { ruleId: "answer/filled", message: "Question 3 is not answered", line: 34, question: 3 },
    {
      ruleId: "answer/word-count",
      severity: "warning",
      message: "Question 2 has 4 words",
      line: 24,
      question: 2,
    },
    { ruleId: "template/structure", message: "Question 4 is missing", line: 40, question: 4 },
    {
      ruleId: "checklist/marks",
      severity: "info",
      message: "Mark [%] is unusual",
      line: 5,
      checklistItem: "dvc",
    },
  ]);
}

describe("terminal reporter", () => {
  it("groups by file, then report-wide, then questions in report order, then absent questions", () => {
    expect(terminal([small()], plain)).toBe(
      [
        "reports/README.md (2026 template, 2/3 questions answered)",
        "  Report-wide",
        "    5:1   info     Mark [%] is unusual  checklist/marks",
        "  Question 2 (answer at line 24)",
        "    24:1  warning  Question 2 has 4 words  answer/word-count",
        "  Question 3 (answer at line 34)",
        "    34:1  error    Question 3 is not answered  answer/filled",
        "  Question 4 (not in the report)",
        "    40:1  error    Question 4 is missing  template/structure",
        "",
        "✖ 2 errors, 1 warning, 1 info · questions answered 2/3",
        "",
      ].join("\n"),
    );
  });

  it("says so when a report has no problems, and sums several reports", () => {
    const clean = makeResult("b.md", makeReport({ questions: [{ number: 1, line: 3 }] }));
    const lines = terminal([small(), clean], plain).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "b.md (2026 template, 1/1 questions answered)",
      "  no problems",
      "",
      "reports/README.md (2026 template, 2/3 questions answered)",
    ]);
    expect(lines.slice(-2)).toEqual([
      "✖ 2 errors, 1 warning, 1 info in 2 reports · questions answered 3/4",
      "",
    ]);
    expect(terminal([clean], plain).split("\n").at(-2)).toBe(
      "✔ 0 errors, 0 warnings · questions answered 1/1",
    );
  });

  it("counts the findings --fix can fix below the totals", () => {
    const result = small();
    const fix = { start: 0, end: 1, text: "" };
    result.diagnostics[0]!.fix = fix;
    result.diagnostics[1]!.fix = fix;
    expect(terminal([result], plain).split("\n").slice(-3)).toEqual([
      "✖ 2 errors, 1 warning, 1 info · questions answered 2/3",
      "  2 findings can be fixed with --fix (to see the changes first: --fix-dry-run)",
      "",
    ]);
  });

  it("matches the snapshot without colour", async () => {
    const output = terminal([exampleResult()], plain);
    expect(output).not.toMatch(ansi);
    await expect(output).toMatchFileSnapshot("__snapshots__/terminal-plain.txt");
  });

  it("matches the snapshot with colour, which differs from plain only by escape sequences", async () => {
    const output = terminal([exampleResult()], colored);
    expect(output).toContain("\u001b[31merror  \u001b[39m");
    expect(output).toContain("\u001b[33mwarning\u001b[39m");
    expect(output.replace(ansi, "")).toBe(terminal([exampleResult()], plain));
    await expect(output).toMatchFileSnapshot("__snapshots__/terminal-color.ansi");
  });

  it("keeps every line within 80 columns whatever the text", () => {
    const long = "x".repeat(120);
    const report = makeReport({
      path: long,
      questions: [{ number: 9, line: 100000, section: long }],
    });
    const result = makeResult(`reports/${"deep/".repeat(30)}README.md`, report, [
      {
        ruleId: `custom/${"very-long-rule-name-".repeat(5)}`,
        message: `See https://example.org/${"segment/".repeat(20)} and 日本語の文章 🎉🎉🎉 ${"word ".repeat(40)}`,
        line: 123456,
        column: 7890,
        question: 9,
      },
      { ruleId: "answer/filled", message: "short", line: 1, column: 1, question: 9 },
    ]);
    const output = terminal([result], colored).replace(ansi, "");
    for (const line of output.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(output).toContain("123456:7890  error    See");
  });

  it("ends a run of several reports with the class summary, before the totals", () => {
    const output = terminal(classResults(), makeContext({ cwd: classCwd, color: false }));
    const lines = output.split("\n");
    expect(lines.slice(lines.indexOf("Class summary: 3 reports, 2 with errors"))).toEqual([
      "Class summary: 3 reports, 2 with errors",
      "  Groups failing each check (with an error · with a warning only)",
      "    Report-wide  checklist/consistency  0 · 1",
      "    Question 2   answer/format          1 · 0",
      "    Question 14  answer/word-count      1 · 1",
      "                 image/exists           1 · 0",
      "    Question 27  answer/filled          1 · 0",
      "  Checklist items: groups that ticked each, of the groups whose report has it",
      "    Week 1  Create a git repository (M5)                                     3/3",
      "    Week 1  Setup version control for your data (M8)                         1/2",
      "    Week 2  Write unit tests (M16)                                           1/2",
      "    Extra   Write documentation (M32)                                        0/1",
      "  Most errors",
      // A group is named by its repository folder.
      "    3 errors, 2 warnings  group-a",
      "    2 errors, 1 warning   group-b",
      "",
      "✖ 5 errors, 3 warnings, 1 info in 3 reports · questions answered 6/9",
      "",
    ]);
    expect(terminal([classResults()[0]!], plain)).not.toContain("Class summary");
  });

  it("leaves the class summary out when the context says so (--quiet), keeping the totals", () => {
    const output = terminal(classResults(), makeContext({ cwd: classCwd, classSummary: false }));
    expect(output).not.toContain("Class summary");
    expect(output).toContain("✖ 5 errors, 3 warnings, 1 info in 3 reports · questions answered 6/9\n");
  });

  it("keeps the class summary within 80 columns and free of escape sequences from reports", () => {
    const long = `Item\u001b[31m ${"with many words ".repeat(8)} (M5)`;
    const report = makeReport({
      checklist: [makeSection(`Week ${"long ".repeat(6)}`, 3, [{ text: long, line: 4 }])],
    });
    const path = `submissions/${"nested-folder/".repeat(8)}reports/README.md`;
    const results = [
      makeResult(path, report, [
        { ruleId: `plugin/${"long-rule-".repeat(8)}`, message: "m", line: 4, question: 3 },
      ]),
      makeResult("other.md", report),
    ];
    const output = terminal(results, colored).replace(ansi, "");
    const summary = output.slice(output.indexOf("Class summary"));
    for (const line of summary.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(summary.split("\n").slice(0, 9)).toEqual([
      "Class summary: 2 reports, 1 with errors",
      "  Groups failing each check (with an error · with a warning only)",
      "    Question 3  plugin/long-rule-long-rule-long-rule-long-rule-long-rule…  1 · 0",
      "  Checklist items: groups that ticked each, of the groups whose report has it",
      "    Week long l…  Item␛[31m with many words with many words with many word…  2/2",
      "  Most errors",
      "    1 error, 0 warnings",
      "      submissions/nested-folder/nested-folder/nested-folder/nested-folder/nested",
      "      -folder/nested-folder/nested-folder/nested-folder",
    ]);
    expect(summary).not.toContain("\u001b[31m");
  });

  it("shows a report's escape sequences instead of sending them to the terminal", () => {
    const result = makeResult("r.md", makeReport(), [
      { ruleId: "answer/format", message: "bad \u001b[2J\u001b]0;title\u0007 text\nnext", line: 1 },
    ]);
    const output = terminal([result], plain);
    expect(output).not.toContain("\u001b");
    expect(output).not.toContain("\u0007");
    expect(output).toContain("bad \u241b[2J\u241b]0;title\u2407 text next");
  });
});
