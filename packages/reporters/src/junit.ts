import type { Diagnostic, LintResult } from "@mlops-report/rules";
import { escapeXmlAttribute, escapeXmlText } from "./escape.js";
import { relativePath } from "./paths.js";
import { type ResultList, wholeText } from "./results.js";
import { compareStrings, inOutputOrder } from "./sort.js";
import { questionTally, ruleLabel } from "./summary.js";
import type { Reporter, ReporterContext, StreamingReporter } from "./types.js";

interface TestCase {
  name: string;
  line: number;
  diagnostics: Diagnostic[];
}

function attributes(pairs: readonly [string, string | number][]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join("");
}

/**
 * One test case per question (`Question 14`) and one per known rule for its report-wide findings
 * (`Report: template structure`). Names never depend on the findings, so that dashboards which track tests by
 * name see the same tests in every run; the failure text names the checks that failed. A question that the
 * report lacks but a finding names gets its own case.
 */
function testCases(result: LintResult, context: ReporterContext): TestCase[] {
  const byQuestion = new Map<number, Diagnostic[]>();
  const byReportWideRule = new Map<string, Diagnostic[]>();
  for (const diagnostic of result.diagnostics) {
    const map = diagnostic.question === null ? byReportWideRule : byQuestion;
    const key = diagnostic.question === null ? diagnostic.ruleId : diagnostic.question;
    const list = (map as Map<string | number, Diagnostic[]>).get(key) ?? [];
    list.push(diagnostic);
    (map as Map<string | number, Diagnostic[]>).set(key, list);
  }
  const cases: TestCase[] = [];
  const seen = new Set<number>();
  for (const question of result.report.questions) {
    if (seen.has(question.number)) continue;
    seen.add(question.number);
    const diagnostics = byQuestion.get(question.number) ?? [];
    cases.push({
      name: `Question ${question.number}`,
      line: diagnostics[0]?.line ?? question.answer.line,
      diagnostics,
    });
  }
  const absent = [...byQuestion.keys()].filter((number) => !seen.has(number)).sort((a, b) => a - b);
  for (const number of absent) {
    const diagnostics = byQuestion.get(number) ?? [];
    cases.push({ name: `Question ${number}`, line: diagnostics[0]?.line ?? 1, diagnostics });
  }
  const ruleIds = [...new Set([...context.rules.map((r) => r.id), ...byReportWideRule.keys()])].sort(
    compareStrings,
  );
  for (const ruleId of ruleIds) {
    const diagnostics = byReportWideRule.get(ruleId) ?? [];
    cases.push({ name: `Report: ${ruleLabel(ruleId)}`, line: diagnostics[0]?.line ?? 1, diagnostics });
  }
  return cases;
}

function describe(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

function isFailure(d: Diagnostic, context: ReporterContext): boolean {
  return d.severity === "error" || (d.severity === "warning" && context.junitWarnings);
}

function testCaseXml(testCase: TestCase, classname: string, context: ReporterContext): string {
  const failures = testCase.diagnostics.filter((d) => isFailure(d, context));
  const others = testCase.diagnostics.filter((d) => !isFailure(d, context));
  const head = `    <testcase${attributes([
    ["name", testCase.name],
    ["classname", classname],
    ["file", classname],
    ["line", testCase.line],
    ["time", "0"],
  ])}`;
  if (testCase.diagnostics.length === 0) return `${head}/>`;
  const body = failures.map(
    (d) =>
      `      <failure${attributes([
        ["type", d.ruleId],
        ["message", d.message],
      ])}>${escapeXmlText(describe(d))}</failure>`,
  );
  if (others.length > 0) {
    body.push(`      <system-out>${escapeXmlText(others.map(describe).join("\n"))}</system-out>`);
  }
  return `${head}>\n${body.join("\n")}\n    </testcase>`;
}

/** A report's test cases, and how many of them fail. */
function suiteCases(result: LintResult, context: ReporterContext): { cases: TestCase[]; failures: number } {
  const cases = testCases(result, context);
  return { cases, failures: cases.filter((c) => c.diagnostics.some((d) => isFailure(d, context))).length };
}

function suiteXml(result: LintResult, context: ReporterContext): string {
  const path = relativePath(result.filePath, context.cwd);
  const { cases, failures } = suiteCases(result, context);
  const tally = questionTally(result.report);
  const properties = [
    ["template.year", String(result.report.template.year)],
    ["template.questionCount", String(result.report.template.questionCount)],
    ["questions.answered", `${tally.answered}/${tally.total}`],
  ].map(
    ([name, value]) =>
      `      <property${attributes([
        ["name", name ?? ""],
        ["value", value ?? ""],
      ])}/>`,
  );
  const lines = [
    `  <testsuite${attributes([
      ["name", path],
      ["tests", cases.length],
      ["failures", failures],
      ["errors", 0],
      ["skipped", 0],
      ["time", "0"],
      ["file", path],
    ])}>`,
    "    <properties>",
    ...properties,
    "    </properties>",
    ...cases.map((testCase) => testCaseXml(testCase, path, context)),
    "  </testsuite>",
  ];
  return lines.join("\n");
}

/** The test cases of every report, and the failing ones, which the root element counts before any suite. */
function caseCounts(list: ResultList, context: ReporterContext): { tests: number; failures: number } {
  const counts = { tests: 0, failures: 0 };
  for (let index = 0; index < list.length; index++) {
    const { cases, failures } = suiteCases(list.read(index), context);
    counts.tests += cases.length;
    counts.failures += failures;
  }
  return counts;
}

/** One test suite per report, a report at a time: the results are read twice, first for the root's counts. */
export const junitParts: StreamingReporter = function* (list, context) {
  const { tests, failures } = caseCounts(list, context);
  const root = `<testsuites${attributes([
    ["name", `mlops-report ${context.toolVersion}`],
    ["tests", tests],
    ["failures", failures],
    ["errors", 0],
    ["time", "0"],
  ])}>`;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
  for (const { result } of inOutputOrder(list, context.cwd)) yield `${suiteXml(result, context)}\n`;
  yield "</testsuites>\n";
};

export const junit: Reporter = wholeText(junitParts);
