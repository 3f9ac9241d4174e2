// Cold-start benchmark: a student lints one report by hand, in a pre-commit hook or in CI, each time in a new
// process. Runs whole processes on one corpus report, in interleaved rounds (each round runs every command once,
// in an order that turns with the round), and prints each command's median wall time and the ratios that matter:
// the command against `node -e 0` (what any Node program pays), against markdownlint-cli2 (a peer on the same
// markdown parser) and against the course's own checker when one is given. Asserts no wall-clock limit.
//
// The command keeps the V8 code cache and what a report's run computed (section trees, evidence hits, the
// repository's listing and searches) between runs; "lint" reruns an unchanged report, "one answer edited" a copy of
// the repository whose report changes one answer before every run (what a student who lints, edits and lints again
// sees), "git" the same in a git working copy (the corpus copies have no .git), "first run" has neither cache and
// writes both.
//
//   node bench/cold.mjs [--rounds 10] [--checker path/to/report.py] [--no-pack]
//
// The course checker is the course's `reports/report.py` (not part of this project): `--checker` or
// MLOPS_REPORT_CHECKER names it, and it runs as `python3 report.py check` in the report's folder
// (course-checker.mjs; bench/targets.mjs runs it always).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  CLI,
  flag,
  option,
  quantile,
  REPOS,
  ROOT,
  requireCorpus,
  textOption,
  timedRun,
  workFolder,
} from "./common.mjs";
import { expectedAnswers, findChecker, findPython, verifyRun } from "./course-checker.mjs";

requireCorpus("cold-start bench");
const MARKDOWNLINT = join(ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const REPO = join(REPOS, "XanderBaatz__dtu_mlops_project");
const REPORT = join(REPO, "reports/README.md");

const ROUNDS = option("rounds", 10);
const CHECKER = textOption("checker") ?? process.env.MLOPS_REPORT_CHECKER;
const PACK = !flag("no-pack");

const work = workFolder("mlops-report-cold-bench-");
/** The code caches of the runs that keep one, away from the user's own. */
const codeCache = join(work, "code-cache");
let fresh = 0;

/** One command to time: what it runs, where, and with which environment (a function: per run). */
const node = (name, args, env = () => ({})) => ({ name, command: process.execPath, args, env, cwd: REPO });

/**
 * A copy of the repository whose report gets one more word in the answer after its tenth question heading before
 * every run; null when the report has no such answer.
 */
function editedCopy(name) {
  const repo = join(work, name);
  // With the files' own times: a student's code was written before the run, and a file changed in the last
  // seconds is looked at anew every run.
  cpSync(REPO, repo, { recursive: true, preserveTimestamps: true });
  const report = join(repo, "reports/README.md");
  const text = readFileSync(report, "utf8");
  const answer = /(### Question 10\b[^\n]*\n[\s\S]*?\n\n(?![>#])[^\n]*[^\s])/;
  if (!answer.test(text)) return null;
  let edits = 0;
  const before = () => writeFileSync(report, text.replace(answer, `$1 edit${++edits}`));
  return { repo, report, before };
}
const edited = editedCopy("edited");

/**
 * The same in a git working copy, as a student's repository is: its files listed by git, with the report's edits
 * left uncommitted; null when git cannot make one here.
 */
function gitCopy() {
  const copy = editedCopy("git");
  if (!copy) return null;
  const git = (...args) =>
    spawnSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], {
      cwd: copy.repo,
      stdio: "ignore",
    }).status === 0;
  return git("init", "-q") && git("add", "-A") && git("commit", "-q", "-m", "copy") ? copy : null;
}
const inGit = gitCopy();
if (!inGit) console.log("cold-start bench: git could not make a working copy; that row is left out");

/** `lint` of a copy whose report `before` edits before every run. */
const editedRun = (name, copy) => ({
  ...node(name, [CLI, "lint", copy.report], () => ({ MLOPS_REPORT_CODE_CACHE: codeCache })),
  cwd: copy.repo,
  before: copy.before,
});

const commands = [
  node("node -e 0", ["-e", "0"]),
  node("mlops-report --version", [CLI, "--version"], () => ({ MLOPS_REPORT_CODE_CACHE: codeCache })),
  node("mlops-report --help", [CLI, "--help"], () => ({ MLOPS_REPORT_CODE_CACHE: codeCache })),
  node("mlops-report lint", [CLI, "lint", REPORT], () => ({ MLOPS_REPORT_CODE_CACHE: codeCache })),
  ...(edited ? [editedRun("mlops-report lint, one answer edited", edited)] : []),
  ...(inGit ? [editedRun("mlops-report lint, one answer edited, git", inGit)] : []),
  // The first run after an install or upgrade: no code cache yet, and this run writes it.
  node("mlops-report lint, first run", [CLI, "lint", REPORT], () => ({
    MLOPS_REPORT_CODE_CACHE: join(work, `fresh-${++fresh}`),
  })),
  node("mlops-report lint, caches off", [CLI, "lint", REPORT], () => ({ MLOPS_REPORT_CODE_CACHE: "off" })),
  node("markdownlint-cli2", [MARKDOWNLINT, REPORT]),
];

