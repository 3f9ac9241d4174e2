import { hostileResult } from "@mlops-report/testing/arbitraries";
import {
  hasShared,
  hasXmllint,
  junitSchemaPath,
  shouldRunWith,
  warnSkip,
  xmllintValidate,
} from "@mlops-report/testing/environment";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { xmlSafeText } from "./escape.js";
import { junit } from "./junit.js";

const context = makeContext({ cwd: "/home/student/project", toolVersion: "1.2.3" });

function small() {
  const report = makeReport({
    questionCount: 3,
    questions: [
      { number: 1, line: 10 },
      { number: 2, line: 20 },
      { number: 3, line: 30 },
    ],
  });
  return makeResult("/home/student/project/reports/README.md", report, [
    {
      ruleId: "answer/word-count",
      severity: "warning",
      message: "Question 2 has 4 words",
      line: 24,
      question: 2,
    },
    { ruleId: "image/exists", message: 'Image "a<b>.png" does not exist', line: 26, column: 3, question: 2 },
    { ruleId: "answer/filled", message: "Question 3 is not answered", line: 34, question: 3 },
    {
      ruleId: "checklist/consistency",
      severity: "warning",
      message: "DVC & Q10",
      line: 5,
      checklistItem: "dvc",
    },
  ]);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["testsuite", "testcase", "failure", "property"].includes(name),
});

interface ParsedCase {
  name: string;
  classname: string;
  file: string;
  line: string;
  failure?: { type: string; message: string; "#text": string }[];
  "system-out"?: string;
}

function suites(xml: string) {
  return parser.parse(xml).testsuites as Record<string, string> & {
    testsuite: (Record<string, string> & { testcase?: ParsedCase[] })[];
  };
}

describe("junit reporter", () => {
  it("writes one suite per report, one case per question and one per rule's report-wide findings", () => {
    expect(junit([small()], context)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="mlops-report 1.2.3" tests="9" failures="2" errors="0" time="0">',
        '  <testsuite name="reports/README.md" tests="9" failures="2" errors="0" skipped="0" time="0" file="reports/README.md">',
        "    <properties>",
        '      <property name="template.year" value="2026"/>',
        '      <property name="template.questionCount" value="3"/>',
        '      <property name="questions.answered" value="3/3"/>',
        "    </properties>",
        '    <testcase name="Question 1" classname="reports/README.md" file="reports/README.md" line="14" time="0"/>',
        // Names never depend on findings: dashboards track the same tests from run to run.
        '    <testcase name="Question 2" classname="reports/README.md" file="reports/README.md" line="24" time="0">',
        '      <failure type="image/exists" message="Image &quot;a&lt;b&gt;.png&quot; does not exist">26:3 error Image "a&lt;b&gt;.png" does not exist (image/exists)</failure>',
        "      <system-out>24:1 warning Question 2 has 4 words (answer/word-count)</system-out>",
        "    </testcase>",
        '    <testcase name="Question 3" classname="reports/README.md" file="reports/README.md" line="34" time="0">',
        '      <failure type="answer/filled" message="Question 3 is not answered">34:1 error Question 3 is not answered (answer/filled)</failure>',
        "    </testcase>",
        '    <testcase name="Report: filled" classname="reports/README.md" file="reports/README.md" line="1" time="0"/>',
        '    <testcase name="Report: word count" classname="reports/README.md" file="reports/README.md" line="1" time="0"/>',
        '    <testcase name="Report: checklist consistency" classname="reports/README.md" file="reports/README.md" line="5" time="0">',
        "      <system-out>5:1 warning DVC &amp; Q10 (checklist/consistency)</system-out>",
        "    </testcase>",
        '    <testcase name="Report: image exists" classname="reports/README.md" file="reports/README.md" line="1" time="0"/>',
        '    <testcase name="Report: image in code" classname="reports/README.md" file="reports/README.md" line="1" time="0"/>',
        '    <testcase name="Report: template structure" classname="reports/README.md" file="reports/README.md" line="1" time="0"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("turns warnings into failures with junitWarnings and counts failing cases", () => {
    const parsed = suites(junit([small()], { ...context, junitWarnings: true }));
    expect(parsed.failures).toBe("3");
    const cases = parsed.testsuite[0]?.testcase ?? [];
    expect(cases.map((c) => (c.failure ?? []).map((f) => f.type))).toEqual([
      [],
      ["answer/word-count", "image/exists"],
      ["answer/filled"],
      [],
      [],
      ["checklist/consistency"],
      [],
      [],
      [],
    ]);
    expect(cases.every((c) => c["system-out"] === undefined)).toBe(true);
  });

  it("adds up tests and failures over several reports", () => {
    const clean = makeResult("a.md", makeReport({ questions: [{ number: 1, line: 3 }] }));
    const parsed = suites(junit([exampleResult("z/README.md"), clean, small()], context));
    expect(parsed.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ["a.md", "7", "0"],
      ["reports/README.md", "9", "2"],
      ["z/README.md", "38", "3"],
    ]);
    expect([parsed.tests, parsed.failures, parsed.errors]).toEqual(["54", "5", "0"]);
  });

  it("is well-formed for an empty run", () => {
    const output = junit([], context);
    expect(XMLValidator.validate(output)).toBe(true);
    expect(output).toContain(
      '<testsuites name="mlops-report 1.2.3" tests="0" failures="0" errors="0" time="0">',
    );
  });
});

const runXsd = hasShared && shouldRunWith("xmllint", hasXmllint);
if (!hasShared) warnSkip("JUnit schema validation", "../shared/schemas is absent");

describe.runIf(runXsd)("junit output against the Jenkins JUnit schema with file/line", () => {
  it("validates with xmllint for synthetic reports", () => {
    const output = junit([small(), exampleResult("b/README.md")], { ...context, junitWarnings: true });
    const outcome = xmllintValidate(output, junitSchemaPath);
    expect(outcome.messages).toBe("- validates\n");
    expect(outcome.valid).toBe(true);
  });

  it("xmllint rejects a case without a name, so the validation is real", () => {
    const broken = junit([small()], context).replace('<testcase name="Question 1" ', "<testcase ");
    expect(xmllintValidate(broken, junitSchemaPath).valid).toBe(false);
  });

  it("stays well-formed and valid for arbitrary messages, paths and rule ids", () => {
    fc.assert(
      fc.property(hostileResult, fc.boolean(), (result, junitWarnings) => {
        const output = junit([result], { ...context, junitWarnings });
        expect(XMLValidator.validate(output)).toBe(true);
        const outcome = xmllintValidate(output, junitSchemaPath);
        expect(outcome.messages).toBe("- validates\n");
        const failures = (suites(output).testsuite[0]?.testcase ?? []).flatMap((c) => c.failure ?? []);
        const expected = result.diagnostics
          .filter((d) => d.severity === "error" || (junitWarnings && d.severity === "warning"))
          .map((d) => xmlSafeText(d.message))
          .sort();
        expect(failures.map((f) => f.message).sort()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
