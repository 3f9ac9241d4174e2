// The course's own checker (`reports/report.py check`, the course's code, not this project's), found and run the
// way a student runs it, and checked against what it computes for each corpus report (the oracle): a bench that
// timed an import error or a traceback would compare the command with nothing.
//
// The checker: `--checker path/to/report.py`, else MLOPS_REPORT_CHECKER, else the copy in the bench's cache folder,
// else downloaded from the course repository into that folder. The interpreter: MLOPS_REPORT_PYTHON, else the
// first of Debian's /usr/bin/python3, python3 and python that imports what the checker imports
// (`scripts/system-deps.sh --bench` installs Debian's packages of them).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ORACLE, textOption, timedRun } from "./common.mjs";

const SOURCE_URL = "https://raw.githubusercontent.com/SkafteNicki/dtu_mlops/main/reports/report.py";
const MODULES = "typer, markdown, pydantic, loguru";
const CACHED = join(
  process.env.XDG_CACHE_HOME || join(homedir(), ".cache"),
  "mlops-report-bench",
  "report.py",
);

/** Stops the bench with one line: what did not work, and what to do. */
export function fail(line) {
  console.error(`course checker: ${line}`);
  process.exit(1);
}

/** The first interpreter that imports the checker's modules. */
export function findPython() {
  const tried = [process.env.MLOPS_REPORT_PYTHON, "/usr/bin/python3", "python3", "python"].filter(Boolean);
  for (const python of tried) {
    const probe = spawnSync(python, ["-c", `import ${MODULES}`], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  fail(
    `no Python among ${tried.join(", ")} imports ${MODULES}: run scripts/system-deps.sh --bench, or set MLOPS_REPORT_PYTHON`,
  );
}

/** The checker's path: given, cached, or downloaded into the cache. */
export async function findChecker() {
  const given = textOption("checker") ?? process.env.MLOPS_REPORT_CHECKER;
  if (given) return existsSync(given) ? given : fail(`no file at ${given}`);
  if (existsSync(CACHED)) return CACHED;
  try {
    const response = await fetch(SOURCE_URL, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    mkdirSync(join(CACHED, ".."), { recursive: true });
    writeFileSync(CACHED, await response.text());
    return CACHED;
  } catch (error) {
    fail(
      `none given and ${SOURCE_URL} could not be fetched (${error.cause?.code ?? error.message}): give --checker path/to/report.py or MLOPS_REPORT_CHECKER`,
    );
  }
}

/** How many answers the checker expects: it raises on any other count. */
export function expectedAnswers(checker) {
  const count = /expected (\d+)/.exec(readFileSync(checker, "utf8"))?.[1];
  return count ? Number(count) : fail(`${checker} says no expected answer count: not the course's report.py`);
}

const oracle = JSON.parse(readFileSync(ORACLE, "utf8"));

/**
 * The checker's run on a corpus report (`name`: its repository's folder name), checked against the oracle: exit 0
 * when the report has the answer count the checker expects, else 1 (it raises) with its message; every count it
 * prints is the oracle's count for that question; a run that checked ends with its total, and fails as many
 * questions as it names. Returns a line that says so, or stops the bench.
 */
export function verifyRun(run, name, answers) {
  const official = oracle[name];
  if (!official) fail(`${name} is not in ${ORACLE}`);
  const output = `${run.stdout}${run.stderr}`;
  const last = output.trim().split("\n").at(-1);
  const raises = official.answers !== answers;
  if (run.status !== (raises ? 1 : 0))
    fail(`exit ${run.status} on ${name}, expected ${raises ? 1 : 0}: ${last}`);
  if (raises) {
    if (!output.includes(`Number of answers are different from the expected ${answers}`))
      fail(`on ${name} it did not raise for its ${official.answers} answers: ${last}`);
    return `exit 1 (raises: ${official.answers} answers, expected ${answers})`;
  }
  const failures = [
    ...output.matchAll(
      /Question (\d+) failed check\. Expected number of (words|screenshots) .* but got (\d+)/g,
    ),
  ];
  for (const [, question, kind, got] of failures) {
    const counted = official.questions[question]?.[kind === "words" ? "words" : "images"];
    if (counted !== Number(got))
      fail(`on ${name} question ${question} has ${got} ${kind}, the oracle ${counted}`);
  }
  const total = /Total number of questions passed: (\d+)\/(\d+)/.exec(output);
  const failed = new Set(failures.map(([, question]) => question)).size;
  if (!total || Number(total[2]) !== answers || Number(total[1]) !== answers - failed)
    fail(`on ${name} no total of ${answers - failed}/${answers} questions passed: ${last}`);
  return `exit 0, ${failures.length} failed checks (counts as the oracle's), ${total[0].toLowerCase()}`;
}

/** A command that runs the checker on the report of the repository at `repo`, as `python3 report.py check`. */
export const checkerRun = (python, checker, repo) => () =>
  timedRun(python, [checker, "check"], { cwd: join(repo, "reports") });
