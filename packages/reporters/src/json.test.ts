import { hostileResult } from "@mlops-report/testing/arbitraries";
import { classCwd, classResults } from "@mlops-report/testing/class";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import { compileSchemaFile, lintResultsSchemaPath } from "@mlops-report/testing/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wellFormed } from "./escape.js";
import { json } from "./json.js";

const context = makeContext({ cwd: "/home/student/project" });
const validate = compileSchemaFile(lintResultsSchemaPath);

describe("json reporter", () => {
  it("writes the versioned shape with relative paths and sorted findings", () => {
    const report = makeReport({
      year: "unknown",
      questionCount: 2,
      questions: [
        { number: 1, line: 5 },
        { number: 2, line: 15, state: "empty" },
      ],
    });
    const result = makeResult("/home/student/project/reports/README.md", report, [
      { ruleId: "answer/filled", message: "Question 2 has no answer", line: 19, question: 2 },
      { ruleId: "checklist/marks", severity: "warning", message: "Odd mark", line: 3, checklistItem: "dvc" },
    ]);
    expect(JSON.parse(json([result], context))).toEqual({
      schemaVersion: 1,
      results: [
        {
          filePath: "reports/README.md",
          template: { year: "unknown", questionCount: 2 },
          errorCount: 1,
          warningCount: 1,
          infoCount: 0,
          questions: {
            answered: 1,
            total: 2,
            counts: [
              {
                question: 1,
                status: "ok",
                words: { count: 0, counting: "official", allowed: null },
                images: { count: 0, counting: "official", allowed: null },
              },
              {
                question: 2,
                status: "unanswered",
                words: { count: 0, counting: "official", allowed: null },
                images: { count: 0, counting: "official", allowed: null },
              },
            ],
          },
          group: { text: null, number: null, students: [] },
          diagnostics: [
            {
              ruleId: "checklist/marks",
              severity: "warning",
              message: "Odd mark",
              line: 3,
              column: 1,
              endLine: 3,
              endColumn: 2,
              question: null,
              checklistItem: "dvc",
            },
            {
              ruleId: "answer/filled",
              severity: "error",
              message: "Question 2 has no answer",
              line: 19,
              column: 1,
              endLine: 19,
              endColumn: 2,
              question: 2,
              checklistItem: null,
            },
          ],
        },
      ],
    });
  });

  it("puts keys in a fixed order and ends with a newline", () => {
    const output = json([exampleResult()], context);
    expect(output.endsWith("}\n")).toBe(true);
    expect(output.indexOf('"schemaVersion"')).toBeLessThan(output.indexOf('"results"'));
    expect(Object.keys(JSON.parse(output).results[0])).toEqual([
      "filePath",
      "template",
      "errorCount",
      "warningCount",
      "infoCount",
      "questions",
      "group",
      "diagnostics",
    ]);
  });

  it("validates against its own schema", () => {
    const output = JSON.parse(json([exampleResult("b/README.md"), exampleResult("a/README.md")], context));
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(output.results.map((r: { filePath: string }) => r.filePath)).toEqual([
      "a/README.md",
      "b/README.md",
    ]);
  });

  it("carries a finding's fix, valid against the schema", () => {
    const result = exampleResult();
    result.diagnostics[0]!.fix = { start: 10, end: 12, text: "%20" };
    const output = JSON.parse(json([result], context));
    expect(output.results[0].diagnostics[0].fix).toEqual({ start: 10, end: 12, text: "%20" });
    expect(output.results[0].diagnostics[1].fix).toBeUndefined();
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    output.results[0].diagnostics[0].fix.end = "12";
    expect(validate(output)).toBe(false);
  });

  it("the schema rejects what the shape forbids", () => {
    const good = JSON.parse(json([exampleResult()], context));
    const wrongVersion = { ...good, schemaVersion: 2 };
    const extraKey = { ...good, results: [{ ...good.results[0], extra: true }] };
    const badSeverity = structuredClone(good);
    badSeverity.results[0].diagnostics[0].severity = "fatal";
    const badYear = structuredClone(good);
    badYear.results[0].template.year = "2026";
    for (const bad of [wrongVersion, extraKey, badSeverity, badYear]) expect(validate(bad)).toBe(false);
  });

  it("leaves the class summary out when the context says so (--quiet)", () => {
    const output = JSON.parse(json(classResults(), makeContext({ cwd: classCwd, classSummary: false })));
    expect(Object.keys(output)).toEqual(["schemaVersion", "results"]);
  });

  it("adds the class summary after the results for several reports, and only then", () => {
    const output = JSON.parse(json(classResults(), makeContext({ cwd: classCwd })));
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(output)).toEqual(["schemaVersion", "results", "summary"]);
    expect(output.summary.reports).toBe(3);
    expect(output.summary.questions).toEqual([
      { question: 2, checks: [{ ruleId: "answer/format", errors: 1, warnings: 0 }] },
      {
        question: 14,
        checks: [
          { ruleId: "answer/word-count", errors: 1, warnings: 1 },
          { ruleId: "image/exists", errors: 1, warnings: 0 },
        ],
      },
      { question: 27, checks: [{ ruleId: "answer/filled", errors: 1, warnings: 0 }] },
    ]);
    expect(output.summary.checklist.map((item: { ticked: number; reports: number }) => item.ticked)).toEqual([
      3, 1, 1, 0,
    ]);
    expect(output.summary.mostErrors).toEqual([
      { filePath: "group-a/reports/README.md", errors: 3, warnings: 2 },
      { filePath: "group-b/reports/README.md", errors: 2, warnings: 1 },
    ]);
    expect(Object.keys(JSON.parse(json([exampleResult()], context)))).toEqual(["schemaVersion", "results"]);
  });

  it("the schema rejects a summary of the wrong shape", () => {
    const good = JSON.parse(json(classResults(), makeContext({ cwd: classCwd })));
    const negative = structuredClone(good);
    negative.summary.checklist[0].ticked = -1;
    const missing = structuredClone(good);
    delete missing.summary.mostErrors;
    const extra = structuredClone(good);
    extra.summary.questions[0].checks[0].groups = 1;
    for (const bad of [negative, missing, extra]) expect(validate(bad)).toBe(false);
  });

  it("stays valid JSON that round-trips every message for arbitrary text", () => {
    fc.assert(
      fc.property(hostileResult, (result) => {
        const output = JSON.parse(json([result], context));
        expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
        const sorted = [...result.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
        expect(output.results[0].diagnostics.map((d: { line: number }) => d.line)).toEqual(
          sorted.map((d) => d.line),
        );
        expect(new Set(output.results[0].diagnostics.map((d: { message: string }) => d.message))).toEqual(
          new Set(result.diagnostics.map((d) => wellFormed(d.message))),
        );
      }),
    );
  });
});
