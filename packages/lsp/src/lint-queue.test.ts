import { describe, expect, it } from "vitest";
import { LintQueue } from "./lint-queue.js";

/** A queue whose lints log their documents, and a promise of the first `count` lints. */
function loggingQueue(count: number) {
  const log: string[] = [];
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const queue = new LintQueue(async (uri) => {
    log.push(uri);
    if (log.length === count) done();
  }, 1);
  return { queue, log, finished };
}

describe("LintQueue", () => {
  it("lints edited documents first, each document once however often it was added", async () => {
    const { queue, log, finished } = loggingQueue(3);
    queue.add("opened-1", false);
    queue.add("opened-2", false);
    queue.add("edited", true);
    queue.add("opened-1", false);
    queue.add("edited", true);
    await finished;
    expect(log).toEqual(["edited", "opened-1", "opened-2"]);
  });

  it("forgets a removed document", async () => {
    const { queue, log, finished } = loggingQueue(1);
    queue.add("closed", true);
    queue.add("open", false);
    queue.remove("closed");
    await finished;
    expect(log).toEqual(["open"]);
  });

  it("lets the event loop turn between two lints", async () => {
    const log: string[] = [];
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    const queue = new LintQueue(async (uri) => {
      log.push(uri);
      // What arrives meanwhile (an editor's request) is handled in the loop's next turn: before the next lint.
      setImmediate(() => {
        log.push(`turn after ${uri}`);
        if (uri === "c") done();
      });
    }, 1);
    for (const uri of ["a", "b", "c"]) queue.add(uri, false);
    await finished;
    expect(log).toEqual(["a", "turn after a", "b", "turn after b", "c", "turn after c"]);
  });
});
