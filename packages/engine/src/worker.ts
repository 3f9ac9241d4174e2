import {
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
} from "./lint-one.js";

/** What the main thread sends a worker for each report; `"warm-up"` only loads this module in a new thread. */
export type WorkerTask = { settings: LintSettings; task: LintTask } | "warm-up";

// One linter per worker and run, so that each config is loaded once per worker, not once per report.
let current: { key: string; linter: ReportLinter } | null = null;

/** The worker thread's entry (tinypool calls the default export): parse and rules run here, the result goes back. */
export default async function lintInWorker(work: WorkerTask): Promise<PackedOutcome | null> {
  if (work === "warm-up") return null;
  const { settings, task } = work;
  const key = JSON.stringify(settings);
  if (current?.key !== key) current = { key, linter: new ReportLinter(settings) };
  return packOutcome(await current.linter.lint(task));
}
