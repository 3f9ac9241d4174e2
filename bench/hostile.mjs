// Benchmark: the worst shapes of text a group could commit, each 40 KB in one answer of the bundled example
// report, timed against the same report with 40 KB of plain prose there instead, and against a bare markdown
// parse of the same text (what our own code adds to the parser). Each shape runs in a worker thread stopped
// after a cap, as the command's --time-limit stops a report. Prints ratios; never asserts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const SIZE = 40 * 1024;
const CAP_MS = 30_000;
const ROUNDS = 1;

if (!isMainThread) {
  const { fromMarkdown } = await import("mdast-util-from-markdown");
  const { parse } = await import("../packages/core/dist/index.js");
  const { lintOptionsFor, lintReport, loadPreset, resolveConfig } = await import(
    "../packages/rules/dist/index.js"
  );
  const config = resolveConfig(await loadPreset("2026"));
  const { text, path } = workerData;
  const timed = (fn) => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const median = (fn) => Array.from({ length: ROUNDS }, () => timed(fn)).sort((a, b) => a - b)[ROUNDS >> 1];
  const lint = () => {
    const report = parse(text, { path });
    lintReport(report, lintOptionsFor(config, report));
  };
  lint();
  parentPort.postMessage({ lint: median(lint), bare: median(() => fromMarkdown(text)) });
} else {
  const path = fileURLToPath(new URL("../examples/group-42/reports/README.md", import.meta.url));
  const example = readFileSync(path, "utf8");
  const answer = "\n\n42\n\n";
  if (!example.includes(answer)) throw new Error("bench: the example's Question 1 answer moved");
  /** The example report with Question 1 answered by `fill` repeated to 40 KB. */
  const withAnswer = (fill) =>
    example.replace(answer, `\n\n${fill.repeat(Math.ceil(SIZE / fill.length)).slice(0, SIZE)}\n\n`);

  /** Median times of parse + rules and of a bare parse, in a fresh worker; null when past the cap. */
  const timeInWorker = (text) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { text, path } });
      const timer = setTimeout(() => {
        worker.terminate();
        resolve(null);
      }, CAP_MS);
      worker.once("message", (times) => {
        clearTimeout(timer);
        worker.terminate();
        resolve(times);
      });
      worker.once("error", reject);
    });

  const shapes = {
    // Shapes our own scans once took super-linear time on.
    "![a]( repeated on one line": "![a](",
    "![ repeated": "![",
    "unclosed <!-- repeated": "<!--",
    "[ repeated": "[",
    "` repeated": "`",
    "![a](b) repeated": "![a](b)",
    // The markdown parser's own super-linear shapes: bounded by the size limit and the time limit.
    "> nested": ">",
    "- nested": "- ",
    "* around one word": "*",
    "*a repeated": "*a",
    "lazy continuation lines of a list": "- x\na\na\na\na\na\na\na\na\na\n",
  };
  const normal = await timeInWorker(withAnswer("we trained the model on the data and logged every run. "));
  console.log("");
  console.log(
    `hostile 40 KB answers (parse + rules; 40 KB of prose there takes ${normal.lint.toFixed(0)} ms):`,
  );
  console.log(`  ${"shape".padEnd(36)} ${"of prose".padStart(10)} ${"of its bare parse".padStart(18)}`);
  for (const [name, fill] of Object.entries(shapes)) {
    const times = await timeInWorker(withAnswer(fill));
    const shown =
      times === null
        ? `> ${CAP_MS / 1000} s (stopped; --time-limit stops such a report)`
        : `${`${(times.lint / normal.lint).toFixed(2)}x`.padStart(10)} ${`${(times.lint / times.bare).toFixed(2)}x`.padStart(18)}`;
    console.log(`  ${name.padEnd(36)} ${shown}`);
  }
}
