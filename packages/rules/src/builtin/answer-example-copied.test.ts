import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { answerExampleCopied } from "./answer-example-copied.js";

// The synthetic prompts' example reads `We did ... and ... for question N.`; 2024's Question 4 has its own.
const Q4_2024 = "To get a complete copy of our development environment, one would run";

describe("answer/example-copied", () => {
  it("passes answers that share words with the example, fill its gaps, or hold dots of their own", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        7: "We did unit tests and integration tests for question 7, run on every push.",
        8: `Training stalled after some sweeps... and then ${words(40)}`,
        14: `${words(220)}\n\n![a](figures/a.png)`,
      },
    });
    expect(lintWith(answerExampleCopied, text)).toEqual([]);
  });

  it("reports the example's skeleton with its dots left in, at the first copied gap", () => {
    const text = syntheticReport({ year: 2026, answers: { 9: "We **did** ... and ... for question 9." } });
    const p = positionOf(text, "did** ...", "### Question 9");
    expect(lintWith(answerExampleCopied, text)).toEqual([
      {
        ruleId: "answer/example-copied",
        severity: "warning",
        message:
          'Question 9 still holds the prompt\'s example with its gaps left in ("did ... and"): replace it with your own answer',
        line: p.line,
        column: p.column,
        endLine: p.line,
        endColumn: p.column + "did** ... and".length,
        question: 9,
        checklistItem: null,
      },
    ]);
  });

  it("reports the example's words repeated without the dots, over the whole answer", () => {
    const text = syntheticReport({ year: 2024, answers: { 4: `${Q4_2024} make setup.` } });
    const p = positionOf(text, `${Q4_2024} make`, "### Question 4");
    expect(lintWith(answerExampleCopied, text)).toEqual([
      {
        ruleId: "answer/example-copied",
        severity: "warning",
        // 12 of the answer's 14 words are the example's, in order.
        message:
          "Question 4 repeats the prompt's example (85% of the words, in the same order): write your own answer instead",
        line: p.line,
        column: 1,
        endLine: p.line,
        endColumn: `${Q4_2024} make setup.`.length + 1,
        question: 4,
        checklistItem: null,
      },
    ]);
  });

  it("takes the similarity threshold from its option", () => {
    const text = syntheticReport({
      year: 2024,
      answers: { 4: `${Q4_2024} make setup.`, 7: "We did and for question 7." },
    });
    const found = lintWith(answerExampleCopied, text, { similarity: 0.9 });
    expect(found.map((d) => d.message)).toEqual([
      "Question 7 repeats the prompt's example (100% of the words, in the same order): write your own answer instead",
    ]);
  });

  it("skips unanswered questions and prompts without an example", () => {
    const text = syntheticReport({ year: 2025 }).replace("> *We did ... and ... for question 5.*\n", "");
    const withAnswer = text.replace("--- question 5 fill here ---", "We did ... and ... for question 5.");
    expect(lintWith(answerExampleCopied, text)).toEqual([]);
    expect(lintWith(answerExampleCopied, withAnswer)).toEqual([]);
  });
});
