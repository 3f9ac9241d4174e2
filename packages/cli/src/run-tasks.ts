import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
} from "@mlops-report/engine";
import type { WorkerTask } from "./worker.js";

/** Young-generation heap of each worker thread (V8's default is several times larger). */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** The built worker entry, beside the bundle that holds this code. */
const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));

/** Whether worker threads can run: the built worker sits beside this code (not so when run from source). */
export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

/**
 * Lints every task, in `workers` worker threads (0: here, one after another). Outcomes come back in the
 * tasks' order whatever order the threads finish in; `onDone` is called as each finishes.
 */
export async function runTasks(
  tasks: readonly LintTask[],
  settings: LintSettings,
  workers: number,
  onDone: (outcome: PackedOutcome) => void,
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
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const outcome: PackedOutcome = await pool.run({ settings, task } satisfies WorkerTask);
        onDone(outcome);
        return outcome;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
