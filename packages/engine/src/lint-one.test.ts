import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempTree } from "@mlops-report/testing/cli";
import { lintSettings } from "@mlops-report/testing/engine";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { LintCache } from "./cache.js";
import { cachedResult, storeResult } from "./cached-lint.js";
import { ReportLinter } from "./lint-one.js";
import { UserError } from "./messages.js";
import { OverTimeLimit } from "./time-limit.js";

/** A report with two safe fixes to make: an image in a code span, and a link in the wrong letter case. */
function fixable() {
  const root = tempTree(
    cleanReportFiles("", { 19: "Our bucket: `![b](figures/b.png)`", 20: "![r](figures/r.png)" }),
  );
  renameSync(join(root, "reports/figures/r.png"), join(root, "reports/figures/R.png"));
  const path = join(root, "reports/README.md");
  return { root, path, text: readFileSync(path, "utf8") };
}

describe("ReportLinter", () => {
  it("lints a text as it lints the file that holds it", async () => {
    const { root, path, text } = fixable();
    const linter = new ReportLinter(lintSettings(root));
    const task = { path, shown: "reports/README.md", config: linter.locate(path) };
    const fromFile = await linter.lint(task);
    const fromText = await linter.lintText(text, task);
    expect(fromFile.ok && fromFile.result.diagnostics).toEqual(fromText.result.diagnostics);
    expect(fromText.result.diagnostics.map((d) => d.ruleId)).toEqual([
      "checklist/marks",
      "image/in-code",
      "image/exists",
    ]);
  });

  it("fixes to a fixed point: the text --fix writes, and nothing more to fix after it", async () => {
    const { root, path, text } = fixable();
    const linter = new ReportLinter(lintSettings(root));
    const task = { path, shown: "reports/README.md", config: linter.locate(path) };
    const fixed = await linter.fix(text, task);
    expect(fixed.count).toBe(2);
    expect(fixed.text).toBe(
      text.replace("`![b](figures/b.png)`", "![b](figures/b.png)").replace("figures/r.png", "figures/R.png"),
    );
    expect(fixed.pass.result.diagnostics.map((d) => d.ruleId)).toEqual(["checklist/marks"]);
    expect((await linter.fix(fixed.text, task)).count).toBe(0);
    const withFix = await new ReportLinter(lintSettings(root, { fix: true })).lint(task);
    expect(withFix.ok && withFix.fixed).toEqual({ before: text, after: fixed.text, count: 2 });
  });

  it("throws a config problem of a text as a UserError, formatted with its caret", async () => {
    const root = tempTree({
      ...cleanReportFiles(),
      ".mlops-report.yaml": "rules:\n  image/exists: [loud]\n",
    });
    const path = join(root, "reports/README.md");
    const linter = new ReportLinter(lintSettings(root));
    const task = { path, shown: "reports/README.md", config: linter.locate(path) };
    const error = await linter.lintText(readFileSync(path, "utf8"), task).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      ".mlops-report.yaml:2:18: the severity of `image/exists` must be one of error, warning, info, off, not loud\n" +
        "  2 |   image/exists: [loud]\n" +
        "    |                  ^^^^",
    );
  });
});

describe("the time limit", () => {
  // Lines of lists nested 20 deep, which take the markdown parser seconds (some 10 s for these 60 KB): far over a
  // limit of half a second, on any machine.
  const nestedLists = `${"- ".repeat(20)}x\n`.repeat(1500);

  it("gives up a report linted in this thread once it takes longer than its limit, and lints the next", async () => {
    const slow = tempTree(cleanReportFiles("", { 1: nestedLists }));
    const { root, path } = fixable();
    const linter = new ReportLinter(lintSettings(root, { timeLimitSeconds: 0.5 }));
    const slowPath = join(slow, "reports/README.md");
    const outcome = await linter.lint({ path: slowPath, shown: "slow.md", config: linter.locate(slowPath) });
    expect(outcome).toEqual({
      ok: false,
      parsed: false,
      message: "slow.md: not linted: it took longer than the time limit of 0.5 s per report (--time-limit)",
      alreadyFormatted: false,
    });
    const next = await linter.lint({ path, shown: "reports/README.md", config: linter.locate(path) });
    expect(next.ok && next.result.diagnostics.map((d) => d.ruleId)).toEqual([
      "checklist/marks",
      "image/in-code",
      "image/exists",
    ]);
  });

  it("throws an OverTimeLimit for a text, fixed or not", async () => {
    const { root, path } = fixable();
    const linter = new ReportLinter(lintSettings(root, { timeLimitSeconds: 0.5 }));
    const task = { path, shown: "reports/README.md", config: linter.locate(path) };
    const text = readFileSync(path, "utf8").replace(
      "\n\n### Question 2",
      `\n\n${nestedLists}\n\n### Question 2`,
    );
    await expect(linter.lintText(text, task)).rejects.toBeInstanceOf(OverTimeLimit);
    await expect(linter.fix(text, task)).rejects.toThrow(
      "reports/README.md: not linted: it took longer than the time limit of 0.5 s per report (--time-limit)",
    );
  });
});

describe("cachedResult", () => {
  it("gives a stored result back while the text is the same, and none to fix when fixing", async () => {
    const { root, path, text } = fixable();
    const cacheFile = join(root, ".mlops-report-cache");
    const base = lintSettings(root, { cacheFile });
    const linter = new ReportLinter(base);
    const task = { path, shown: "reports/README.md", config: linter.locate(path) };
    const linted = await linter.lint(task);
    if (!linted.ok) throw new Error(linted.message);
    const cache = LintCache.load(cacheFile).cache;
    storeResult(cache, task, linted, base, true);
    expect(cachedResult(cache, task, text, base)?.result.diagnostics).toEqual(linted.result.diagnostics);
    expect(cachedResult(cache, task, `${text}\n${words(3)}\n`, base)).toBeNull();
    expect(cachedResult(cache, task, text, { ...base, fix: true })).toBeNull();
    writeFileSync(join(root, "reports/figures/r.png"), "");
    expect(cachedResult(cache, task, text, base)).toBeNull();
  });
});
