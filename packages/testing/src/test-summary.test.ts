import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./setting.js";
import { temporaryFolders } from "./temporary.js";

const SCRIPT = join(REPO_ROOT, "scripts", "test-summary.mjs");
const RUN_START = 1_700_000_000_000;
const { tree } = temporaryFolders();

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  todo?: number;
  startTime?: number;
  unloaded?: number;
}

/** A vitest JSON report with these counts, as `--reporter=json` writes it (only the fields the summary reads). */
function results(counts: Counts): string {
  const unloaded = Array.from({ length: counts.unloaded ?? 0 }, (_, i) => ({
    name: `/w/src/broken-${i}.test.ts`,
    status: "failed",
    assertionResults: [],
  }));
  return JSON.stringify({
    numPassedTests: counts.passed,
    numFailedTests: counts.failed,
    numPendingTests: counts.skipped,
    numTodoTests: counts.todo ?? 0,
    startTime: counts.startTime ?? RUN_START + 1,
    testResults: [{ name: "/w/src/a.test.ts", status: "passed", assertionResults: [] }, ...unloaded],
  });
}

const manifest = (name: string, test: boolean) =>
  JSON.stringify({ name, scripts: test ? { test: "vitest run" } : { build: "tsup" } });

/** A workspace of two tested packages under packages/, one untested, one excluded, and tests/. */
function workspace(files: Record<string, string> = {}): string {
  return tree({
    "pnpm-workspace.yaml":
      'packages:\n  - packages/*\n  - "tests"\n  - "!packages/old"\nonlyBuiltDependencies:\n  - esbuild\n',
    "packages/a/package.json": manifest("a", true),
    "packages/b/package.json": manifest("b", true),
    "packages/docs/package.json": manifest("docs", false),
    "packages/old/package.json": manifest("old", true),
    "tests/package.json": manifest("e2e", true),
    ...files,
  });
}

function summary(cwd: string, env: Record<string, string> = { MLOPS_REPORT_TEST_START: String(RUN_START) }) {
  const run = spawnSync(process.execPath, [SCRIPT], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("scripts/test-summary.mjs", () => {
  it("adds up every tested workspace package and exits 0", () => {
    const root = workspace({
      "packages/a/.vitest-results.json": results({ passed: 10, failed: 0, skipped: 2, todo: 1 }),
      "packages/b/.vitest-results.json": results({ passed: 5, failed: 1, skipped: 0 }),
      "tests/.vitest-results.json": results({ passed: 7, failed: 0, skipped: 4 }),
    });
    expect(summary(root)).toEqual({ code: 0, stdout: "22 passed, 1 failed, 7 skipped\n", stderr: "" });
  });

  it("names a package whose results are missing and exits 1", () => {
    const root = workspace({
      "packages/a/.vitest-results.json": results({ passed: 10, failed: 0, skipped: 0 }),
      "tests/.vitest-results.json": results({ passed: 7, failed: 0, skipped: 0 }),
    });
    expect(summary(root)).toEqual({
      code: 1,
      stdout:
        "17 passed, 0 failed, 0 skipped\n" +
        "test summary: packages/b: no test results (packages/b/.vitest-results.json is missing)\n" +
        "test summary: 1 of 3 packages are not counted above\n",
      stderr: "",
    });
  });

  it("names a package whose results an earlier run wrote and exits 1", () => {
    const root = workspace({
      "packages/a/.vitest-results.json": results({ passed: 10, failed: 0, skipped: 0 }),
      "packages/b/.vitest-results.json": results({
        passed: 5,
        failed: 0,
        skipped: 0,
        startTime: RUN_START - 1,
      }),
      "tests/.vitest-results.json": "{ not json",
    });
    expect(summary(root)).toEqual({
      code: 1,
      stdout:
        "10 passed, 0 failed, 0 skipped\n" +
        "test summary: packages/b: packages/b/.vitest-results.json is from an earlier run, not this one\n" +
        "test summary: tests: tests/.vitest-results.json is not valid JSON\n" +
        "test summary: 2 of 3 packages are not counted above\n",
      stderr: "",
    });
  });

  it("counts test files that failed to load and exits 1", () => {
    const root = workspace({
      "packages/a/.vitest-results.json": results({ passed: 3, failed: 0, skipped: 0, unloaded: 2 }),
      "packages/b/.vitest-results.json": results({ passed: 1, failed: 0, skipped: 0 }),
      "tests/.vitest-results.json": results({ passed: 1, failed: 0, skipped: 0 }),
    });
    expect(summary(root)).toEqual({
      code: 1,
      stdout: "5 passed, 0 failed, 0 skipped, 2 test files failed to load\n",
      stderr: "",
    });
  });

  it("refuses to add up results without the run's start time", () => {
    expect(summary(workspace(), {})).toEqual({
      code: 2,
      stdout: "test summary: MLOPS_REPORT_TEST_START is not set; run the tests with `pnpm test`\n",
      stderr: "",
    });
  });

  it("counts the packages of this repository's workspace, engine and lsp among them", () => {
    const run = summary(REPO_ROOT, { MLOPS_REPORT_TEST_START: String(Number.MAX_SAFE_INTEGER) });
    const named = [...run.stdout.matchAll(/^test summary: ([^:]+): /gm)].map((m) => m[1]);
    expect(named).toEqual([
      "packages/cli",
      "packages/core",
      "packages/engine",
      "packages/lsp",
      "packages/reporters",
      "packages/rules",
      "packages/testing",
      "tests",
    ]);
    expect(run.code).toBe(1);
  });
});
