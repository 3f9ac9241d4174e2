import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { HAS_CORPUS, SHARED } from "../support/corpus.js";
import { debugLines } from "./fixture.js";

// Three runs over 25 reports: far longer than a unit test, never a limit on its speed.
describe.runIf(HAS_CORPUS)("a class run over the whole corpus", { timeout: 120_000 }, () => {
  // Every repository copy as a class folder, and the seeds by a glob: 25 reports.
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
    expect(debugLines(off.stderr).at(-1)).toBe("25 parsed, 0 from the cache, 0 worker threads");
    expect(debugLines(two.stderr).at(-1)).toBe("25 parsed, 0 from the cache, 2 worker threads");
    expect(debugLines(auto.stderr).at(-1)).toMatch(/^25 parsed, 0 from the cache, \d+ worker threads$/);
    expect(off.code).toBe(1);
    const json = JSON.parse(off.stdout);
    expect(json.results).toHaveLength(25);
    expect(json.summary.reports).toBe(25);
    expect(two.stdout).toBe(off.stdout);
    expect(auto.stdout).toBe(off.stdout);
    // Ordered by path whatever thread finished first.
    const paths = json.results.map((r: { filePath: string }) => r.filePath);
    expect(paths).toEqual([...paths].sort());
    expect([two.code, auto.code]).toEqual([1, 1]);
  });
});
