import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
} from "@mlops-report/engine";
import { messages } from "./messages.js";
import type { WorkerTask } from "./worker.js";

/**
 * How long one report may take in a worker thread, by default, before its thread is stopped and the report given
 * up: some shapes of text make the markdown parser take super-linear time, and one report must not hold up a
 * class. Course reports take well under a second.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** Young-generation heap of each worker thread (V8's default is several times larger). */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** The built worker entry, beside the bundle that holds this code. */
const workerFile = fileURLToPath(new URL("./worker.mjs", import.meta.url));

/** Whether worker threads can run: the built worker sits beside this code (not so when run from source). */
export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

/**
 * Lints every task, in `workers` worker threads (0: here, one after another). Outcomes come back in the
 * tasks' order whatever order the threads finish in; `onDone` is called as each finishes. In worker threads a
 * report that takes longer than `timeLimitSeconds` gets an error outcome and the others go on; in this thread
 * nothing can interrupt it (the size limit on reports bounds it).
 */
export async function runTasks(
  tasks: readonly LintTask[],
  settings: LintSettings,
  workers: number,
  onDone: (outcome: PackedOutcome) => void,
  timeLimitSeconds = DEFAULT_TIME_LIMIT_SECONDS,
): Promise<PackedOutcome[]> {
  if (workers === 0) {
    const linter = new ReportLinter(settings);
    const outcomes: PackedOutcome[] = [];
    for (const task of tasks) {
      // Packed as a worker packs it: the same bytes, whichever thread linted the report.
      const outcome = packOutcome(await linter.lint(task));
      onDone(outcome);
      outcomes.push(outcome);
    }
    return outcomes;
  }
  // Loaded only for a pool: linting in this thread needs none of it.
  const { default: Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: workerFile,
    minThreads: workers,
    maxThreads: workers,
    // Each parse makes tens of MB of short-lived objects; a small young generation per worker keeps two workers
    // and the main thread of a 1,000-report run under 300 MB, for some 10% more time spent collecting them.
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const outcomes: PackedOutcome[] = new Array(tasks.length);
  // One task per worker at a time, so that a task's time limit starts when its thread starts on it; a task over
  // its limit is aborted, which stops its thread (tinypool starts another).
  // A new thread first loads this code, untimed: the limit is for the report, not for starting a thread.
  const lintOne = async (index: number, fresh: boolean): Promise<boolean> => {
    const task = tasks[index]!;
    let outcome: PackedOutcome;
    if (fresh) await pool.run("warm-up" satisfies WorkerTask);
    try {
      outcome = await pool.run({ settings, task } satisfies WorkerTask, {
        signal: AbortSignal.timeout(timeLimitSeconds * 1000),
      });
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
      const message = messages.overTimeLimit(task.shown, timeLimitSeconds);
      outcomes[index] = { ok: false, parsed: true, message, alreadyFormatted: false };
      onDone(outcomes[index]);
      return true;
    }
    onDone(outcome);
    outcomes[index] = outcome;
    return false;
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    // The thread of an aborted task is replaced by a new one.
    for (let fresh = true; next < tasks.length; ) fresh = await lintOne(next++, fresh);
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
    return outcomes;
  } finally {
    await pool.destroy();
  }
}
