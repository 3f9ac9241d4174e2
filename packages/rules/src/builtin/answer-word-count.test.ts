import { describe, expect, it } from "vitest";
import { syntheticReport, words } from "../../../../tests/support/synthetic.js";
import { lintWith } from "../test/helpers.js";
import { answerWordCount } from "./answer-word-count.js";

describe("answer/word-count", () => {
  it("passes answers inside their range, at both ends", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(50), 8: words(200), 14: words(250) } });
    expect(lintWith(answerWordCount, text)).toEqual([]);
  });

  it("reports too short and too long answers in prose words, at the answer", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(49), 11: `**${words(301)}**` } });
    const found = lintWith(answerWordCount, text);
    expect(found.map(({ message, severity, question }) => ({ message, severity, question }))).toEqual([
      { message: "Question 7 is too short: 49 words, expected 50-100", severity: "warning", question: 7 },
      { message: "Question 11 is too long: 301 words, expected 200-300", severity: "warning", question: 11 },
    ]);
    const q7 = text.split("\n").indexOf(words(49)) + 1;
    expect([found[0]!.line, found[0]!.column, found[0]!.endLine]).toEqual([q7, 1, q7]);
    expect(found[0]!.endColumn).toBe(words(49).length + 1);
  });

  it("in prose mode never reports a placeholder as a six-word answer", () => {
    expect(lintWith(answerWordCount, syntheticReport({ year: 2025 }))).toEqual([]);
  });

  it("in official mode counts as the course checker does, placeholders included", () => {
    const text = syntheticReport({ year: 2025, answers: { 7: `--- ${words(48)} ---` } });
    const found = lintWith(answerWordCount, text, { counting: "official" });
    // Question 7: 48 words and two `---` tokens make 50, inside 50-100.
    expect(found.find((d) => d.question === 7)).toBeUndefined();
    expect(found.find((d) => d.question === 3)?.message).toBe(
      "Question 3 is too short: 6 words as the course checker counts them, expected 100-200",
    );
    // Questions 19-21 ask for images only; 1 and 2 for nothing.
    expect(found.map((d) => d.question)).toEqual([
      3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 22, 23, 24, 25, 26, 27, 29, 30, 31,
    ]);
  });

  it("uses constraints a config sets over the prompt's", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(60) } });
    const found = lintWith(
      answerWordCount,
      text,
      {},
      {},
      { constraints: { 7: { words: { min: 70, max: 80 } } } },
    );
    expect(found.map((d) => d.message)).toEqual(["Question 7 is too short: 60 words, expected 70-80"]);
  });
});
