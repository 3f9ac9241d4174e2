/** A small synthetic class of three group reports, for the class summary's tests. */
import type { LintResult } from "@mlops-report/rules";
import { makeReport, makeResult, makeSection } from "./factory.js";

export const classCwd = "/home/staff/class";

const questions = [
  { number: 2, line: 10 },
  { number: 14, line: 20 },
  { number: 27, line: 30, state: "placeholder" as const },
];

export function classResults(): LintResult[] {
  const a = makeReport({
    questions,
    checklist: [
      makeSection("Week 1", 3, [
        // Who did it, added after the module tag (which then no longer ends the item).
        { text: "Create a git repository (M5) ALICE, BOB", line: 4, module: null },
        { text: "Setup version control for your data (M8)", line: 5, module: "M8" },
      ]),
      makeSection("Week 2", 7, [{ text: "Write unit tests (M16)", line: 8, module: "M16", mark: " " }]),
    ],
  });
  // The same items, one wrapped onto two lines as groups do.
  const b = makeReport({
    questions,
    checklist: [
      makeSection("Week 1", 3, [
        { text: "Create a git repository (M5)", line: 4, module: "M5" },
        { text: "Setup version control  for\nyour data (M8)", line: 5, module: "M8", mark: " " },
      ]),
      makeSection("Week 2", 7, [{ text: "Write unit tests (M16)", line: 8, module: "M16", mark: "X" }]),
    ],
  });
  const c = makeReport({
    questions,
    checklist: [
      makeSection("Week 1", 3, [{ text: "Create a git repository (M5)", line: 4, module: "M5" }]),
      makeSection("Extra", 6, [{ text: "Write documentation (M32)", line: 7, module: "M32", mark: "%" }]),
    ],
  });
  return [
    makeResult(`${classCwd}/group-b/reports/README.md`, b, [
      {
        ruleId: "answer/word-count",
        severity: "warning",
        message: "Question 14 has 90 words",
        line: 24,
        question: 14,
      },
      { ruleId: "answer/word-count", message: "Question 14 has 3 words", line: 25, question: 14 },
      { ruleId: "answer/filled", message: "Question 27 is not answered", line: 34, question: 27 },
      { ruleId: "checklist/marks", severity: "info", message: "Mark [X]", line: 8, checklistItem: "unit" },
    ]),
    makeResult(`${classCwd}/group-c/reports/README.md`, c),
    makeResult(`${classCwd}/group-a/reports/README.md`, a, [
      { ruleId: "answer/format", message: "Study number s1", line: 14, question: 2 },
      { ruleId: "answer/format", message: "Study number s2", line: 14, column: 9, question: 2 },
      {
        ruleId: "answer/word-count",
        severity: "warning",
        message: "Question 14 has 80 words",
        line: 24,
        question: 14,
      },
      { ruleId: "image/exists", message: "Image figures/x.png does not exist", line: 26, question: 14 },
      {
        ruleId: "checklist/consistency",
        severity: "warning",
        message: "DVC ticked",
        line: 5,
        checklistItem: "dvc",
      },
    ]),
  ];
}
