// Adds up the vitest results of every workspace package that has tests and prints one closing line for all of
// them. It fails, saying which package, when a package's results are missing, unreadable or older than this
// run (`pnpm test` sets MLOPS_REPORT_TEST_START), so that the line never counts a package that did not run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const RESULTS = ".vitest-results.json";

/** The `packages:` globs of pnpm-workspace.yaml: a block list of plain or quoted strings. */
function workspaceGlobs(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start < 0) throw new Error("pnpm-workspace.yaml has no `packages:` list");
  const globs = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (!item) break;
    globs.push(item[1].replace(/^(["'])(.*)\1$/, "$2"));
  }
  return globs;
}

/** The folders the globs name. Only the forms a workspace list needs: `dir`, `dir/*` and `!dir`. */
function workspaceFolders(root, globs) {
  const excluded = new Set(globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1)));
  const folders = [];
  for (const glob of globs.filter((g) => !g.startsWith("!"))) {
    if (glob.endsWith("/*")) {
      const parent = glob.slice(0, -2);
      if (/[*?[{]/.test(parent)) throw new Error(`pnpm-workspace.yaml: unsupported glob ${glob}`);
      for (const entry of readdirSync(join(root, parent), { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      ))
        if (entry.isDirectory()) folders.push(`${parent}/${entry.name}`);
    } else if (/[*?[{]/.test(glob)) throw new Error(`pnpm-workspace.yaml: unsupported glob ${glob}`);
    else folders.push(glob);
  }
  return folders.filter((folder) => !excluded.has(folder));
}

/** The workspace folders whose package.json has a `test` script. */
function testedFolders(root) {
  const globs = workspaceGlobs(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8"));
  return workspaceFolders(root, globs).filter((folder) => {
    const manifest = join(root, folder, "package.json");
    return existsSync(manifest) && Boolean(JSON.parse(readFileSync(manifest, "utf8")).scripts?.test);
  });
}

/** One package's counts, or why they cannot be counted. */
function packageOutcome(root, folder, runStart) {
  const file = join(root, folder, RESULTS);
  if (!existsSync(file)) return { problem: `${folder}: no test results (${folder}/${RESULTS} is missing)` };
  let r;
  try {
    r = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return { problem: `${folder}: ${folder}/${RESULTS} is not valid JSON` };
  }
  if (!(r.startTime >= runStart))
    return { problem: `${folder}: ${folder}/${RESULTS} is from an earlier run, not this one` };
  // A file that could not be loaded fails with no failing test in it: counted apart, or it would go unseen.
  const unloaded = r.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed"),
  ).length;
  return {
    counts: {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
      unloaded,
    },
  };
}

function main() {
  const root = process.cwd();
  const runStart = Number(process.env.MLOPS_REPORT_TEST_START);
  if (!Number.isFinite(runStart) || runStart <= 0) {
    console.log("test summary: MLOPS_REPORT_TEST_START is not set; run the tests with `pnpm test`");
    return 2;
  }
  let folders;
  try {
    folders = testedFolders(root);
  } catch (error) {
    console.log(`test summary: ${error.message}`);
    return 2;
  }
  const total = { passed: 0, failed: 0, skipped: 0, unloaded: 0 };
  const problems = [];
  for (const folder of folders) {
    const outcome = packageOutcome(root, folder, runStart);
    if (outcome.problem) problems.push(outcome.problem);
    else for (const key of Object.keys(total)) total[key] += outcome.counts[key];
  }
  const unloaded = total.unloaded ? `, ${total.unloaded} test files failed to load` : "";
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped${unloaded}`);
  for (const problem of problems) console.log(`test summary: ${problem}`);
  if (problems.length)
    console.log(`test summary: ${problems.length} of ${folders.length} packages are not counted above`);
  return problems.length || total.unloaded ? 1 : 0;
}

process.exitCode = main();
