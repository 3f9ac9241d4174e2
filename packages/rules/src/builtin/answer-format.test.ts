import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { answerFormat } from "./answer-format.js";

describe("answer/format", () => {
  it("passes a group number and well-formed study numbers, in either case", () => {
    for (const group of ["42", "Group 42", "We are group **7**.", "    Group 7", "```\nGroup 7\n```"]) {
      const text = syntheticReport({ year: 2026, answers: { 1: group, 2: "s123456, S234567 and s345678" } });
      expect(lintWith(answerFormat, text)).toEqual([]);
    }
  });

  it("does not take the number of a leftover placeholder for the group number", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 1: "--- question 1 fill here ---\n\nGroup forty-two", 2: "s123456" },
    });
    expect(lintWith(answerFormat, text).map((f) => f.message)).toEqual([
      'Question 1 should give your group number, but the answer holds no number: write it in digits, e.g. "Group 42"',
    ]);
  });

  it("skips unanswered questions: that is answer/filled's finding", () => {
    expect(lintWith(answerFormat, syntheticReport({ year: 2025 }))).toEqual([]);
  });

  it("reports a group answer without a number, over the whole answer", () => {
    const text = syntheticReport({ year: 2024, answers: { 1: "Group forty-two", 2: "s123456" } });
    const p = positionOf(text, "Group forty-two");
    expect(lintWith(answerFormat, text)).toEqual([
      {
        ruleId: "answer/format",
        severity: "error",
        message:
          'Question 1 should give your group number, but the answer holds no number: write it in digits, e.g. "Group 42"',
        line: p.line,
        column: 1,
        endLine: p.line,
        endColumn: "Group forty-two".length + 1,
        question: 1,
        checklistItem: null,
      },
    ]);
  });

  it("reports each leftover sXXXXXX and each study number with a digit too few or too many", () => {
    const answer = "s123456, sXXXXXX, s12345, S1234567, sxxxxxx";
    const text = syntheticReport({ year: 2026, answers: { 1: "13", 2: answer } });
    const { line, column } = positionOf(text, answer);
    const span = (needle: string, at = answer.indexOf(needle)) => {
      const c = column + at;
      return { line, column: c, endLine: line, endColumn: c + needle.length };
    };
    const found = lintWith(answerFormat, text);
    expect(found).toEqual([
      {
        ruleId: "answer/format",
        severity: "error",
        message: `Question 2 still has the example's "sXXXXXX": replace it with a member's study number, or delete it`,
        ...span("sXXXXXX"),
        question: 2,
        checklistItem: null,
      },
      {
        ruleId: "answer/format",
        severity: "error",
        message: `Question 2 has "s12345", which is not a study number (an s and six digits): check it for a missing or extra digit`,
        ...span("s12345", answer.indexOf(" s12345,") + 1),
        question: 2,
        checklistItem: null,
      },
      {
        ruleId: "answer/format",
        severity: "error",
        message: `Question 2 has "S1234567", which is not a study number (an s and six digits): check it for a missing or extra digit`,
        ...span("S1234567"),
        question: 2,
        checklistItem: null,
      },
      {
        ruleId: "answer/format",
        severity: "error",
        message: `Question 2 still has the example's "sxxxxxx": replace it with a member's study number, or delete it`,
        ...span("sxxxxxx"),
        question: 2,
        checklistItem: null,
      },
    ]);
  });

  it("points at the same line and column in a file with CRLF line endings", () => {
    const answers = { 1: "13", 2: "Members:\n\ns123456 and sXXXXXX" };
    const lf = lintWith(answerFormat, syntheticReport({ year: 2026, answers }));
    const crlf = lintWith(answerFormat, syntheticReport({ year: 2026, answers, eol: "\r\n" }));
    const text = syntheticReport({ year: 2026, answers });
    const p = positionOf(text, "sXXXXXX", "Members:");
    expect(lf.map(({ line, column, endColumn }) => [line, column, endColumn])).toEqual([
      [p.line, p.column, p.column + 7],
    ]);
    expect(crlf).toEqual(lf);
  });

  it("reports a study-number answer that holds names only", () => {
    const text = syntheticReport({ year: 2025, answers: { 1: "5", 2: "Ada, Grace and Alan" } });
    expect(
      lintWith(answerFormat, text).map(({ message, line, question }) => ({ message, line, question })),
    ).toEqual([
      {
        message:
          'Question 2 holds no study number: list each member\'s study number, an s and six digits such as "s123456"',
        line: positionOf(text, "Ada, Grace").line,
        question: 2,
      },
    ]);
  });

  it("checks the questions its options name", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 1: "no number here", 2: "none", 4: "Group nine" },
    });
    const found = lintWith(answerFormat, text, { groupQuestion: 4, studyQuestion: 7 });
    expect(found.map((d) => d.message)).toEqual([
      'Question 4 should give your group number, but the answer holds no number: write it in digits, e.g. "Group 42"',
    ]);
  });
});
