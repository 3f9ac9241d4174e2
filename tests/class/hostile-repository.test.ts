import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { forgeIndexPath, git } from "@mlops-report/testing/git";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/**
 * A class with one group whose repository is hostile: the run never stops on it, every good group's JSON, JUnit
 * and HTML result is written, and each report, the hostile one included, is named once in each.
 */
const OUTPUTS = ["--format", "json=out/r.json", "--format", "junit=out/r.xml", "--format", "html=out/r.html"];
const REPORTS = [
  "class/g1/reports/README.md",
  "class/g2/reports/README.md",
  "class/hostile/reports/README.md",
];

/**
 * Two good groups and a hostile one: a git repository (nothing committed) of `files` and the bundled example
 * report, which ticks Weights & Biases, so that the default preset searches the code for `import wandb`.
 */
function classWithHostile(files: Record<string, string> = {}): { root: string; hostile: string } {
  const root = tempTree({
    ...cleanReportFiles("class/g1/"),
    ...cleanReportFiles("class/g2/"),
    ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`class/hostile/${path}`, text])),
  });
  const hostile = join(root, "class/hostile");
  cpSync(new URL("../../examples/group-42", import.meta.url), hostile, { recursive: true });
  git(hostile, "init", "-q");
  git(hostile, "add", ".");
  return { root, hostile };
}

function lintClass(root: string, ...args: string[]) {
  rmSync(join(root, "out"), { recursive: true, force: true });
  return runCli(["lint", "class", ...OUTPUTS, ...args], root);
}

