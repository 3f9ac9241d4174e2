import { parse } from "@mlops-report/core";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { answerFormat } from "./builtin/answer-format.js";
import { answerImageCount } from "./builtin/answer-image-count.js";
import { answerWordCount } from "./builtin/answer-word-count.js";
import { templateYears } from "./config/presets.js";
import { defaultOptions, type Rule } from "./define-rule.js";
import { lintReport } from "./engine/lint.js";
import { readerClause } from "./question-counts.js";

/** Wrappers and four bullets: 96 words a reader sees, 102 tokens the course checker counts. */
const BULLETED = `---\n${Array.from({ length: 4 }, () => `- ${words(24)}`).join("\n")}\n---`;

function lint(text: string, options: Partial<Record<string, Record<string, unknown>>> = {}) {
  const report = parse(text, { years: templateYears() });
  const setting = (rule: Rule) => ({
    rule,
    level: rule.meta.defaultSeverity,
    options: { ...defaultOptions(rule), ...options[rule.meta.id] },
  });
  return lintReport(report, { rules: [answerWordCount, answerImageCount, answerFormat].map(setting) });
}

describe("questionCounts", () => {
  it("gives the course checker's count by default, and a reader's beside it only where it differs, with why", () => {
    const result = lint(syntheticReport({ year: 2025, answers: { 7: BULLETED, 12: words(60) } }));
    const q7 = result.questionCounts.find((c) => c.question === 7)!;
    expect(q7.words).toEqual({
      count: 102,
      counting: "official",
      allowed: { min: 50, max: 100 },
      reader: { count: 96, why: ["it counts the `---` wrappers", "it counts 4 list bullets and symbols"] },
    });
    expect(readerClause(q7.words)).toBe(
      "a reader sees 96 (it counts the `---` wrappers, it counts 4 list bullets and symbols)",
    );
    const q12 = result.questionCounts.find((c) => c.question === 12)!;
    expect(q12.words).toEqual({ count: 60, counting: "official", allowed: { min: 50, max: 100 } });
    expect(readerClause(q12.words)).toBeNull();
    // The finding judges by the same number.
    expect(result.diagnostics.find((d) => d.question === 7)?.message).toBe(
      "Question 7 is too long: 102 words as the course checker counts them, expected 50-100 (it counts the `---` wrappers, it counts 4 list bullets and symbols); a reader sees 96",
    );
    expect(result.questionCounts.map((c) => c.question)).toEqual(
      result.report.questions.map((q) => q.number),
    );
  });

  it("gives a reader's count alone where the rule counts as a reader does, each rule by its own option", () => {
    const text = syntheticReport({ year: 2025, answers: { 7: BULLETED, 14: "`![a](figures/a.png)`" } });
    const result = lint(text, { "answer/word-count": { counting: "prose" } });
    const q7 = result.questionCounts.find((c) => c.question === 7)!;
    expect(q7.words).toEqual({ count: 96, counting: "prose", allowed: { min: 50, max: 100 } });
    const q14 = result.questionCounts.find((c) => c.question === 14)!;
    expect(q14.images).toEqual({
      count: 1,
      counting: "official",
      allowed: { min: 1, max: 3 },
      reader: { count: 0, why: ["it counts images written inside code"] },
    });
  });
});

describe("groupIdentity", () => {
  it("reads the group number and the study numbers as answer/format does", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 1: "We are group 42 (of 60).", 2: "s123456, S234567 and s123456; sXXXXXX, s12345" },
    });
    expect(lint(text).group).toEqual({
      text: "We are group 42 (of 60).",
      number: "42",
      students: ["s123456", "s234567"],
    });
  });

  it("follows the questions the config names, and gives nothing for unanswered ones", () => {
    const text = syntheticReport({ year: 2026, answers: { 1: "s111111", 3: "Group 7" } });
    expect(lint(text).group).toEqual({ text: "s111111", number: "111111", students: [] });
    const course = syntheticReport({ year: 2026, answers: { 1: "MLOps 02476, group: Team 42" } });
    expect(lint(course).group.number).toBe("42");
    // As written: a link address stays, the `---` wrappers go.
    const wrapped = syntheticReport({ year: 2025, answers: { 1: "---\nGroup 5\nsee <http://x.org>\n---" } });
    expect(lint(wrapped).group).toMatchObject({ text: "Group 5 see <http://x.org>", number: "5" });
    expect(lint(text, { "answer/format": { groupQuestion: 3, studyQuestion: 1 } }).group).toEqual({
      text: "Group 7",
      number: "7",
      students: ["s111111"],
    });
  });
});
