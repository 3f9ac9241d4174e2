import { runCli } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS, oracle } from "@mlops-report/testing/corpus";
import { describe, expect, it } from "vitest";

/**
 * What a student sees with no config: every question the course checker fails on words or images gets a
 * finding, so nothing the checker fails passes silently.
 */
const reports = corpusReports();
const official = oracle();

interface JsonResult {
  filePath: string;
  diagnostics: { ruleId: string; question: number | null; message: string }[];
}

describe.runIf(HAS_CORPUS)("with no config, the course checker's failures", () => {
  it("each have a finding on their question, and the range checks raise nothing the checker passes", () => {
    const run = runCli(
      ["lint", "--format", "json", "--concurrency", "off", ...reports.map((r) => r.path)],
      process.cwd(),
    );
    expect(run.stderr).toBe("");
    const results: JsonResult[] = JSON.parse(run.stdout).results;
    expect(results).toHaveLength(reports.length);
    const misses: string[] = [];
    const extra: string[] = [];
    let failing = 0;
    for (const r of reports) {
      const result = results.find((x) => r.path.endsWith(x.filePath.replace(/^(\.\.\/)+/, "")))!;
      const questions = official[r.key]!.questions;
      for (const [n, q] of Object.entries(questions)) {
        if (q.fails.length === 0) continue;
        failing++;
        if (!result.diagnostics.some((d) => d.question === Number(n))) misses.push(`${r.key} Q${n}`);
      }
      for (const d of result.diagnostics)
        if (d.ruleId === "answer/word-count" || d.ruleId === "answer/image-count")
          if (!questions[String(d.question)]?.fails.length) extra.push(`${r.key}: ${d.message}`);
    }
    expect(misses).toEqual([]);
    expect(extra).toEqual([]);
    // The checker's word and image failures over the whole corpus: each one has its finding.
    expect(failing).toBe(208);
  });
});
