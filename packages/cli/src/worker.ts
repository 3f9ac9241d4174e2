import {
  type LintSettings,
  type LintTask,
  type PackedOutcome,
  packOutcome,
  ReportLinter,
} from "@mlops-report/engine";

/** What the main thread sends a worker for each report. */
export interface WorkerTask {
  settings: LintSettings;
  task: LintTask;
}

// One linter per worker and run, so that each config is loaded once per worker, not once per report.
let current: { key: string; linter: ReportLinter } | null = null;

/** The worker thread's entry (tinypool calls the default export): parse and rules run here, the result goes back. */
export default async function lintInWorker({ settings, task }: WorkerTask): Promise<PackedOutcome> {
  const key = JSON.stringify(settings);
  if (current?.key !== key) current = { key, linter: new ReportLinter(settings) };
  return packOutcome(await current.linter.lint(task));
}
