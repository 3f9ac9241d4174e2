import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { checklistMarks } from "./checklist-marks.js";

const answered = (from: number, to: number) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, words(10, i)]));

describe("checklist/marks", () => {
  it("passes [x], [X] and [ ] in a report that ticks something", () => {
    const text = syntheticReport({
      year: 2026,
      answers: answered(1, 31),
      checked: ["git"],
      marks: { dvc: "X" },
    });
    expect(lintWith(checklistMarks, text)).toEqual([]);
  });

  it("reports each mark GitHub does not render as a checkbox, at its brackets", () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["git"],
      marks: { dvc: "(X)", docker: "%", ci: "", drift: "-", docs: "✅" },
    });
    const mark = (m: string) => {
      const p = positionOf(text, `* [${m}]`);
      return { line: p.line, column: 3, endLine: p.line, endColumn: 5 + m.length };
    };
    const message = (m: string) =>
      `Checklist mark [${m}] is not a checkbox, so GitHub shows it as text and the course's tools read it as unticked: write [x] if the item is done, or [ ] if not`;
    expect(lintWith(checklistMarks, text)).toEqual(
      ["(X)", "%", "", "-", "✅"].map((m) => ({
        ruleId: "checklist/marks",
        severity: "warning",
        message: message(m),
        ...mark(m),
        question: null,
        checklistItem: null,
      })),
    );
  });

  it("notes a checklist left entirely unticked in a report that answers most questions", () => {
    const text = syntheticReport({ year: 2026, answers: answered(1, 16) });
    const heading = positionOf(text, "## Overall project checklist");
    expect(lintWith(checklistMarks, text)).toEqual([
      {
        ruleId: "checklist/marks",
        severity: "info",
        message:
          "No checklist item is ticked, yet 16 of 31 questions are answered: tick with [x] each item your project did",
        line: heading.line,
        column: 1,
        endLine: heading.line,
        endColumn: 1,
        question: null,
        checklistItem: null,
      },
    ]);
  });

  it("says nothing of an unticked checklist while half the questions or fewer are answered", () => {
    expect(lintWith(checklistMarks, syntheticReport({ year: 2024, answers: answered(1, 13) }))).toEqual([]);
    expect(lintWith(checklistMarks, syntheticReport({ year: 2024, answers: answered(1, 14) }))).toHaveLength(
      1,
    );
  });

  it("does not call a checklist forgotten when it holds other marks: those are reported instead", () => {
    const text = syntheticReport({ year: 2026, answers: answered(1, 31), marks: { dvc: "%" } });
    expect(lintWith(checklistMarks, text).map((d) => d.severity)).toEqual(["warning"]);
  });
});
