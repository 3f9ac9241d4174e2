import { describe, expect, it } from "vitest";
import type { Diagnostic, Fix } from "../types.js";
import { applyFixes } from "./fix.js";

function finding(ruleId: string, fix?: Fix): Diagnostic {
  const d: Diagnostic = {
    ruleId,
    severity: "error",
    message: ruleId,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    question: null,
    checklistItem: null,
  };
  if (fix) d.fix = fix;
  return d;
}

describe("applyFixes", () => {
  const text = "0123456789";

  it("applies fixes in source order whatever order the findings come in", () => {
    const { output, fixed } = applyFixes(text, [
      finding("b", { start: 6, end: 8, text: "x" }),
      finding("none"),
      finding("a", { start: 0, end: 1, text: "AB" }),
    ]);
    expect(output).toBe("AB12345x89");
    expect(fixed.map((d) => d.ruleId)).toEqual(["a", "b"]);
  });

  it("leaves a fix that overlaps one already taken for the next pass, and makes one edit offered twice once", () => {
    const { output, fixed } = applyFixes(text, [
      finding("first", { start: 2, end: 5, text: "-" }),
      finding("overlaps", { start: 4, end: 6, text: "+" }),
      finding("twin", { start: 2, end: 5, text: "-" }),
      finding("insert", { start: 9, end: 9, text: "!" }),
    ]);
    expect(output).toBe("01-5678!9");
    expect(fixed.map((d) => d.ruleId)).toEqual(["first", "twin", "insert"]);
  });

  it("skips a fix whose range lies outside the text", () => {
    expect(applyFixes(text, [finding("out", { start: 8, end: 12, text: "" })])).toEqual({
      output: text,
      fixed: [],
    });
  });
});
