import { readFileSync } from "node:fs";
import { dirname, posix } from "node:path";
import { runCli } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { parseReport as parse } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";

const repos = corpusReports().filter((r) => r.isRepo);

/**
 * The images a reader would see broken, derived without the linter's resolver: every rendered local image whose
 * path (as GitHub resolves it) is not among the files the repository copy lists in SOURCE.json, compared by
 * exact name.
 */
function absentImages(path: string, text: string): string[] {
  const repoDir = dirname(dirname(path));
  const source = JSON.parse(readFileSync(`${repoDir}/SOURCE.json`, "utf8")) as {
    placeholders: string[];
    report: string;
  };
  const present = new Set([...source.placeholders, source.report]);
  const rendered = parse(text).images.filter((im) => ["markdown", "reference", "html"].includes(im.kind));
  return rendered
    .filter((im) => {
      const url = decodeURIComponent(im.url.replace(/[?#].*$/, ""));
      const target = url.startsWith("/") ? posix.normalize(url.slice(1)) : posix.join("reports", url);
      return !present.has(target);
    })
    .map((im) => im.url);
}

describe.runIf(HAS_CORPUS)("image/exists on every repository copy", () => {
  // One CLI run over every whole repository: seconds on a busy machine, more than vitest's default 5 s.
  it("reports exactly the rendered images whose file is absent, and no other", () => {
    const mismatches: string[] = [];
    const flagged: Record<string, string[]> = {};
    // One run over every copy, as staff would lint a class.
    const run = runCli(["lint", ...repos.map((r) => r.path), "--format", "json"], process.cwd());
    const results = JSON.parse(run.stdout).results as {
      filePath: string;
      diagnostics: { ruleId: string; message: string }[];
    }[];
    expect(results).toHaveLength(repos.length);
    for (const r of repos) {
      const result = results.find((x) => r.path.endsWith(x.filePath.replace(/^(\.\.\/)+/, "")))!;
      const ours = result.diagnostics
        .filter((d) => d.ruleId === "image/exists")
        .map((d) => /^Image "([^"]*)"/.exec(d.message)![1]!)
        .sort();
      const expected = absentImages(r.path, r.text).sort();
      if (JSON.stringify(ours) !== JSON.stringify(expected))
        mismatches.push(`${r.key}: ${ours} vs ${expected}`);
      if (ours.length) flagged[r.key] = ours;
    }
    expect(mismatches).toEqual([]);
    expect(Object.keys(flagged).sort()).toEqual([
      "Apros7__ml_ops_project",
      "XanderBaatz__dtu_mlops_project",
      "jesusdper__DTU_MLOpsProject",
      "moskitoo__mlops_project",
      "s163928__02476_MLOPS_Project",
    ]);
  }, 120_000);
});
