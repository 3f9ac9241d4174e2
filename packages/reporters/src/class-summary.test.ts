import { classCwd, classResults } from "@mlops-report/testing/class";
import { makeReport, makeResult, makeSection } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import { classSummary, MOST_ERRORS_SHOWN } from "./class-summary.js";

describe("classSummary", () => {
  it("counts per question the groups failing each check, the ticks of each item and the most errors", () => {
    expect(classSummary(classResults(), classCwd)).toEqual({
      reports: 3,
      reportsWithErrors: 2,
      questions: [
        // Group a has two format errors on question 2: one failing group.
        { question: 2, checks: [{ ruleId: "answer/format", errors: 1, warnings: 0 }] },
        {
          question: 14,
          checks: [
            // Group b's worst word-count finding is an error, group a's a warning.
            { ruleId: "answer/word-count", errors: 1, warnings: 1 },
            { ruleId: "image/exists", errors: 1, warnings: 0 },
          ],
        },
        { question: 27, checks: [{ ruleId: "answer/filled", errors: 1, warnings: 0 }] },
      ],
      // Group b's info finding fails nothing.
      reportWide: [{ ruleId: "checklist/consistency", errors: 0, warnings: 1 }],
      checklist: [
        // Group a signed the item after its module tag: it still counts as this item.
        {
          id: null,
          section: "Week 1",
          text: "Create a git repository (M5)",
          module: "M5",
          ticked: 3,
          reports: 3,
        },
        {
          id: null,
          section: "Week 1",
          text: "Setup version control for your data (M8)",
          module: "M8",
          ticked: 1,
          reports: 2,
        },
        // `[X]` counts as ticked; `[%]` does not.
        { id: null, section: "Week 2", text: "Write unit tests (M16)", module: "M16", ticked: 1, reports: 2 },
        {
          id: null,
          section: "Extra",
          text: "Write documentation (M32)",
          module: "M32",
          ticked: 0,
          reports: 1,
        },
      ],
      mostErrors: [
        { filePath: "group-a/reports/README.md", errors: 3, warnings: 2 },
        { filePath: "group-b/reports/README.md", errors: 2, warnings: 1 },
      ],
    });
  });

  it("gives one row per checklist id across years, worded as the newest year, bold and names dropped", () => {
    const report = (year: 2024 | 2026, items: { text: string; mark?: string; module?: string | null }[]) =>
      makeReport({
        year,
        checklist: [
          makeSection(
            "Week 1",
            10,
            items.map((item, i) => ({ ...item, line: 11 + i })),
          ),
        ],
      });
    const old = makeResult(
      "g1/reports/README.md",
      report(2024, [
        { text: "Setup version control for your data", module: null },
        { text: "A note the config names no id for", module: null, mark: " " },
      ]),
    );
    const decorated = makeResult(
      "g2/reports/README.md",
      report(2026, [
        { text: "__Setup version control for your data or part of your data (M8)__ ALICE", module: "M8" },
      ]),
    );
    const plain = makeResult(
      "g3/reports/README.md",
      report(2026, [
        { text: "Setup version control for your data or part of your data (M8)", module: "M8", mark: " " },
        { text: "**A note the config names no id for**", module: null },
      ]),
    );
    old.checklistIds = { dvc: 11 };
    decorated.checklistIds = { dvc: 11 };
    plain.checklistIds = { dvc: 11 };
    expect(classSummary([old, decorated, plain], "/w").checklist).toEqual([
      {
        id: "dvc",
        section: "Week 1",
        text: "Setup version control for your data or part of your data (M8)",
        module: "M8",
        ticked: 2,
        reports: 3,
      },
      {
        id: null,
        section: "Week 1",
        text: "A note the config names no id for",
        module: null,
        ticked: 1,
        reports: 2,
      },
    ]);
  });

  it("counts an image-count error beside the error of an image written in code once", () => {
    const inCode = { ruleId: "image/in-code", message: "in code", line: 5, question: 19 };
    const count = { ruleId: "answer/image-count", message: "0 images", line: 4, question: 19 };
    const other = { ruleId: "answer/image-count", message: "0 images", line: 8, question: 20 };
    const result = makeResult("g1.md", makeReport(), [inCode, count, other]);
    expect(classSummary([result, makeResult("g2.md", makeReport())], "/w").mostErrors).toEqual([
      { filePath: "g1.md", errors: 2, warnings: 0 },
    ]);
  });

  it("does not depend on the order of the results", () => {
    const results = classResults();
    expect(classSummary([...results].reverse(), classCwd)).toEqual(classSummary(results, classCwd));
  });

  it(`names at most ${MOST_ERRORS_SHOWN} groups: most errors, then most warnings, then by path`, () => {
    const spec = (errors: number, warnings: number) => [
      ...Array.from({ length: errors }, (_, i) => ({ ruleId: "answer/filled", message: "e", line: i + 1 })),
      ...Array.from({ length: warnings }, (_, i) => ({
        ruleId: "answer/word-count",
        severity: "warning" as const,
        message: "w",
        line: i + 1,
      })),
    ];
    const results = (
      [
        ["g1", 1, 0],
        ["g2", 4, 0],
        ["g3", 4, 2],
        ["g4", 0, 9],
        ["g5", 2, 0],
        ["g6", 2, 0],
        ["g7", 3, 1],
      ] as const
    ).map(([name, errors, warnings]) => makeResult(`${name}.md`, makeReport(), spec(errors, warnings)));
    expect(classSummary(results, "/w").mostErrors).toEqual([
      { filePath: "g3.md", errors: 4, warnings: 2 },
      { filePath: "g2.md", errors: 4, warnings: 0 },
      { filePath: "g7.md", errors: 3, warnings: 1 },
      { filePath: "g5.md", errors: 2, warnings: 0 },
      { filePath: "g6.md", errors: 2, warnings: 0 },
    ]);
    expect(classSummary(results, "/w").reportsWithErrors).toBe(6);
  });
});
