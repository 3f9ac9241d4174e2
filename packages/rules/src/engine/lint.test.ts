import { parse } from "@mlops-report/core";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { defineRule } from "../define-rule.js";
import { defaultRuleSettings, lintReport } from "./lint.js";

const unfilled = syntheticReport({ year: 2026, answers: { 3: words(150) } });

describe("lintReport", () => {
  it("runs every built-in rule, sorted by line, column and rule id, with counts", () => {
    const result = lintReport(parse(unfilled, { path: "r.md" }));
    expect(result.filePath).toBe("r.md");
    expect(result.errorCount).toBe(30);
    expect(result.warningCount).toBe(0);
    expect(result.diagnostics.map((d) => d.question)).toEqual([
      1,
      2,
      ...Array.from({ length: 28 }, (_, i) => i + 4),
    ]);
    const sorted = [...result.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    expect(result.diagnostics).toEqual(sorted);
  });

  it("honours disable/enable comments, for one rule or all, unless inline config is off", () => {
    const text = unfilled
      .replace("### Question 2\n", "<!-- mlops-report-disable answer/filled -->\n\n### Question 2\n")
      .replace("### Question 5\n", "<!-- mlops-report-enable answer/filled -->\n\n### Question 5\n")
      .replace("### Question 30\n", "<!-- mlops-report-disable -->\n\n### Question 30\n");
    const report = parse(text);
    expect(lintReport(report).diagnostics.map((d) => d.question)).toEqual([
      1,
      ...Array.from({ length: 25 }, (_, i) => i + 5),
    ]);
    expect(lintReport(report, { inlineConfig: false }).diagnostics).toHaveLength(30);
  });

  it("keeps a finding's fix only when its rule says it is fixable", () => {
    const offering = (id: string, fixable: boolean) =>
      defineRule({
        meta: { id, description: "offers a fix", docs: "docs/x.md", defaultSeverity: "warning", fixable },
        *check() {
          yield { message: "m", line: 1, column: 1, fix: { start: 0, end: 1, text: "#" } };
        },
      });
    const rules = [offering("plugin/fixable", true), offering("plugin/not-fixable", false)];
    const result = lintReport(parse(unfilled), {
      rules: rules.map((rule) => ({ rule, level: "warning" as const, options: {} })),
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.fix ?? null])).toEqual([
      ["plugin/fixable", { start: 0, end: 1, text: "#" }],
      ["plugin/not-fixable", null],
    ]);
  });

  it("turns a rule that throws into one error finding and keeps the others", () => {
    const broken = defineRule({
      meta: { id: "plugin/broken", description: "throws", docs: "docs/x.md", defaultSeverity: "warning" },
      check() {
        throw new Error("boom");
      },
    });
    const result = lintReport(parse(unfilled), {
      rules: [...defaultRuleSettings(), { rule: broken, level: "warning", options: {} }],
    });
    expect(result.diagnostics.filter((d) => d.ruleId === "plugin/broken")).toEqual([
      {
        ruleId: "plugin/broken",
        severity: "error",
        message: "Rule plugin/broken failed while checking this report: boom",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        question: null,
        checklistItem: null,
      },
    ]);
    expect(result.errorCount).toBe(31);
  });

  it("skips rules that are off and keeps one of two identical findings", () => {
    const twice = defineRule({
      meta: { id: "x/twice", description: "same finding twice", docs: "docs/x.md", defaultSeverity: "info" },
      *check() {
        yield { message: "same", line: 2, column: 1 };
        yield { message: "same", line: 2, column: 1 };
      },
    });
    const settings = defaultRuleSettings().map((s) => ({ ...s, level: "off" as const }));
    const result = lintReport(parse(unfilled), {
      rules: [...settings, { rule: twice, level: "info", options: {} }],
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([["x/twice", "info", 2]]);
    expect([result.errorCount, result.warningCount, result.infoCount]).toEqual([0, 0, 1]);
  });
});
