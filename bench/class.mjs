// Class benchmark: staff lint a whole class in one run of the command. Builds classes of group repositories in a
// temporary folder from the corpus copies (each copy repeated under new names) and runs the built command on them
// as staff would: reports per second in the main thread and in 2 worker threads, a cold run against a `--cache`
// re-run, and peak memory (bench/targets.mjs measures the 1,000-report class's). Prints ratios measured side by
// side; asserts no wall-clock limit (machines are shared and noisy).
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import {
  fastest as best,
  CLI,
  copyRepo,
  corpusRepos,
  msSince,
  option,
  requireCorpus,
  runCli,
  workFolder,
} from "./common.mjs";

requireCorpus("class bench");
/** `--size 300 --rounds 3`: the class, rounds per comparison. */
const SIZE = option("size", 300);
const ROUNDS = option("rounds", 3);
const repos = corpusRepos();
const work = workFolder("mlops-report-class-bench-");

/** `count` group repositories, copies of the corpus ones in turn, each under a name of its own. */
function buildClass(name, count) {
  const dir = join(work, name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const repo = repos[i % repos.length];
    copyRepo(repo, join(dir, `group-${String(i + 1).padStart(4, "0")}-${repo}`));
  }
  return dir;
}

let runs = 0;
/** One run of the command over a class; its wall time, peak RSS and JSON output. */
function lint(dir, args, env = {}) {
  const out = join(work, `out-${++runs}.json`);
  const run = runCli(["lint", dir, "--format", `json=${out}`, ...args], { cwd: work, env, rss: true });
  const json = readFileSync(out, "utf8");
  rmSync(out);
  const workers = /(\d+) worker threads\n/.exec(run.stderr)?.[1];
  return { ...run, json, workers };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const perReport = (ms, count) => `${(ms / count).toFixed(1)} ms`;
const rate = (ms, count) => (count / (ms / 1000)).toFixed(1);

/**
 * The machine's own ceiling for two cores: two processes side by side, each linting half the class in its main
 * thread, against one process linting it all. V8 already keeps a second core busy for a single thread.
 */
async function sideBySide(dir) {
  const groups = readdirSync(dir).sort();
  const halves = [groups.slice(0, groups.length / 2), groups.slice(groups.length / 2)];
  const start = process.hrtime.bigint();
  await Promise.all(
    halves.map(
      (half) =>
        new Promise((done, fail) => {
          const child = spawn(
            process.execPath,
            [CLI, "lint", ...half, "--format", "json", "--concurrency", "off"],
            {
              cwd: dir,
              stdio: "ignore",
            },
          );
          child.on("error", fail);
          child.on("exit", done);
        }),
    ),
  );
  return { ms: msSince(start) };
}

/** Reports whose result differs from the reference run's (0: the same bytes). */
function differing(reference, other) {
  const byPath = new Map(JSON.parse(reference.json).results.map((r) => [r.filePath, JSON.stringify(r)]));
  return JSON.parse(other.json).results.filter((r) => byPath.get(r.filePath) !== JSON.stringify(r)).length;
}

const klass = buildClass("class", SIZE);
lint(klass, ["--concurrency", "2"]); // warm-up: file-system caches

// Interleaved rounds, so that machine noise falls on both alike; the fastest round is the least disturbed.
const off = [];
const two = [];
for (let round = 0; round < ROUNDS; round++) {
  off.push(lint(klass, ["--concurrency", "off"]));
  two.push(lint(klass, ["--concurrency", "2"]));
}
const offBest = best(off);
const twoBest = best(two);
const pairs = [];
for (let round = 0; round < ROUNDS; round++) pairs.push(await sideBySide(klass));
const pairBest = best(pairs);

const cacheFile = join(work, "cache", ".mlops-report-cache");
const cold = [];
const warm = [];
for (let round = 0; round < ROUNDS; round++) {
  rmSync(cacheFile, { force: true });
  // The parse counter's summary line says how many worker threads `auto` chose.
  cold.push(lint(klass, ["--cache", "--cache-location", cacheFile], { MLOPS_REPORT_DEBUG: "1" }));
  warm.push(lint(klass, ["--cache", "--cache-location", cacheFile]));
}
const coldBest = best(cold);
const warmBest = best(warm);
const differ = Math.max(...[...off, ...two, ...cold, ...warm].map((run) => differing(off[0], run)));

const row = (label, r, count) =>
  `${label.padEnd(38)} ${seconds(r.ms).padStart(9)} ${perReport(r.ms, count).padStart(11)} ${rate(r.ms, count).padStart(10)} ${`${r.rssMB.toFixed(0)} MB`.padStart(9)}`;
console.log(
  `mlops-report class benchmark: ${SIZE} reports (${repos.length} corpus repositories, repeated), ${availableParallelism()} cores, best of ${ROUNDS} interleaved rounds`,
);
console.log("");
console.log(
  `${"run".padEnd(38)} ${"wall".padStart(9)} ${"per report".padStart(11)} ${"reports/s".padStart(10)} ${"peak RSS".padStart(9)}`,
);
console.log(row("--concurrency off", offBest, SIZE));
console.log(row("--concurrency 2", twoBest, SIZE));
console.log(row(`--cache, cold (auto: ${coldBest.workers} workers)`, coldBest, SIZE));
console.log(row("--cache, re-run", warmBest, SIZE));
console.log("");
console.log(
  `2 workers over --concurrency off:  ${(offBest.ms / twoBest.ms).toFixed(2)}x faster (target >= 1.7x on 2 cores)`,
);
console.log(
  `two processes side by side, each half the class, over --concurrency off: ${(offBest.ms / pairBest.ms).toFixed(2)}x faster (what 2 cores allow at best)`,
);
console.log(
  `--cache re-run over cold run:      ${(warmBest.ms / coldBest.ms).toFixed(3)}x the time (target <= 0.1x)`,
);
console.log(
  `reports whose JSON differs from the first --concurrency off run, in any run: ${differ} of ${SIZE}`,
);
