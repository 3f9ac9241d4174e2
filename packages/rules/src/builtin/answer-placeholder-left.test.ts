import { describe, expect, it } from "vitest";
import { syntheticReport, words } from "../../../../tests/support/synthetic.js";
import { lintWith, positionOf } from "../test/helpers.js";
import { answerPlaceholderLeft } from "./answer-placeholder-left.js";

describe("answer/placeholder-left", () => {
  it("passes an answer written in place of the placeholder, and an unanswered question", () => {
    expect(
      lintWith(answerPlaceholderLeft, syntheticReport({ year: 2024, answers: { 14: words(220) } })),
    ).toEqual([]);
  });

  it("reports the placeholder left beside an answer, exactly where it stands", () => {
    const text = syntheticReport({
      year: 2024,
      answers: { 14: `${words(220)}\n\n--- question 14 fill here ---` },
    });
    const p = positionOf(text, "--- question 14 fill here ---", "### Question 14");
    expect(lintWith(answerPlaceholderLeft, text)).toEqual([
      {
        ruleId: "answer/placeholder-left",
        severity: "warning",
        message:
          "Question 14 still has the placeholder `--- question 14 fill here ---` beside its answer; the course checker counts it as 6 words",
        line: p.line,
        column: 1,
        endLine: p.line,
        endColumn: 30,
        question: 14,
        checklistItem: null,
      },
    ]);
  });
});
