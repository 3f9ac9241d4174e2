import { lintWith } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { answerWordCount } from "./answer-word-count.js";

describe("answer/word-count", () => {
  it("passes answers inside their range, at both ends", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(50), 8: words(200), 14: words(250) } });
    expect(lintWith(answerWordCount, text)).toEqual([]);
  });

  it("in prose mode reports too short and too long answers in prose words, at the answer", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(49), 11: `**${words(301)}**` } });
    const found = lintWith(answerWordCount, text, { counting: "prose" });
    expect(found.map(({ message, severity, question }) => ({ message, severity, question }))).toEqual([
      { message: "Question 7 is too short: 49 words, expected 50-100", severity: "warning", question: 7 },
      { message: "Question 11 is too long: 301 words, expected 200-300", severity: "warning", question: 11 },
    ]);
    const q7 = text.split("\n").indexOf(words(49)) + 1;
    expect([found[0]!.line, found[0]!.column, found[0]!.endLine]).toEqual([q7, 1, q7]);
    expect(found[0]!.endColumn).toBe(words(49).length + 1);
  });

  it("never reports a placeholder as a six-word answer: an unanswered question is answer/filled's finding", () => {
    expect(lintWith(answerWordCount, syntheticReport({ year: 2025 }))).toEqual([]);
    expect(lintWith(answerWordCount, syntheticReport({ year: 2025 }), { counting: "prose" })).toEqual([]);
  });

  it("counts as the course checker does by default: the `---` wrappers are words", () => {
    const text = syntheticReport({ year: 2025, answers: { 7: `--- ${words(48)} ---`, 12: words(49) } });
    // Question 7: 48 words and two `---` tokens make 50, inside 50-100; a reader's 48 is too short.
    expect(lintWith(answerWordCount, text).map((d) => d.message)).toEqual([
      "Question 12 is too short: 49 words as the course checker counts them, expected 50-100",
    ]);
  });

  it("says what a reader sees, and why, when that gives another verdict", () => {
    const text = syntheticReport({
      year: 2025,
      answers: {
        // A heading inside the answer: the checker's region stops there; a reader counts the heading's word too.
        4: `${words(10)}\n\n### Details\n\n${words(110)}`,
        // Wrappers and bullets: 96 words a reader sees, 102 tokens the checker counts.
        7: `---\n${Array.from({ length: 4 }, () => `- ${words(24)}`).join("\n")}\n---`,
        // A link address glued into one token, and a fenced block the reader skips.
        12: `${words(96)} [docs](https://example.org/docs)\n\n\`\`\`text\nrun it\n\`\`\``,
      },
    });
    const heading = text.split("\n").indexOf("### Details") + 1;
    expect(lintWith(answerWordCount, text).map((d) => d.message)).toEqual([
      `Question 4 is too short: 10 words as the course checker counts them, expected 100-200 (it stops at the heading on line ${heading}); a reader sees 121`,
      "Question 7 is too long: 102 words as the course checker counts them, expected 50-100 (it counts the `---` wrappers, it counts 4 list bullets and symbols); a reader sees 96",
      "Question 12 is too long: 101 words as the course checker counts them, expected 50-100 (it counts 1 link address, it counts fenced code); a reader sees 97",
    ]);
  });

  it("uses constraints a config sets over the prompt's", () => {
    const text = syntheticReport({ year: 2026, answers: { 7: words(60) } });
    const found = lintWith(
      answerWordCount,
      text,
      { counting: "prose" },
      {},
      { constraints: { 7: { words: { min: 70, max: 80 } } } },
    );
    expect(found.map((d) => d.message)).toEqual(["Question 7 is too short: 60 words, expected 70-80"]);
  });
});
