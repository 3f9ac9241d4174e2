import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { classFiles, debugLines } from "@mlops-report/testing/class-folder";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { describe, expect, it } from "vitest";

const groups = ["g1", "g2", "g3", "g4", "g5", "g6"].map((g) => `class/${g}/reports/README.md`);

/** A cached class run with the parse counter on; the first (cold) run in two worker threads. */
function lint(root: string, ...extra: string[]) {
  const run = runCli(["lint", "class", "--cache", "--format", "json", ...extra], root, {
    MLOPS_REPORT_DEBUG: "1",
  });
  return { ...run, debug: debugLines(run.stderr) };
}

function warned(stdout: string): string[] {
  return JSON.parse(stdout).results.flatMap((r: { filePath: string; diagnostics: { ruleId: string }[] }) =>
    r.diagnostics.filter((d) => d.ruleId !== "checklist/marks").map((d) => `${r.filePath} ${d.ruleId}`),
  );
}

// Each test runs the command several times: far longer than a unit test, never a limit on its speed.
describe("--cache over a class", { timeout: 120_000 }, () => {
  it("re-lints an unchanged class without parsing, with the same output", () => {
    const root = tempTree(classFiles());
    const cold = lint(root, "--concurrency", "2");
    expect(cold.code).toBe(0);
    expect(cold.debug).toEqual([
      ...groups.map((g) => `parsed ${g}`),
      "6 parsed, 0 from the cache, 2 worker threads",
    ]);
    const warm = lint(root);
    expect(warm.debug).toEqual(["0 parsed, 6 from the cache, 0 worker threads"]);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.code).toBe(0);
    // The terminal run reads the same entries: the cache keeps what every format but HTML and SARIF needs.
    expect(
      debugLines(runCli(["lint", "class", "--cache"], root, { MLOPS_REPORT_DEBUG: "1" }).stderr),
    ).toEqual(["0 parsed, 6 from the cache, 0 worker threads"]);
  });

  it("re-parses exactly the report whose text, linked image, linked file or config changed", () => {
    const root = tempTree(classFiles());
    lint(root, "--concurrency", "2");
    const report = join(root, "class/g1/reports/README.md");

    // Touching a report without changing it keeps its entry: entries are keyed by content.
    utimesSync(report, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(lint(root).debug).toEqual(["0 parsed, 6 from the cache, 0 worker threads"]);

    writeFileSync(report, `${readFileSync(report, "utf8")}\n`);
    expect(lint(root).debug).toEqual([`parsed ${groups[0]}`, "1 parsed, 5 from the cache, 0 worker threads"]);

    utimesSync(join(root, "class/g4/reports/figures/w.png"), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(lint(root).debug).toEqual([`parsed ${groups[3]}`, "1 parsed, 5 from the cache, 0 worker threads"]);

    const before = lint(root);
    expect(warned(before.stdout)).toEqual([
      "class/g2/reports/README.md links/local",
      "class/g3/reports/README.md answer/word-count",
      "class/g5/reports/README.md answer/word-count",
    ]);
    writeFileSync(join(root, "class/g2/notes.md"), "our notes\n");
    const linked = lint(root);
    expect(linked.debug).toEqual([`parsed ${groups[1]}`, "1 parsed, 5 from the cache, 0 worker threads"]);

    writeFileSync(join(root, "class/g3/.mlops-report.yaml"), "extends: mlops-report:2026\n");
    const configured = lint(root);
    expect(configured.debug).toEqual([`parsed ${groups[2]}`, "1 parsed, 5 from the cache, 0 worker threads"]);
    expect(warned(configured.stdout)).toEqual(["class/g5/reports/README.md answer/word-count"]);
    expect(lint(root).debug).toEqual(["0 parsed, 6 from the cache, 0 worker threads"]);
  });

  it("keys entries by the options that change results", () => {
    const root = tempTree(classFiles());
    lint(root);
    expect(lint(root, "--no-inline-config").debug.at(-1)).toBe(
      "6 parsed, 0 from the cache, 0 worker threads",
    );
    expect(lint(root, "--year", "2025").debug.at(-1)).toBe("6 parsed, 0 from the cache, 0 worker threads");
    // HTML needs the answers' texts, which a JSON run did not keep; the HTML run's entries serve JSON too.
    const html = runCli(["lint", "class", "--cache", "--format", "html=out.html"], root, {
      MLOPS_REPORT_DEBUG: "1",
    });
    expect(debugLines(html.stderr).at(-1)).toBe("6 parsed, 0 from the cache, 0 worker threads");
    expect(lint(root).debug).toEqual(["0 parsed, 6 from the cache, 0 worker threads"]);
  });

  it("ignores a damaged or foreign cache file with a one-line note, and never overwrites a foreign one", () => {
    const root = tempTree(classFiles());
    const cold = lint(root, "--cache-location", "cache/");
    const file = join(root, "cache/.mlops-report-cache");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('"errorCount":0', '"errorCount":1'));
    const damaged = lint(root, "--cache-location", "cache/");
    expect(damaged.stderr.split("\n")[0]).toBe(
      "mlops-report: note: cache/.mlops-report-cache is ignored (its checksum does not match): every report is linted afresh and the cache written anew",
    );
    expect(damaged.debug.at(-1)).toBe("6 parsed, 0 from the cache, 0 worker threads");
    expect(damaged.stdout).toBe(cold.stdout);
    expect(lint(root, "--cache-location", "cache/").debug.at(-1)).toBe(
      "0 parsed, 6 from the cache, 0 worker threads",
    );

    writeFileSync(join(root, "notes.txt"), "not a cache\n");
    const foreign = lint(root, "--cache-location", "notes.txt");
    expect(foreign.stderr.split("\n")[0]).toBe(
      "mlops-report: note: notes.txt is not an mlops-report cache: it is left as it is, and this run is not cached",
    );
    expect(foreign.code).toBe(0);
    expect(foreign.stdout).toBe(cold.stdout);
    expect(readFileSync(join(root, "notes.txt"), "utf8")).toBe("not a cache\n");
  });
});
