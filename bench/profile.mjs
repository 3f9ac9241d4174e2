// Where the command's time goes: the built command under `node --cpu-prof`, each sample put in the stage of the
// innermost stage function on its stack, in milliseconds a report (median of rounds). Cases: one report in a git
// clone of its repository (with both per-user caches kept, and with none), the same report alone (no repository to
// read), and a class of clones in one run in the main thread. Prints a table; asserts nothing.
//
//   node bench/profile.mjs [--rounds 5] [--size 24]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  CLI,
  clonedClass,
  gitRepo,
  median,
  option,
  REPOS,
  requireCorpus,
  timedRun,
  workFolder,
} from "./common.mjs";

requireCorpus("profile bench");
const ROUNDS = option("rounds", 5);
const SIZE = option("size", 24);
const ONE = "XanderBaatz__dtu_mlops_project";
const work = workFolder("mlops-report-profile-");

/** Stages, innermost first: a sample counts for the first of them its stack holds, from the leaf up. */
const STAGES = [
  ["repository reading", ["openRepository", "gitTrackedFiles", "checklistEvidence", "evaluate"]],
  ["report memory (read, write)", ["loadReportMemory", "saveReportMemory"]],
  ["parse (report model)", ["parse2"]],
  ["rules", ["lintReport"]],
  ["config (presets, years)", ["resolveConfig", "templateYears", "loadPreset", "detectedPreset"]],
  ["output (reporters)", ["terminal", "json"]],
];
const OTHER_COMMAND = "the lint command's other code";
const GC = "garbage collection";
const STARTUP = "start-up (Node, the bundle, modules)";
const NAMES = [...STAGES.map(([name]) => name), OTHER_COMMAND, GC, STARTUP];

/** Milliseconds of a profile in each stage. */
function stagesOf(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const stageOf = new Map();
  const classify = (id) => {
    const names = [];
    for (let at = id; at !== undefined; at = parents.get(at))
      names.push(nodes.get(at).callFrame.functionName);
    for (const name of names)
      for (const [stage, functions] of STAGES) if (functions.includes(name)) return stage;
    if (names[0] === "(garbage collector)") return GC;
    return names.includes("lintCommand") ? OTHER_COMMAND : STARTUP;
  };
  const ms = Object.fromEntries(NAMES.map((name) => [name, 0]));
  profile.samples.forEach((id, i) => {
    if (!stageOf.has(id)) stageOf.set(id, classify(id));
    ms[stageOf.get(id)] += profile.timeDeltas[i] / 1000;
  });
  return ms;
}

let profiles = 0;
/** One profiled run of the command: milliseconds a report in each stage. */
function profiled(args, cwd, env, reports = 1) {
  const dir = join(work, `profile-${++profiles}`);
  const run = timedRun(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, CLI, ...args], { cwd, env });
  if (run.status !== 0 && run.status !== 1) throw new Error(`lint failed (${run.status}): ${run.stderr}`);
  const [file] = readdirSync(dir);
  const ms = stagesOf(join(dir, file));
  rmSync(dir, { recursive: true });
  return Object.fromEntries(NAMES.map((name) => [name, ms[name] / reports]));
}

const repo = gitRepo(ONE, join(work, "one"));
const alone = join(work, "alone", "report");
mkdirSync(join(work, "alone"));
// The report with its figures beside it, in a folder that is no repository's `reports/`.
cpSync(join(REPOS, ONE, "reports"), alone, { recursive: true });
const klass = join(work, "class");
clonedClass(klass, join(work, "sources"), SIZE);

const kept = { MLOPS_REPORT_CODE_CACHE: join(work, "caches") };
const off = { MLOPS_REPORT_CODE_CACHE: "off" };
const cases = [
  ["one report, git repository, caches kept", () => profiled(["lint"], repo, kept)],
  ["one report, git repository, caches off", () => profiled(["lint"], repo, off)],
  ["the report alone, caches kept", () => profiled(["lint", "README.md"], alone, kept)],
  ["the report alone, caches off", () => profiled(["lint", "README.md"], alone, off)],
  [
    `class of ${SIZE} clones, main thread, a report`,
    () => profiled(["lint", klass, "--concurrency", "off", "--format", "json"], work, off, SIZE),
  ],
];
for (const [, run] of cases) run(); // warm-up: caches written, files in the page cache
const samples = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++)
  for (const [i, [, run]] of cases.entries()) samples[i].push(run());

const width = Math.max(...NAMES.map((name) => name.length));
console.log(`Where the time goes (node --cpu-prof, ms a report, median of ${ROUNDS} rounds):`);
console.log("");
console.log(`${"stage".padEnd(width)} ${cases.map(([label]) => label.padStart(12)).join(" | ")}`);
for (const name of [...NAMES, "total"]) {
  const cells = samples.map((runs) => {
    const values = runs.map((ms) => (name === "total" ? NAMES.reduce((sum, n) => sum + ms[n], 0) : ms[name]));
    return median(values).toFixed(1);
  });
  console.log(
    `${name.padEnd(width)} ${cells.map((cell, i) => cell.padStart(cases[i][0].length)).join(" | ")}`,
  );
}
