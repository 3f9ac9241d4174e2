// Repository benchmark: a class of the corpus repositories linted with and without one more group whose repository
// holds 50,000 committed files (a dataset committed file by file, as real groups do), as a git working copy and as
// a plain copy without .git. Prints wall time and peak memory of each run; asserts no wall-clock limit.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../packages/cli/dist/cli.js", import.meta.url));
const RSS_HOOK = fileURLToPath(new URL("./max-rss.mjs", import.meta.url));
const REPOS = fileURLToPath(new URL("../../shared/corpus/repos/", import.meta.url));
if (!existsSync(REPOS)) {
  console.log(`repository bench: ${REPOS} not found; nothing to measure`);
  process.exit(0);
}
/** `--files 50000 --rounds 2`: committed files of the big repository, runs of each class (the best is shown). */
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}
const FILES = option("files", 50_000);
const ROUNDS = option("rounds", 2);
const work = mkdtempSync(join(tmpdir(), "mlops-report-repository-bench-"));

function git(cwd, ...args) {
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}

/** The class: every corpus repository, and, with `big`, a group whose repository has FILES committed files. */
function buildClass(name, big) {
  const dir = join(work, name);
  for (const repo of readdirSync(REPOS)) cpSync(join(REPOS, repo), join(dir, repo), { recursive: true });
  if (big) {
    const group = join(dir, "zz-big-group");
    // The report of a corpus group, so that its checklist ticks what a real group ticks.
    cpSync(join(REPOS, readdirSync(REPOS).sort()[0]), group, { recursive: true });
    for (let i = 0; i < FILES; i++) {
      const folder = join(group, "data", "raw", `part-${String(Math.floor(i / 1000)).padStart(3, "0")}`);
      if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
      const name = i % 10 === 0 ? `sample_${i}.py` : `sample_${i}.txt`;
      writeFileSync(join(folder, name), i % 10 === 0 ? `value = ${i}\n` : `${i}\n`);
    }
    git(group, "init", "-q");
    git(group, "add", ".");
    git(group, "commit", "-q", "-m", "data");
  }
  return dir;
}

function lint(dir) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--import", RSS_HOOK, CLI, "lint", dir, "--format", "json"], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`lint failed (${run.status}): ${run.stderr}`);
  const rss = /max-rss-kb (\d+)\n$/.exec(run.stderr);
  const results = JSON.parse(run.stdout).results.length;
  return { ms, rssMB: Number(rss?.[1] ?? 0) / 1024, results };
}

function best(dir) {
  let found = null;
  for (let i = 0; i < ROUNDS; i++) {
    const run = lint(dir);
    if (!found || run.ms < found.ms) found = { ...run, rssMB: Math.max(run.rssMB, found?.rssMB ?? 0) };
  }
  return found;
}

try {
  const small = buildClass("class", false);
  const started = process.hrtime.bigint();
  const big = buildClass("class-big", true);
  const built = Number(process.hrtime.bigint() - started) / 1e6;
  const line = (label, run) =>
    console.log(
      `${label.padEnd(46)} ${`${(run.ms / 1000).toFixed(2)} s`.padStart(8)} ${`${run.rssMB.toFixed(0)} MB`.padStart(8)}  ${run.results} reports`,
    );
  console.log(
    `mlops-report repository benchmark: the corpus class, and it with one group of ${FILES} committed files (built in ${(built / 1000).toFixed(1)} s), best of ${ROUNDS}`,
  );
  const base = best(small);
  const withGit = best(big);
  renameSync(join(big, "zz-big-group", ".git"), join(work, "big.git"));
  const withoutGit = best(big);
  line("class of the corpus repositories", base);
  line(`+ one repository of ${FILES} files, git working copy`, withGit);
  line(`+ the same files without .git (a walk)`, withoutGit);
  console.log(
    `the big repository adds ${((withGit.ms - base.ms) / 1000).toFixed(2)} s as a git working copy, ${((withoutGit.ms - base.ms) / 1000).toFixed(2)} s walked`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
