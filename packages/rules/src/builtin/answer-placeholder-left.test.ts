import { fixWith, lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
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
        fix: {
          start: text.indexOf("--- question 14 fill here ---"),
          end: text.indexOf("--- question 14 fill here ---") + 31,
          text: "",
        },
      },
    ]);
  });

  describe("fix", () => {
    it("deletes the placeholder's line, its line break too, with LF and with CRLF", () => {
      for (const eol of ["\n", "\r\n"] as const) {
        // The synthetic report writes every line break of the answer with its own line ending.
        const answer = ["--- question 14 fill here ---  ", words(220)].join("\n");
        const text = syntheticReport({ year: 2024, answers: { 14: answer }, eol });
        const { output, fixed, remaining } = fixWith(answerPlaceholderLeft, text);
        expect(output).toBe(text.replace(`--- question 14 fill here ---  ${eol}`, ""));
        expect([fixed, remaining]).toEqual([1, []]);
        expect(fixWith(answerPlaceholderLeft, output).output).toBe(output);
      }
    });

    it("takes one of the blank lines around a placeholder that stood between two", () => {
      const answer = `${words(120)}\n\n--- question 14 fill here ---\n\n${words(100)}`;
      const text = syntheticReport({ year: 2024, answers: { 14: answer } });
      const { output, fixed } = fixWith(answerPlaceholderLeft, text);
      expect(output).toBe(text.replace(answer, `${words(120)}\n\n${words(100)}`));
      expect(fixed).toBe(1);
    });

    it("leaves a placeholder that shares its line with the answer to the writer", () => {
      const text = syntheticReport({
        year: 2024,
        answers: { 14: `--- question 14 fill here --- ${words(220)}` },
      });
      const found = lintWith(answerPlaceholderLeft, text);
      expect(found.map((d) => [d.question, d.fix ?? null])).toEqual([[14, null]]);
      expect(fixWith(answerPlaceholderLeft, text).output).toBe(text);
    });
  });
});
