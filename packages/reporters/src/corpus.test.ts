/**
 * Every report of the shared corpus, parsed and linted by the real engine, through every reporter: the
 * outputs must be what their consumers accept.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "@mlops-report/core";
import type { LintResult } from "@mlops-report/rules";
import { lintReport, listRules } from "@mlops-report/rules";
import { oracle } from "@mlops-report/testing/corpus";
import {
  corpusDir,
  hasShared,
  hasXmllint,
  junitSchemaPath,
  sarifSchemaPath,
  shouldRunWith,
  warnSkip,
  xmllintValidate,
} from "@mlops-report/testing/environment";
import { allowedAttributes, allowedTags, markup } from "@mlops-report/testing/html-markup";
import { githubProblems, log } from "@mlops-report/testing/sarif-checks";
import { compileSchemaFile, lintResultsSchemaPath } from "@mlops-report/testing/schemas";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { formatNames, reporters } from "./index.js";
import { displayWidth } from "./text-width.js";

if (!hasShared) warnSkip("corpus tests", "../shared/corpus is absent");

/** Seeds and repository copies, as absolute paths, in a fixed order. */
function corpusFiles(): string[] {
  const seeds = readdirSync(`${corpusDir}seeds`)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => `${corpusDir}seeds/${name}`);
  const repos = readdirSync(`${corpusDir}repos`)
    .sort()
    .map((name) => `${corpusDir}repos/${name}/reports/README.md`);
  return [...seeds, ...repos];
}

function lintCorpus(): LintResult[] {
  return corpusFiles().map((path) =>
    lintReport(parse(readFileSync(path, "utf8"), { path }), { filePath: path }),
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ansi = /\u001b\[[0-9;]*m/g;

describe.runIf(hasShared)("reporters over the corpus", () => {
  const results = hasShared ? lintCorpus() : [];
  const context = {
    rules: listRules(),
    cwd: corpusDir.replace(/\/$/, ""),
    color: true,
    junitWarnings: false,
    toolVersion: "0.0.0-test",
  };
  const seeds = results.filter((result) => result.filePath.includes("/seeds/"));

  // Every report the course checker's numbers cover: five seeds, the rest whole repositories.
  const reportCount = Object.keys(oracle()).length;

  it("has every report of the corpus", () => {
    expect(results.length).toBe(reportCount);
    expect(seeds.length).toBe(5);
  });

  it("json validates against its schema and keeps every finding", () => {
    const validate = compileSchemaFile(lintResultsSchemaPath);
    const output = JSON.parse(reporters.json(results, context));
    expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(output.results.length).toBe(reportCount);
    const findings = output.results.reduce(
      (n: number, r: { diagnostics: unknown[] }) => n + r.diagnostics.length,
      0,
    );
    expect(findings).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
  });

  it("sarif validates against SARIF 2.1.0 and meets GitHub's requirements", () => {
    const validate = compileSchemaFile(sarifSchemaPath);
    const output = log(reporters.sarif(results, context));
    expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(githubProblems(output)).toEqual([]);
    expect(output.runs[0]?.results.length).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
  });

  describe.runIf(shouldRunWith("xmllint", hasXmllint))("junit", () => {
    for (const junitWarnings of [false, true]) {
      it(`validates against the JUnit schema with file/line (junitWarnings: ${junitWarnings})`, () => {
        const output = reporters.junit(results, { ...context, junitWarnings });
        expect(XMLValidator.validate(output)).toBe(true);
        const outcome = xmllintValidate(output, junitSchemaPath);
        expect(outcome.messages).toBe("- validates\n");
        expect(outcome.valid).toBe(true);
        const suites = output.match(/<testsuite /g)?.length;
        expect(suites).toBe(reportCount);
      });
    }
  });

  it("terminal output of the seed reports fits 80 columns", () => {
    for (const seed of seeds) {
      const output = reporters.terminal([seed], context).replace(ansi, "");
      const long = output.split("\n").filter((line) => displayWidth(line) > 80);
      expect(long, seed.filePath).toEqual([]);
    }
  });

  it("html pages carry only the reporter's own markup", () => {
    const { tags, attributes } = markup(reporters.html(results, context));
    expect([...tags].filter((tag) => !allowedTags.has(tag))).toEqual([]);
    expect([...attributes].filter((name) => !allowedAttributes.has(name))).toEqual([]);
  });

  it("github annotations are one well-formed command per finding", () => {
    const output = reporters.github(results, context);
    const lines = output.split("\n").filter((line) => line !== "");
    expect(lines.length).toBe(results.reduce((n, r) => n + r.diagnostics.length, 0));
    for (const line of lines) {
      expect(line).toMatch(
        /^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::/,
      );
    }
  });

  it("every format gives the same bytes twice", () => {
    for (const format of formatNames) {
      expect(reporters[format](results, context)).toBe(reporters[format]([...results].reverse(), context));
    }
  });
});
