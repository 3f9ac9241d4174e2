// The command against the course's own checker, side by side in one run, as the three targets of its speed:
//   (a) one report, a new process each: `mlops-report lint` in a group's repository against `python3 report.py
//       check` on the same report (target <= 1.0x the checker's time);
//   (b) a class of git clones linted in one run, repository evidence included, against the checker run once per
//       report (target >= 5x faster per report);
//   (c) a class of 1,000 reports in one run: peak memory (target < 300 MB).
// Every checker run is checked against what the checker computes for that corpus report (course-checker.mjs): the
// bench stops with one line when the checker did not run as it should. Rounds are interleaved, so that machine
// noise falls on both sides alike; prints ratios of medians, asserts no wall-clock limit.
//
//   node bench/targets.mjs [--rounds 5] [--size 114] [--big 1000] [--checker path/to/report.py]
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { clonedClass, median, option, requireCorpus, runCli, workFolder } from "./common.mjs";
import { checkerRun, expectedAnswers, findChecker, findPython, verifyRun } from "./course-checker.mjs";

requireCorpus("targets bench");
const ROUNDS = option("rounds", 5);
const SIZE = option("size", 114);
const BIG = option("big", 1000);
/** The report of (a): a 2026 report of 45 KB, whose checker run fails five questions. */
const ONE = "XanderBaatz__dtu_mlops_project";

const python = findPython();
const checker = await findChecker();
const answers = expectedAnswers(checker);
const work = workFolder("mlops-report-targets-");
/** The command's per-user caches (code cache, report memory), away from the user's own. */
const caches = { MLOPS_REPORT_CODE_CACHE: join(work, "caches") };
const classDir = join(work, "class");
const sources = join(work, "sources");
const klass = clonedClass(classDir, sources, SIZE);
const one = klass.find((clone) => clone.repo === ONE) ?? klass[0];

/** The checker on one clone's report, verified; returns its run. */
const check = (clone) => {
  const run = checkerRun(python, checker, clone.path)();
  return { ...run, verdict: verifyRun(run, clone.repo, answers) };
};
const lintOne = () => runCli(["lint"], { cwd: one.path, env: caches });

let outputs = 0;
/** One class run: its wall time, peak RSS, reports linted and reports whose checklist met the repository. */
function lintClass(dir, count) {
  const out = join(work, `class-${++outputs}.json`);
  const run = runCli(["lint", dir, "--format", `json=${out}`], { cwd: work, env: caches, rss: true });
  const { results } = JSON.parse(readFileSync(out, "utf8"));
  rmSync(out);
  if (results.length !== count) throw new Error(`the class run linted ${results.length} of ${count} reports`);
  const withRepository = results.filter((r) => r.checklist.some((item) => item.repository !== null)).length;
  return { ...run, withRepository };
}

// Warm-up, one run of each: the code cache written, the files in the page cache; the checker verified on (a).
lintOne();
const oneVerdict = check(one).verdict;

/** Wall and CPU times of one side of a comparison, a run (or a class of runs) at a time. */
const side = () => ({ ms: [], cpu: [] });
const add = (to, runs) => {
  to.ms.push(runs.reduce((sum, run) => sum + run.ms, 0));
  to.cpu.push(runs.reduce((sum, run) => sum + run.cpuMs, 0));
};
const a = { lint: side(), checker: side() };
const b = { lint: side(), checker: side() };
let classRun;
let checkerStatuses;
for (let round = 0; round < ROUNDS; round++) {
  // (a): the two in an order that turns with the round.
  const pair = [() => add(a.lint, [lintOne()]), () => add(a.checker, [check(one)])];
  for (const run of round % 2 ? pair.reverse() : pair) run();
  // (b): the whole class each way, in turns.
  classRun = lintClass(classDir, SIZE);
  add(b.lint, [classRun]);
  const runs = klass.map(check);
  add(b.checker, runs);
  checkerStatuses = runs.map((run) => run.status);
}

// (c): the class grown to BIG clones of the same repositories, linted once.
clonedClass(classDir, sources, BIG);
const big = lintClass(classDir, BIG);

/** `1.19x wall, 1.05x CPU`: the ratio of the medians of two sides, `per` runs a side. */
const ratio = (top, bottom) => {
  const of = (key) => (median(top[key]) / median(bottom[key])).toFixed(2);
  return `${of("ms")}x wall, ${of("cpu")}x CPU`;
};
/** `390 ms wall (300 ms CPU)` for one run of a side (`per`: the runs a sample holds). */
const times = (x, per = 1) =>
  `${(median(x.ms) / per).toFixed(0)} ms wall (${(median(x.cpu) / per).toFixed(0)} ms CPU)`;
/** `exit 0: 70, exit 1: 44`: how many runs ended with each status. */
function exits(statuses) {
  const counts = new Map();
  for (const status of statuses.toSorted()) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `exit ${status}: ${count}`).join(", ");
}
console.log(
  `mlops-report against the course checker (${python} ${checker}), medians of ${ROUNDS} interleaved rounds`,
);
console.log("");
console.log(`(a) one report in a new process, ${one.repo} (a git clone):`);
console.log(`    mlops-report lint ${times(a.lint)}; the checker ${times(a.checker)}, ${oneVerdict}`);
console.log(`    lint / checker: ${ratio(a.lint, a.checker)} (target <= 1.0x)`);
console.log(
  `(b) a class of ${SIZE} git clones (${new Set(klass.map((c) => c.repo)).size} corpus repositories):`,
);
console.log(
  `    one class run: ${times(b.lint, SIZE)} a report; checklist against the repository in ${classRun.withRepository} of ${SIZE}, peak ${classRun.rssMB.toFixed(0)} MB`,
);
console.log(
  `    the checker once per report: ${times(b.checker, SIZE)} a report; ${exits(checkerStatuses)}, each as the checker gives for that report`,
);
console.log(`    checker / lint, per report: ${ratio(b.checker, b.lint)} faster (target >= 5x)`);
console.log(`(c) a class of ${BIG} git clones in one run: ${(big.ms / 1000).toFixed(1)} s wall`);
console.log(
  `    peak RSS ${big.rssMB.toFixed(0)} MB: ${(big.rssMB / 300).toFixed(2)}x the 300 MB target (target < 1.0x)`,
);
