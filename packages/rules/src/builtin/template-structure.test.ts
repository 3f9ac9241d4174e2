import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { templateStructure } from "./template-structure.js";

describe("template/structure", () => {
  it("passes an untouched template", () => {
    expect(lintWith(templateStructure, syntheticReport({ year: 2024 }))).toEqual([]);
  });

  it("reports a missing question as an error and a renamed heading as a warning", () => {
    const text = syntheticReport({ year: 2026 })
      .replace("### Question 8\n", "### Q8\n")
      .replace("### Question 30\n", "");
    const renamed = positionOf(text, "### Q8");
    const found = lintWith(templateStructure, text);
    expect(
      found.map(({ severity, message, line, question }) => ({ severity, message, line, question })),
    ).toEqual([
      {
        severity: "error",
        // Without that heading's `###` the checker drops the answer region before it: one answer less.
        message:
          "The course checker finds 30 answers where it expects 31: it stops with an error and checks nothing (an `Answer:` or `###` inside an answer shifts its count)",
        line: 1,
        question: null,
      },
      {
        severity: "warning",
        message: "The heading `### Q8` should read `### Question 8`",
        line: renamed.line,
        question: 8,
      },
      {
        severity: "error",
        message: "Question 30 is missing: there is no `### Question 30` heading",
        line: positionOf(text, "### Question 31").line,
        question: 30,
      },
    ]);
  });

  it("gives a file that is not a report one finding", () => {
    expect(lintWith(templateStructure, "# Shopping list\n\n* milk\n")).toEqual([
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
});
