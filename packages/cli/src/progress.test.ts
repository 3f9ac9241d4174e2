import { describe, expect, it } from "vitest";
import type { Io } from "./io.js";
import { PROGRESS_MIN_REPORTS, Progress } from "./progress.js";

function io(overrides: Partial<Io> = {}): Io & { err: string[] } {
  const err: string[] = [];
  return {
    cwd: "/w",
    env: {},
    stdout: () => {},
    stderr: (text) => err.push(text),
    stdoutIsTTY: false,
    stderrIsTTY: true,
    err,
    ...overrides,
  };
}

/** Ticks `count` times, the clock moving `step` ms before each. */
function run(target: Io, total: number, workers: number, count: number, step: number): void {
  let time = 0;
  const progress = new Progress(target, total, workers, () => time);
  for (let i = 0; i < count; i++) {
    time += step;
    progress.tick();
  }
  progress.finish();
}

describe("the progress line", () => {
  it("redraws one line on a terminal's standard error, at most every 100 ms, and clears it", () => {
    const terminal = io();
    run(terminal, 8, 2, 8, 40);
    expect(terminal.err).toEqual([
      "\r\u001b[Klinting reports: 1/8 (2 worker threads)",
      "\r\u001b[Klinting reports: 4/8 (2 worker threads)",
      "\r\u001b[Klinting reports: 7/8 (2 worker threads)",
      "\r\u001b[Klinting reports: 8/8 (2 worker threads)",
      "\r\u001b[K",
    ]);
    const inline = io();
    run(inline, 6, 0, 6, 1000);
    expect(inline.err.at(-2)).toBe("\r\u001b[Klinting reports: 6/6");
  });

  it("says nothing off a terminal, in CI, or for a handful of reports", () => {
    for (const target of [
      io({ stderrIsTTY: false }),
      io({ env: { CI: "true" } }),
      io({ env: { CI: "1" } }),
    ]) {
      run(target, 50, 2, 50, 1000);
      expect(target.err).toEqual([]);
    }
    const few = io();
    run(few, PROGRESS_MIN_REPORTS - 1, 0, PROGRESS_MIN_REPORTS - 1, 1000);
    expect(few.err).toEqual([]);
    const notCi = io({ env: { CI: "false" } });
    run(notCi, 50, 2, 50, 1000);
    expect(notCi.err).toHaveLength(51);
  });
});
