import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type LintOutcome,
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
} from "./lint-one.js";
import { engineMessages as messages } from "./messages.js";
import type { WorkerTask } from "./worker.js";

/**
 * A report over its time limit is stopped by its own deadline, in its thread (see the engine's `Deadline`); one
 * still running this much later is waiting rather than computing, and its worker thread is stopped instead.
 */
const THREAD_STOP_GRACE_MS = 1000;

/** Young-generation heap of each worker thread (V8's default is several times larger). */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** The built worker entry (`worker.ts`), beside the bundle that holds this code. */
const workerFile = fileURLToPath(new URL("./worker.mjs", import.meta.url));

/** Whether worker threads can run: the built worker sits beside this code (not so when run from source). */
export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

/**
 * What became of a task, as the run keeps it for its outputs: with its result packed (see `PackedResult`), but
 * for the one report of a run of one, which waits for nothing.
 */
export type KeptOutcome = LintOutcome | PackedOutcome;

/**
 * Lints every task, in `workers` worker threads (0: here, one after another). Outcomes come back in the
 * tasks' order whatever order the threads finish in; `onDone` is called as each finishes. Wherever it runs, a
 * report that takes longer than the settings' time limit gets an error outcome and the others go on.
 */
export async function runTasks(
  tasks: readonly LintTask[],
  settings: LintSettings,
  workers: number,
  onDone: () => void,
): Promise<KeptOutcome[]> {
  if (workers === 0) return lintHere(tasks, settings, onDone);
  return lintInPool(tasks, settings, workers, onDone);
}

/**
 * Lints the tasks in this thread. While others are still to lint, each result waits packed, as a worker's does:
 * a class of results then costs their bytes, and keeps no report's text alive. A single report's result waits
 * for nothing, and is not serialized and read back (about a megabyte of garbage for a 45 KB report).
 */
async function lintHere(
  tasks: readonly LintTask[],
  settings: LintSettings,
  onDone: () => void,
): Promise<KeptOutcome[]> {
  const linter = new ReportLinter(settings);
  if (tasks.length === 1) {
    const outcome = await linter.lint(tasks[0]!);
    onDone();
    return [outcome];
  }
  const outcomes: PackedOutcome[] = [];
  for (const task of tasks) {
    outcomes.push(packOutcome(await linter.lint(task)));
    onDone();
  }
  return outcomes;
}

async function lintInPool(
  tasks: readonly LintTask[],
  settings: LintSettings,
  workers: number,
  onDone: () => void,
): Promise<PackedOutcome[]> {
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
  // One task per worker at a time, so that a task's time limit starts when its thread starts on it; a task its
  // deadline did not stop is aborted, which stops its thread (tinypool starts another).
  // A new thread first loads this code, untimed: the limit is for the report, not for starting a thread.
  const { timeLimitSeconds } = settings;
  const lintOne = async (index: number, fresh: boolean): Promise<boolean> => {
    const task = tasks[index]!;
    let outcome: PackedOutcome;
    if (fresh) await pool.run("warm-up" satisfies WorkerTask);
    try {
      outcome = await pool.run({ settings, task } satisfies WorkerTask, {
        signal: AbortSignal.timeout(timeLimitSeconds * 1000 + THREAD_STOP_GRACE_MS),
      });
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
      const message = messages.overTimeLimit(task.shown, timeLimitSeconds);
      outcomes[index] = { ok: false, parsed: true, message, alreadyFormatted: false };
      onDone();
      return true;
    }
    onDone();
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
