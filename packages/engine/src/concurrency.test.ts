import { describe, expect, it } from "vitest";
import { CORES_PER_WORKER, REPORTS_PER_WORKER, workerCount } from "./concurrency.js";

describe("--concurrency", () => {
  it("off and nothing to lint use no worker; N workers, never more than reports", () => {
    expect(workerCount("off", 300, 2)).toBe(0);
    expect(workerCount("auto", 0, 2)).toBe(0);
    expect(workerCount(2, 300, 2)).toBe(2);
    expect(workerCount(4, 3, 2)).toBe(3);
    expect(workerCount(1, 1, 8)).toBe(1);
  });

  it(`auto starts a pool only when every worker gets ${REPORTS_PER_WORKER} reports, one per ${CORES_PER_WORKER} cores`, () => {
    expect(workerCount("auto", 1, 8)).toBe(0);
    expect(workerCount("auto", 2 * REPORTS_PER_WORKER - 1, 8)).toBe(0);
    expect(workerCount("auto", 2 * REPORTS_PER_WORKER, 8)).toBe(2);
    expect(workerCount("auto", 3 * REPORTS_PER_WORKER, 8)).toBe(3);
    expect(workerCount("auto", 300, 8)).toBe(4);
    expect(workerCount("auto", 300, 4)).toBe(2);
    // Two cores (or three) make one worker at most, which would only add its start-up.
    expect(workerCount("auto", 300, 3)).toBe(0);
    expect(workerCount("auto", 300, 2)).toBe(0);
    expect(workerCount("auto", 300, 1)).toBe(0);
  });
});
