/** `--concurrency`, named as ESLint names it: `off` lints in the main thread, N in N worker threads. */
export type Concurrency = "auto" | "off" | number;

/**
 * With `auto`, a worker must have at least this many reports to lint before it is started. Starting one (loading
 * the parser and rules into a fresh thread, then warming them up) costs about as much as linting two or three
 * reports in the main thread, so a smaller share would not pay for it; one report never starts a pool.
 */
export const REPORTS_PER_WORKER = 4;

/**
 * With `auto`, one worker per this many cores, as in ESLint: besides running JavaScript, each thread keeps V8's
 * garbage collection and compilation busy on another core (one thread linting reports uses about 1.5 cores on
 * the benchmark's machine), so a worker per core only makes the threads wait for each other.
 */
export const CORES_PER_WORKER = 2;

/** Worker threads for `reports` reports still to lint on `cores` cores; 0 means lint in the main thread. */
export function workerCount(concurrency: Concurrency, reports: number, cores: number): number {
  if (concurrency === "off" || reports === 0) return 0;
  if (concurrency !== "auto") return Math.min(concurrency, reports);
  const workers = Math.min(Math.floor(cores / CORES_PER_WORKER), Math.floor(reports / REPORTS_PER_WORKER));
  // One worker would only add its start-up to what the main thread does alone.
  return workers >= 2 ? workers : 0;
}