/** The command as a user installs it: packed as a release is, installed from the tarball into a new prefix. */
function installPacked() {
  const pack = spawnSync(
    "npx",
    ["--yes", "pnpm@10", "--filter", "mlops-report", "pack", "--json", "--pack-destination", work],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (pack.status !== 0) return `pnpm pack failed: ${pack.stderr.trim().split("\n").at(-1)}`;
  const tarball = JSON.parse(pack.stdout).filename;
  const prefix = join(work, "prefix");
  const install = spawnSync(
    "npm",
    ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", tarball],
    {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, npm_config_cache: join(work, "npm-cache") },
    },
  );
  if (install.status !== 0) return `npm install failed: ${install.stderr.trim().split("\n").at(-1)}`;
  return join(prefix, "bin", "mlops-report");
}

if (PACK) {
  const bin = installPacked();
  if (existsSync(bin)) {
    const installedCache = join(work, "installed-code-cache");
    const env = () => ({ MLOPS_REPORT_CODE_CACHE: installedCache });
    commands.push(
      { name: "installed --version", command: bin, args: ["--version"], env, cwd: REPO },
      { name: "installed lint", command: bin, args: ["lint", REPORT], env, cwd: REPO },
    );
  } else console.log(`cold-start bench: the packed command is left out (${bin})`);
}
const COURSE = "course checker (python3 report.py check)";
if (CHECKER) {
  // Run as a student runs it, in the report's folder, by an interpreter that has its packages; every run is
  // checked against what the checker computes for this report.
  const checker = await findChecker();
  const answers = expectedAnswers(checker);
  commands.push({
    name: COURSE,
    command: findPython(),
    args: [checker, "check"],
    env: () => ({}),
    cwd: join(REPO, "reports"),
    verify: (run) => verifyRun(run, basename(REPO), answers),
  });
}

/** Wall time of one whole process, in ms; a failed run (exit code above 1, or one `verify` rejects) stops the bench. */
function time({ name, command, args, env, cwd, before, verify }) {
  before?.();
  const run = timedRun(command, args, { cwd, env: env() });
  if (verify) verify(run);
  else if (run.status === null || run.status > 1)
    throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
  return run.ms;
}

// One run of each first: code caches written, files in the page cache.
for (const command of commands) time(command);
const samples = new Map(commands.map((c) => [c.name, []]));
for (let round = 0; round < ROUNDS; round++)
  for (let i = 0; i < commands.length; i++) {
    const command = commands[(i + round) % commands.length];
    samples.get(command.name).push(time(command));
  }

const median = (name) => quantile(samples.get(name), 0.5);
const nodeMs = median("node -e 0");
const kb = Math.round(statSync(REPORT).size / 1024);
const width = Math.max(...commands.map((c) => c.name.length));
console.log("");
console.log(
  `Cold start: whole processes on one report (${kb} KB), ${ROUNDS} interleaved rounds; median wall time [quartiles], fastest run`,
);
for (const { name } of commands) {
  const values = samples.get(name);
  const quartiles = `[${quantile(values, 0.25).toFixed(0)}-${quantile(values, 0.75).toFixed(0)}]`;
  console.log(
    `  ${name.padEnd(width)}  ${median(name).toFixed(0).padStart(5)} ms ${quartiles.padEnd(11)} ${Math.min(
      ...values,
    )
      .toFixed(0)
      .padStart(5)} ms  ${(median(name) / nodeMs).toFixed(2)}x node -e 0`,
  );
}
const ratio = (a, b) => {
  if (!samples.has(a) || !samples.has(b)) return;
  console.log(`  ${`${a} / ${b}`.padEnd(width * 2)}  ${(median(a) / median(b)).toFixed(2)}`);
};
console.log("");
ratio("mlops-report lint", COURSE);
ratio("mlops-report lint, one answer edited", COURSE);
ratio("mlops-report lint, one answer edited, git", COURSE);
ratio("mlops-report lint, first run", COURSE);
ratio("installed lint", COURSE);
ratio("mlops-report lint", "markdownlint-cli2");
ratio("mlops-report lint, first run", "mlops-report lint");
ratio("mlops-report --version", "node -e 0");
ratio("mlops-report --help", "node -e 0");
ratio("installed --version", "node -e 0");
if (!CHECKER)
  console.log("  (no course checker given: --checker path/to/report.py, or MLOPS_REPORT_CHECKER)");