/** Every report's result written once in each output. */
function expectEveryResult(root: string): void {
  const json = JSON.parse(readFileSync(join(root, "out/r.json"), "utf8"));
  expect(json.results.map((r: { filePath: string }) => r.filePath)).toEqual(REPORTS);
  const junit = readFileSync(join(root, "out/r.xml"), "utf8");
  expect([...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toEqual(REPORTS);
  const html = readFileSync(join(root, "out/r.html"), "utf8");
  expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(REPORTS);
}

function readOutput(root: string, name: string): string {
  return readFileSync(join(root, "out", name), "utf8");
}

/** A line of a file outside every repository, which no output may show. */
const SECRET = "a file of the linting machine";

/** The repository evidence the JSON shows for the hostile group (every hit's path and line text). */
function hostileEvidence(root: string): string {
  const json = JSON.parse(readFileSync(join(root, "out/r.json"), "utf8"));
  return JSON.stringify(json.results[2]);
}

describe("a class with a hostile repository", { timeout: 120_000 }, () => {
  it.each(["off", "2"])(
    "follows a submodule's .git file (concurrency %s), and reads one that leads nowhere as a walk",
    (concurrency) => {
      const { root, hostile } = classWithHostile({ "src/train.py": "import wandb\n" });
      git(hostile, "commit", "-q", "-m", "one");
      // Untracked: evidence only for a walk.
      writeFileSync(join(hostile, "a.py"), "from wandb import init\n");
      // The layout of a submodule: the group's git folder kept in the class repository's.
      git(join(root, "class"), "init", "-q");
      renameSync(join(hostile, ".git"), join(root, "class/.git/hostile"));
      writeFileSync(join(hostile, ".git"), "gitdir: ../.git/hostile\n");
      const run = lintClass(root, "--concurrency", concurrency);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expectEveryResult(root);
      expect(hostileEvidence(root)).toContain('"text":"import wandb"');
      writeFileSync(join(hostile, ".git"), "gitdir: ../nowhere\n");
      const walked = lintClass(root, "--concurrency", concurrency);
      expect(walked.stderr).toBe("");
      expect(walked.code).toBe(0);
      expectEveryResult(root);
      expect(hostileEvidence(root)).toContain('"text":"from wandb import init"');
    },
  );

  it.each([
    ["HEAD", () => {}],
    ["index", () => {}],
    ["config", () => {}],
    ["extra.inc", (hostile: string) => git(hostile, "config", "include.path", "extra.inc")],
  ])(
    "reads a repository whose .git/%s is a named pipe as a walk, without running git there",
    (name, setUp) => {
      const { root, hostile } = classWithHostile({ "src/train.py": "import wandb\n" });
      git(hostile, "commit", "-q", "-m", "one");
      setUp(hostile);
      rmSync(join(hostile, ".git", name), { force: true });
      execFileSync("mkfifo", [join(hostile, ".git", name)]);
      const spy = gitSpy(root);
      const run = runCli(["lint", "class", ...OUTPUTS], root, spy.env);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expectEveryResult(root);
      expect(hostileEvidence(root)).toContain('"text":"import wandb"');
      expect(spy.log().filter((line) => line.startsWith(`${hostile} `))).toEqual([]);
    },
  );

  it("reads no tracked file under a folder link that leads outside the repository", () => {
    const { root, hostile } = classWithHostile({ "leak/train.py": "import wandb\n" });
    git(hostile, "commit", "-q", "-m", "one");
    const elsewhere = tempTree({ "train.py": `import wandb  # ${SECRET}\n` });
    rmSync(join(hostile, "leak"), { recursive: true });
    symlinkSync(elsewhere, join(hostile, "leak"));
    const run = lintClass(root, "--format", "terminal", "--show-evidence");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectEveryResult(root);
    expect(run.stdout).toContain("class/hostile/reports/README.md");
    for (const output of [run.stdout, ...["r.json", "r.xml", "r.html"].map((f) => readOutput(root, f))])
      expect(output).not.toContain(SECRET);
  });

  it("opens no path of a forged index that leads out of the repository, whatever a config searches", () => {
    const { root, hostile } = classWithHostile({
      "aa/aa/aa/aa/aa/etc/passwd": "root:x:0:0:a file of the repository\n",
      ".mlops-report.yaml": `extends: mlops-report:2026
checklist:
  wandb:
    repository:
      trace: 'contains("../../../../../etc/passwd", /root/)'
      absent: nothing
      shows: 'contains("../../../../../etc/passwd", /root/)'
      present: the machine's users
`,
    });
    forgeIndexPath(hostile, "aa/aa/aa/aa/aa/etc/passwd", "../../../../../etc/passwd");
    const run = lintClass(root, "--format", "terminal", "--show-evidence");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectEveryResult(root);
    for (const output of [run.stdout, ...["r.json", "r.xml", "r.html"].map((f) => readOutput(root, f))])
      expect(output).not.toContain("root:x:0:0");
  });

  it("honours no ignore rules beyond the limit: 4,000 of them are not tested against every file", () => {
    const rules = Array.from({ length: 3_999 }, (_, i) => `*.tmp${i}`);
    const { root, hostile } = classWithHostile({
      ".gitignore": `${rules.join("\n")}\nsrc/\n`,
      "src/train.py": "import wandb\n",
    });
    // A copy without git's folder: read as a walk, which honours ignore files.
    rmSync(join(hostile, ".git"), { recursive: true });
    const run = lintClass(root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectEveryResult(root);
    expect(hostileEvidence(root)).toContain('"text":"import wandb"');
  });

  it("looks at a bounded part of an index of 199,000 absent files, and keeps no memory over what it reads", () => {
    const { root, hostile } = classWithHostile({ "src/train.py": "import wandb\n" });
    const entries = Array.from(
      { length: 199_000 },
      (_, i) => `100644 ${EMPTY_BLOB}\tsrc/pkg${i % 500}/m${i}.py\n`,
    ).join("");
    execFileSync("git", ["update-index", "--index-info"], { cwd: hostile, input: entries });
    const run = lintClass(root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectEveryResult(root);
    // One report alone keeps its memory in the per-user cache folder, which reads back at most 64 MB a file.
    const cache = join(root, "user-cache");
    const alone = runCli(["lint", "class/hostile", "--format", "json"], root, {
      MLOPS_REPORT_CODE_CACHE: cache,
    });
    expect(alone.stderr).toBe("");
    expect(alone.code).toBe(0);
    const sizes = readdirSync(cache).map((name) => statSync(join(cache, name)).size);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(64 * 1024 * 1024);
  });

  it("skips a tracked path the system cannot look at (a name too long)", () => {
    const { root, hostile } = classWithHostile({ "src/train.py": "import wandb\n" });
    git(hostile, "update-index", "--add", "--cacheinfo", `100644,${EMPTY_BLOB},${"a".repeat(300)}.py`);
    const run = lintClass(root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectEveryResult(root);
    expect(hostileEvidence(root)).toContain('"text":"import wandb"');
  });
});

/** A `git` first on the PATH that notes where it runs and what for, then runs the real git: its log. */
function gitSpy(root: string): { env: Record<string, string>; log: () => string[] } {
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  const bin = join(root, "spy-bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$PWD $*" >> "${bin}/log"\nexec "${real}" "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  const log = () => (existsSync(join(bin, "log")) ? readFileSync(join(bin, "log"), "utf8").split("\n") : []);
  return { env: { PATH: `${bin}:${process.env.PATH ?? ""}` }, log };
}

/** The object name of an empty file, which git's index can list without the object being there. */
const EMPTY_BLOB = "e69de29bb2d1d6433c48b4c6bfeb2341e6f1f9e4" as const;
