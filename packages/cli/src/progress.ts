import type { Io } from "./io.js";

/** Below this many reports to lint, a run is over before a progress line could tell anything. */
export const PROGRESS_MIN_REPORTS = 6;

/** Redraws at most this often: a terminal need not repaint for every report. */
const INTERVAL_MS = 100;

function inCi(env: Io["env"]): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/** One line on standard error, redrawn in place while reports are linted; only on a terminal, never in CI. */
export class Progress {
  private done = 0;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly workers: number,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = io.stderrIsTTY === true && !inCi(io.env) && total >= PROGRESS_MIN_REPORTS;
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const time = this.now();
    if (this.done < this.total && time - this.drawnAt < INTERVAL_MS) return;
    this.drawnAt = time;
    this.drawn = true;
    const threads = this.workers === 0 ? "" : ` (${this.workers} worker threads)`;
    this.io.stderr(`\r\u001b[Klinting reports: ${this.done}/${this.total}${threads}`);
  }

  /** Clears the line, so that what follows starts on a clean one. */
  finish(): void {
    if (this.drawn) this.io.stderr("\r\u001b[K");
    this.drawn = false;
  }
}
