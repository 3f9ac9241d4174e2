import { debugLines } from "@mlops-report/testing/class-folder";
import { runCli } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import { describe, expect, it } from "vitest";

/** Every report of the corpus. */
const REPORTS = corpusReports().length;

// Three runs over the whole corpus: far longer than a unit test, never a limit on its speed.
describe.runIf(HAS_CORPUS)("a class run over the whole corpus", { timeout: 120_000 }, () => {
  // Every repository copy as a class folder, and the seeds by a glob.
  const lint = (concurrency: string) =>
    runCli(
      ["lint", "corpus/repos", "corpus/seeds/*.txt", "--format", "json", "--concurrency", concurrency],
      SHARED,
      {
        MLOPS_REPORT_DEBUG: "1",
      },
    );

  it("gives byte-identical JSON in the main thread, in 2 worker threads and with auto", () => {
    const off = lint("off");
    const two = lint("2");
    const auto = lint("auto");
    expect(debugLines(off.stderr).at(-1)).toBe(`${REPORTS} parsed, 0 from the cache, 0 worker threads`);
    expect(debugLines(two.stderr).at(-1)).toBe(`${REPORTS} parsed, 0 from the cache, 2 worker threads`);
    expect(debugLines(auto.stderr).at(-1)).toMatch(
      new RegExp(`^${REPORTS} parsed, 0 from the cache, \\d+ worker threads$`),
    );
    expect(off.code).toBe(1);
    const json = JSON.parse(off.stdout);
    expect(json.results).toHaveLength(REPORTS);
    expect(json.summary.reports).toBe(REPORTS);
    expect(two.stdout).toBe(off.stdout);
    expect(auto.stdout).toBe(off.stdout);
    // Ordered by path whatever thread finished first.
    const paths = json.results.map((r: { filePath: string }) => r.filePath);
    expect(paths).toEqual([...paths].sort());
    expect([two.code, auto.code]).toEqual([1, 1]);
  });
});
