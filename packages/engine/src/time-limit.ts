import { Script } from "node:vm";
import { engineMessages as messages, UserError } from "./messages.js";

/**
 * How long one report may take, by default, before it is given up: some shapes of text make the markdown parser
 * take super-linear time (10 KB of nested lists or quotes: seconds; 1 MB: minutes to hours), and one report must
 * not hold up a class or an editor. Course reports take well under a second.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** The work being timed, where the script below finds it: a script's own run is all a timeout can interrupt. */
const WORK = Symbol.for("mlops-report.timed-work");
type Holder = { [WORK]?: () => unknown };
const callWork = new Script(`globalThis[Symbol.for("mlops-report.timed-work")]()`);

/** A report that took longer than its time limit: a UserError, so that it costs only that report. */
export class OverTimeLimit extends UserError {}

/**
 * One report's time limit, counted from when it was made. Each stretch of synchronous work (a parse, a run of the
 * rules) runs under what is left of it, in whatever thread this is: V8 stops it where it is when time is up (as
 * `vm` does for a script's timeout), which no code in between can catch or prolong. Time spent waiting (loading a
 * config) counts but is not interrupted.
 */
export class Deadline {
  private readonly end: number;

  constructor(
    private readonly seconds: number,
    private readonly shown: string,
  ) {
    this.end = performance.now() + seconds * 1000;
  }

  /** `work`'s value; an OverTimeLimit naming the report when the limit is reached before or while it runs. */
  run<T>(work: () => T): T {
    const left = Math.ceil(this.end - performance.now());
    if (left <= 0) throw this.over();
    const holder = globalThis as Holder;
    holder[WORK] = work;
    try {
      return callWork.runInThisContext({ timeout: left, displayErrors: false }) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw this.over();
      throw error;
    } finally {
      delete holder[WORK];
    }
  }

  private over(): OverTimeLimit {
    return new OverTimeLimit(messages.overTimeLimit(this.shown, this.seconds));
  }
}
