import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { answerFilled } from "./answer-filled.js";

const all = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, words(10, i)]));

describe("answer/filled", () => {
  it("passes when every question is answered", () => {
    expect(lintWith(answerFilled, syntheticReport({ year: 2026, answers: all(31) }))).toEqual([]);
  });

  it("reports a placeholder and an empty answer, at the answer", () => {
    const text = syntheticReport({
      year: 2025,
      answers: { ...all(31), 12: "--- question 12 fill here ---", 13: "" },
    });
    const p = positionOf(text, "--- question 12 fill here ---", "### Question 12");
    const empty = positionOf(text, "Answer:", "### Question 13");
    expect(lintWith(answerFilled, text)).toEqual([
      {
        ruleId: "answer/filled",
        severity: "error",
        message: "Question 12 is not answered: it still holds the template's placeholder",
        line: p.line,
        column: 1,
        endLine: p.line,
        endColumn: 30,
        question: 12,
        checklistItem: null,
      },
      {
        ruleId: "answer/filled",
        severity: "error",
        message: "Question 13 is not answered: the answer is empty",
        line: empty.line,
        column: empty.column + "Answer:".length,
        endLine: empty.line,
        endColumn: empty.column + "Answer:".length,
        question: 13,
        checklistItem: null,
      },
    ]);
  });

  it("reports every question of an unfilled template", () => {
    const found = lintWith(answerFilled, syntheticReport({ year: 2023 }));
    expect(found.map((d) => d.question)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });
});
