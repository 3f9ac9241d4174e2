import { spawnSync } from "node:child_process";
import { readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

const README = "reports/README.md";

/** A clean report with one finding of each fixable kind, and the figures renamed to match. */
function fixableTree(transform: (text: string) => string = (t) => t): string {
  const files = cleanReportFiles("", {
    14: `${words(250)}\n\n![w](figures/w.png)\n\n--- question 14 fill here ---`,
    19: "Our bucket: `![b](figures/b.png)`",
    20: "![r](figures/r.png)",
    21: "![c](figures/cloud build.png)",
  });
  files[README] = transform(files[README] as string);
  const root = tempTree(files);
  renameSync(join(root, "reports/figures/r.png"), join(root, "reports/figures/R.png"));
  renameSync(join(root, "reports/figures/c.png"), join(root, "reports/figures/cloud build.png"));
  return root;
}

/** The report as the four fixes leave it. */
function fixedText(text: string): string {
  return text
    .replace("\n\n--- question 14 fill here ---", "")
    .replace("`![b](figures/b.png)`", "![b](figures/b.png)")
    .replace("![r](figures/r.png)", "![r](figures/R.png)")
    .replace("![c](figures/cloud build.png)", "![c](figures/cloud%20build.png)");
}

const read = (root: string) => readFileSync(join(root, README), "utf8");

describe("lint --fix-dry-run", () => {
  it("prints a unified diff that git applies, writes nothing, and reports what the fixes leave", () => {
    const root = fixableTree();
    const before = read(root);
    expect(runCli(["lint"], root).code).toBe(1);
    const run = runCli(["lint", "--fix-dry-run"], root);
    expect(run.code).toBe(0);
    expect(read(root)).toBe(before);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([`--- a/${README}`, `+++ b/${README}`]);
    expect(lines.filter((l) => /^[-+][^-+]|^[-+]$/.test(l))).toEqual([
      "-",
      "-Our bucket: `![b](figures/b.png)`",
      "+Our bucket: ![b](figures/b.png)",
      "-![r](figures/r.png)",
      "+![r](figures/R.png)",
      "-![c](figures/cloud build.png)",
      "+![c](figures/cloud%20build.png)",
    ]);
    expect(lines.filter((l) => l === "---- question 14 fill here ---")).toHaveLength(1);
    // The findings went to standard error: standard output is the patch alone.
    expect(run.stderr).toContain("✔ 0 errors, 0 warnings, 1 info · questions answered 31/31");
    spawnSync("git", ["init", "-q"], { cwd: root });
    const apply = spawnSync("git", ["apply", "-"], { cwd: root, input: run.stdout, encoding: "utf8" });
    expect(apply.stderr).toBe("");
    expect(read(root)).toBe(fixedText(before));
  });

  it("prints nothing on standard output when there is nothing to fix", () => {
    const root = tempTree(cleanReportFiles());
    const run = runCli(["lint", "--fix-dry-run"], root);
    expect([run.code, run.stdout]).toEqual([0, ""]);
  });

  it("cannot be given with --fix", () => {
    const run = runCli(["lint", "--fix", "--fix-dry-run"], fixableTree());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--fix-dry-run' cannot be used with option '--fix'");
  });
});

describe("lint --fix", () => {
  it("writes the fixes, says how many, and a second run changes nothing", () => {
    const root = fixableTree();
    const before = read(root);
    const first = runCli(["lint", "--fix"], root);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`mlops-report: note: ${README}: fixed 4 findings\n`);
    expect(first.stdout).toContain("✔ 0 errors, 0 warnings");
    expect(read(root)).toBe(fixedText(before));
    const second = runCli(["lint", "--fix"], root);
    expect([second.code, second.stderr]).toEqual([0, ""]);
    expect(read(root)).toBe(fixedText(before));
  });

  it("keeps CRLF line endings and the byte-order mark", () => {
    const root = fixableTree((text) => `\uFEFF${text.replaceAll("\n", "\r\n")}`);
    const before = read(root);
    expect(runCli(["lint", "--fix"], root).code).toBe(0);
    const after = read(root);
    expect(after.startsWith("\uFEFF")).toBe(true);
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
    expect(after).toBe(
      `\uFEFF${fixedText(before.slice(1).replaceAll("\r\n", "\n")).replaceAll("\n", "\r\n")}`,
    );
  });

  it("fixes what it can and still reports the rest, with exit code 1 for errors left", () => {
    const root = fixableTree((text) => text.replace("![a](figures/a.png)", "![a](figures/gone.png)"));
    const run = runCli(["lint", "--fix", "--format", "json"], root);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout).results;
    expect(result.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual([
      "checklist/marks",
      "image/exists",
    ]);
    expect(read(root)).toContain("![r](figures/R.png)");
  });

  it("with --cache: a fixed report is cached as written, so the next run parses nothing", () => {
    const root = fixableTree();
    const env = { MLOPS_REPORT_DEBUG: "1" };
    expect(runCli(["lint", "--fix", "--cache"], root, env).stderr).toContain("1 parsed, 0 from the cache");
    const again = runCli(["lint", "--fix", "--cache"], root, env);
    expect(again.stderr).toContain("0 parsed, 1 from the cache");
    expect(again.code).toBe(0);
  });

  it("with --cache: a dry run caches nothing of the fixed text, and --fix then still fixes", () => {
    const root = fixableTree();
    const before = read(root);
    const env = { MLOPS_REPORT_DEBUG: "1" };
    runCli(["lint", "--cache"], root, env);
    const dry = runCli(["lint", "--fix-dry-run", "--cache"], root, env);
    expect(dry.stderr).toContain("1 parsed, 0 from the cache");
    const fix = runCli(["lint", "--fix", "--cache"], root, env);
    expect(fix.stderr).toContain("1 parsed, 0 from the cache");
    expect(read(root)).toBe(fixedText(before));
  });
});
