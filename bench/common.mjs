// What the benchmarks share: where the built command and the corpus are, options, a temporary folder, timing and
// statistics, running the command with its peak memory, and git working copies of the corpus repositories.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI = join(ROOT, "packages/cli/dist/cli.js");
/** Preloaded into the command (node --import): writes the process's peak RSS as the last line of stderr. */
export const RSS_HOOK = join(ROOT, "bench/max-rss.mjs");
/** The shared test data beside the project (MLOPS_REPORT_SHARED names it elsewhere): corpus and oracle. */
const SHARED = process.env.MLOPS_REPORT_SHARED || fileURLToPath(new URL("../../shared/", import.meta.url));
export const CORPUS = join(SHARED, "corpus");
export const REPOS = join(CORPUS, "repos");
export const ORACLE = join(SHARED, "oracle", "official.json");

/** Leaves the bench with a note when the corpus is not beside the project: nothing to measure. */
export function requireCorpus(bench) {
  if (existsSync(REPOS)) return;
  console.log(`${bench}: ${CORPUS} not found; nothing to measure`);
  process.exit(0);
}

/** The corpus repositories' folder names, sorted. */
export const corpusRepos = () => readdirSync(REPOS).sort();

/** `--name 12` as a number, or the fallback. */
export function option(name, fallback) {
  const value = textOption(name);
  return value === undefined ? fallback : Number(value);
}

/** `--name value` as written, or undefined. */
export function textOption(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

export const flag = (name) => process.argv.includes(`--${name}`);

/** A new temporary folder, removed when the process exits. */
export function workFolder(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  process.on("exit", () => rmSync(work, { recursive: true, force: true }));
  return work;
}

/** Milliseconds since a `process.hrtime.bigint()` reading. */
export const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Linear interpolation between the closest ranks. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}
export const median = (values) => quantile(values, 0.5);
/** The fastest of some runs (each `{ ms }`): the one least disturbed by the rest of a shared machine. */
export const fastest = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;
/**
 * CPU time (user + system, in ms) of this process's children that have been waited for, as Linux keeps it; null
 * elsewhere. On a shared machine a run's CPU time moves far less with the other load than its wall time.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

/**
 * One process, timed from outside: its wall time, CPU time (`cpuMs`, null where unknown), exit status and output.
 * `rss` preloads the peak-memory hook into a Node process and reads its line back (`rssMB`).
 */
export function timedRun(command, args, { cwd, env = {}, rss = false } = {}) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const run = spawnSync(command, rss ? ["--import", RSS_HOOK, ...args] : args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const ms = msSince(start);
  const cpuMs = cpuBefore === null ? null : childrenCpuMs() - cpuBefore;
  const result = {
    ms,
    cpuMs,
    status: run.status,
    stdout: run.stdout ?? "",
    stderr: run.stderr ?? "",
    error: run.error,
  };
  if (!rss) return result;
  const peak = /max-rss-kb (\d+)\n$/.exec(result.stderr);
  if (!peak) throw new Error(`no peak RSS reported: ${result.stderr || run.error}`);
  return { ...result, rssMB: Number(peak[1]) / 1024 };
}

/** The built command run once; a status above 1 (bad input, a crash) stops the bench. */
export function runCli(args, options = {}) {
  const run = timedRun(process.execPath, [CLI, ...args], options);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`mlops-report ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  return run;
}

/** git with a committer of its own; throws when it fails. */
export function git(cwd, ...args) {
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}

/** A copy of a corpus repository, with the files' own times (code written before the run). */
export function copyRepo(repo, dest) {
  cpSync(join(REPOS, repo), dest, { recursive: true, preserveTimestamps: true });
  return dest;
}

/** A corpus repository made a git repository: all its files committed once. */
export function gitRepo(repo, dest) {
  copyRepo(repo, dest);
  git(dest, "init", "-q");
  git(dest, "add", "-A");
  git(dest, "commit", "-q", "-m", "copy");
  return dest;
}

/**
 * `count` git working copies of the corpus repositories, cloned in turn from one git repository each (made under
 * `sources`), each under a name of its own in `dir`: a class as staff clone it. Clones already there are kept, so
 * that a class grows.
 */
export function clonedClass(dir, sources, count) {
  const repos = corpusRepos();
  mkdirSync(dir, { recursive: true });
  const clones = [];
  for (let i = 0; i < count; i++) {
    const repo = repos[i % repos.length];
    const source = join(sources, repo);
    if (!existsSync(source)) gitRepo(repo, source);
    const clone = join(dir, `group-${String(i + 1).padStart(4, "0")}-${repo}`);
    if (!existsSync(clone)) git(dir, "clone", "-q", source, clone);
    clones.push({ repo, path: clone });
  }
  return clones;
}
