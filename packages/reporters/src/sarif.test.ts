import { hostileResult } from "@mlops-report/testing/arbitraries";
import { hasShared, sarifSchemaPath, warnSkip } from "@mlops-report/testing/environment";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext, makeReport, makeResult, testRules } from "@mlops-report/testing/factory";
import { githubProblems, log } from "@mlops-report/testing/sarif-checks";
import { compileSchemaFile } from "@mlops-report/testing/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sarif } from "./sarif.js";

const context = makeContext({ cwd: "/home/student/project", toolVersion: "1.2.3" });

describe("sarif reporter", () => {
  it("describes every rule of the context and of the results, sorted by id", () => {
    const result = makeResult("reports/README.md", makeReport(), [
      { ruleId: "custom/dvc-described", severity: "warning", message: "DVC is not described", line: 3 },
    ]);
    const driver = log(sarif([result], context)).runs[0]?.tool.driver;
    expect(driver?.name).toBe("mlops-report");
    expect(driver?.version).toBe("1.2.3");
    expect(driver?.rules.map((rule) => rule.id)).toEqual([
      "answer/filled",
      "answer/word-count",
      "checklist/consistency",
      "custom/dvc-described",
      "image/exists",
      "image/in-code",
      "template/structure",
    ]);
    expect(driver?.rules[1]).toEqual({
      id: "answer/word-count",
      name: "AnswerWordCount",
      shortDescription: { text: "An answer's length lies within the band its question states." },
      fullDescription: {
        text: "An answer's length lies within the band its question states. Rule answer/word-count of mlops-report, the linter for the 02476 MLOps exam report; default severity: warning.",
      },
      help: {
        text: "An answer's length lies within the band its question states. Documentation: dist/docs/rules/answer/word-count.md in the installed mlops-report package. Configure or turn it off under `rules:` in .mlops-report.yaml.",
        markdown:
          "**answer/word-count**: An answer's length lies within the band its question states.\n\nDocumentation: `dist/docs/rules/answer/word-count.md` in the installed mlops-report package.\n\nConfigure or turn it off under `rules:` in `.mlops-report.yaml`.",
      },
      defaultConfiguration: { level: "warning" },
      properties: { tags: ["mlops-report", "answer"] },
    });
    expect(driver?.rules[3]?.shortDescription).toEqual({ text: "Checks custom dvc described." });
  });

  it("writes results with relative uris, 1-based regions, levels and rule indexes", () => {
    const result = makeResult("/home/student/project/reports/my report%.md", makeReport(), [
      { ruleId: "image/exists", message: "Missing image", line: 4, column: 3, endColumn: 9, question: 2 },
      {
        ruleId: "checklist/consistency",
        severity: "info",
        message: "Note",
        line: 2,
        endLine: 1,
        endColumn: 1,
      },
    ]);
    const results = log(sarif([result], context)).runs[0]?.results;
    expect(results?.map((r) => [r.ruleId, r.ruleIndex, r.level, r.message.text])).toEqual([
      ["checklist/consistency", 2, "note", "Note"],
      ["image/exists", 3, "error", "Missing image"],
    ]);
    expect(results?.[1]?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: "reports/my%20report%25.md", uriBaseId: "%SRCROOT%" },
          region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
        },
      },
    ]);
    // An end before the start is clamped to the start.
    expect(results?.[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 1,
    });
  });

  it("keeps a finding's fingerprint when lines are inserted above it, and tells equal findings apart", () => {
    const finding = { ruleId: "image/exists", message: "Missing image", question: 2 };
    const before = makeResult("r.md", makeReport({ text: "a\nb\n![x](x.png)\n" }), [
      { ...finding, line: 3 },
      { ...finding, line: 3, column: 9 },
    ]);
    const after = makeResult("r.md", makeReport({ text: "new\nlines\na\nb\n![x](x.png)\n" }), [
      { ...finding, line: 5 },
      { ...finding, line: 5, column: 9 },
    ]);
    const prints = (r: typeof before) =>
      log(sarif([r], context)).runs[0]?.results.map((x) => x.partialFingerprints["mlopsReport/v1"]);
    const first = prints(before);
    expect(prints(after)).toEqual(first);
    expect(first?.[0]).toMatch(/^[0-9a-f]{64}:1$/);
    expect(first?.[1]).toBe(first?.[0]?.replace(/:1$/, ":2"));
  });

  it("meets GitHub's requirements for the example report", () => {
    expect(githubProblems(log(sarif([exampleResult()], context)))).toEqual([]);
  });
});

const validate = hasShared ? compileSchemaFile(sarifSchemaPath) : null;
if (!hasShared) warnSkip("SARIF schema validation", "../shared/schemas is absent");

describe.runIf(validate !== null)("sarif output against the SARIF 2.1.0 schema", () => {
  it("validates for synthetic reports", () => {
    const output = log(sarif([exampleResult("b/README.md"), exampleResult("a/README.md")], context));
    expect(validate?.(output), JSON.stringify(validate?.errors)).toBe(true);
    expect(output.version).toBe("2.1.0");
  });

  it("the schema rejects a wrong version, so the validation is real", () => {
    const output = log(sarif([exampleResult()], context));
    expect(validate?.({ ...output, version: "2.0.0" })).toBe(false);
  });

  it("stays valid and meets GitHub's requirements for arbitrary text", () => {
    fc.assert(
      fc.property(fc.array(hostileResult, { maxLength: 3 }), (results) => {
        const output = log(sarif(results, { ...context, rules: testRules }));
        expect(validate?.(output), JSON.stringify(validate?.errors)).toBe(true);
        expect(githubProblems(output)).toEqual([]);
        expect(output.runs[0]?.results.length).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
      }),
    );
  });
});
