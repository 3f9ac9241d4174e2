// Benchmark: the worst shapes of text a group could commit, each 40 KB in one answer of the bundled example
// report, timed against the same report with 40 KB of plain prose there instead, and against a bare markdown
// parse of the same text (what our own code adds to the parser). Each shape runs in a worker thread stopped
// after a cap, as the command's --time-limit stops a report.
// Then the shapes that take the parser longest, as a whole report of 1 MB (the size limit) linted by the command
// beside the example report, in the main thread (--concurrency off) and in worker threads (--concurrency 2), with
// a time limit of a few seconds: each run's time against the example report's run alone, and whether the time
// limit stopped the report. Prints ratios; never asserts.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const SIZE = 40 * 1024;
const CAP_MS = 30_000;
const ROUNDS = 1;
/** The 1 MB reports' text besides the example report's own, and the command's time limit for them. */
const LARGE_SIZE = 1024 * 1024 - 64 * 1024;
const LARGE_TIME_LIMIT_SECONDS = 3;

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

  await timeLargeShapes(example, path);
}

/** The 1 MB shapes, each linted by the command beside the example report, in the main thread and in workers. */
async function timeLargeShapes(example, path) {
  const cli = fileURLToPath(new URL("../packages/cli/dist/cli.js", import.meta.url));
  const work = mkdtempSync(join(tmpdir(), "mlops-report-hostile-bench-"));
  const write = (file, text) => {
    mkdirSync(dirname(join(work, file)), { recursive: true });
    writeFileSync(join(work, file), text);
  };
  const answer = "\n\n42\n\n";
  write("normal/reports/README.md", readFileSync(path, "utf8"));
  /** Wall time of one run of the command in `work`, and whether a report went over the time limit. */
  const run = (args) => {
    const start = process.hrtime.bigint();
    const { stderr } = spawnSync(
      process.execPath,
      [cli, "lint", ...args, "--time-limit", String(LARGE_TIME_LIMIT_SECONDS), "--format", "json"],
      { cwd: work, encoding: "utf8" },
    );
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, stopped: stderr.includes("time limit") };
  };
  const shapes = {
    "<a repeated": "<a",
    "- x1000 on each line": `${"- ".repeat(1000)}x\n`,
    "lists indented 40 deep": Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- x\n`).join(""),
    "> nested": ">",
    "*a repeated": "*a",
    "![a]( repeated": "![a](",
    "> - repeated": "> - ",
    "1. repeated": "1. ",
    "[a]( repeated": "[a](",
  };
  const modes = { "main thread": ["--concurrency", "off"], workers: ["--concurrency", "2"] };
  const alone = Object.fromEntries(
    Object.entries(modes).map(([mode, args]) => [mode, run(["normal", ...args]).ms]),
  );
  console.log("");
  console.log(
    `1 MB reports linted beside the example report, --time-limit ${LARGE_TIME_LIMIT_SECONDS} (the example alone: ` +
      `${alone["main thread"].toFixed(0)} ms in the main thread, ${alone.workers.toFixed(0)} ms in a worker):`,
  );
  console.log(
    `  ${"shape".padEnd(28)} ${Object.keys(modes)
      .map((mode) => `${mode} (of alone)`.padStart(26))
      .join("")}`,
  );
  try {
    for (const [name, fill] of Object.entries(shapes)) {
      const text = fill.repeat(Math.ceil(LARGE_SIZE / fill.length)).slice(0, LARGE_SIZE);
      write("hostile/reports/README.md", example.replace(answer, `\n\n${text}\n\n`));
      const cells = Object.entries(modes).map(([mode, args]) => {
        const { ms, stopped } = run(["normal", "hostile", ...args]);
        return `${(ms / alone[mode]).toFixed(1)}x${stopped ? " (stopped)" : ""}`.padStart(26);
      });
      console.log(`  ${name.padEnd(28)} ${cells.join("")}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
