import { type ChildProcess, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, syntheticReport } from "@mlops-report/testing/synthetic";
import { afterEach, describe, expect, it } from "vitest";

const WATCHING =
  "mlops-report: note: watching the report, its figures and its config for changes (Ctrl-C to stop)\n";

/** The command running in the background, with what it has printed so far. */
class Running {
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
    });
    this.child.stdout!.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString("utf8");
    });
    this.child.stderr!.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.exited = new Promise((done) => this.child.on("exit", (code, signal) => done({ code, signal })));
  }

  /** How many runs have finished: each ends with the watching note. */
  get runs(): number {
    return this.stderr.split(WATCHING).length - 1;
  }

  /** Waits until `count` runs have finished (the test's own timeout ends a wait that never comes). */
  async untilRuns(count: number): Promise<void> {
    while (this.runs < count) await new Promise((r) => setTimeout(r, 50));
  }

  /** The terminal output of each finished run. */
  outputs(): string[] {
    return this.stdout.split(/\n(?=reports\/README\.md \()/).map((s) => (s.endsWith("\n") ? s : `${s}\n`));
  }

  interrupt(): void {
    this.child.kill("SIGINT");
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

let running: Running | null = null;
afterEach(() => running?.kill());

describe("lint --watch", () => {
  it("lints again when the report, a figure or the config changes, and exits 0 on Ctrl-C", async () => {
    const root = tempTree({ ...cleanReportFiles(), ".git/HEAD": "ref: refs/heads/main\n" });
    const report = join(root, "reports/README.md");
    running = new Running(["lint", "--watch", "--format", "terminal", "--format", "json=lint.json"], root);
    await running.untilRuns(1);
    expect(running.stdout).toContain("✔ 0 errors, 0 warnings, 1 info");

    const text = cleanReportFiles()["reports/README.md"] as string;
    writeFileSync(report, text.replace("> Answer:\n\n42\n", "> Answer:\n\nforty-two\n"));
    await running.untilRuns(2);
    expect(running.outputs()[1]).toContain("answer/format");

    rmSync(join(root, "reports/figures/b.png"));
    await running.untilRuns(3);
    expect(running.outputs()[2]).toMatch(
      /Image "figures\/b\.png" not found: no file at\s+reports\/figures\/b\.png/,
    );

    writeFileSync(
      join(root, ".mlops-report.yaml"),
      "extends: mlops-report:2026\nrules:\n  image/exists: off\n",
    );
    await running.untilRuns(4);
    expect(running.outputs()[3]).not.toContain("image/exists");
    expect(running.outputs()[3]).toContain("answer/format");

    // Its own JSON file, written on every run, sets off no run.
    await new Promise((r) => setTimeout(r, 1000));
    expect(running.runs).toBe(4);

    running.interrupt();
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.outputs()).toHaveLength(4);
  });

  it("lints again when a file of the repository around the report changes", async () => {
    const root = tempTree({
      "reports/README.md": syntheticReport({ year: 2025, checked: ["git", "dvc", "ci"] }),
      ".github/workflows/ci.yaml": "on: push\n",
    });
    running = new Running(["lint", "--watch"], root);
    await running.untilRuns(1);
    expect(running.stdout).toContain("checklist/repository");
    writeFileSync(join(root, "data.dvc"), "outs:\n");
    await running.untilRuns(2);
    expect(running.outputs()[1]).not.toContain("checklist/repository");
    running.interrupt();
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});
