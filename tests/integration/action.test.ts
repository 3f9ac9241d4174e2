import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { parseOutputFile, readAction, runAction } from "@mlops-report/testing/composite-action";
import { REPO_ROOT } from "@mlops-report/testing/setting";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import {
  baseEnv,
  npmEnv,
  packCli,
  requireTools,
  runOk,
  shouldRunWith,
  tempDir,
} from "@mlops-report/testing/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NOTICE_MESSAGE =
  "No checklist item is ticked, yet 31 of 31 questions are answered: tick with [x] each item your project did";
const MISSING_FIGURE =
  'Image "figures/b.png" not found: no file at reports/figures/b.png; the nearest image of the repository is reports/figures/a.png';

/** The line (1-based) of the first line of a report that satisfies `test`. */
function lineOf(text: string, test: (line: string) => boolean): number {
  return text.split("\n").findIndex(test) + 1;
}

/** The annotations for the fixture: the checklist notice, and the missing figure's error when it is missing. */
function annotations(report: string, figureMissing: boolean): string {
  const checklist = lineOf(report, (l) => l === "## Overall project checklist");
  const image = lineOf(report, (l) => l === "![b](figures/b.png)");
  const lines = [
    `::notice file=reports/README.md,line=${checklist},col=1,endLine=${checklist},endColumn=1,title=checklist/marks::${NOTICE_MESSAGE}`,
  ];
  if (figureMissing)
    lines.push(
      `::error file=reports/README.md,line=${image},col=1,endLine=${image},endColumn=20,title=image/exists::${MISSING_FIGURE}`,
    );
  return `${lines.join("\n")}\n`;
}

/** The readable findings the lint step prints, between the commands that turn workflow commands off and on. */
function quietBlock(stdout: string, after: string): { token: string; text: string } {
  const rest = stdout.slice(after.length);
  const match = /^::stop-commands::(mlops-report-[0-9a-f-]{36})\n([\s\S]*)::\1::\n$/.exec(rest);
  if (!match) throw new Error(`no stop-commands block after the annotations:\n${rest}`);
  return { token: match[1]!, text: match[2]! };
}

/** The repository's files as the runner downloads the action: what git tracks (and new files not ignored). */
function copyRepository(to: string): void {
  const listed = runOk("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO_ROOT,
  });
  for (const file of listed.stdout.split("\0")) {
    if (file === "" || !existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(to, file));
  }
}

describe("the action's definition", () => {
  const action = readAction(REPO_ROOT);

  it("is a composite action whose scripts take inputs from the environment, never spliced into the code", () => {
    expect(action.runs.using).toBe("composite");
    for (const step of action.runs.steps) {
      expect(step.shell).toBe("bash");
      expect(step.run).not.toContain("${{");
    }
    expect(Object.keys(action.outputs).sort()).toEqual(["exit-code", "junit-file", "sarif-file"]);
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description.length, `input ${name} has a description`).toBeGreaterThan(10);
  });

  it("reads GITHUB_OUTPUT lines and multi-line values as the runner does", () => {
    expect(parseOutputFile("a=1\nb=x=y\nc<<EOF\nline 1\nline 2\nEOF\nd=\n")).toEqual({
      a: "1",
      b: "x=y",
      c: "line 1\nline 2",
      d: "",
    });
  });
});

// Generous: building the command from source and installing the tarball, on a shared machine.
describe.runIf(shouldRunWith("git", "pnpm", "npm"))(
  "the action run as the runner runs it",
  { timeout: 300_000 },
  () => {
    const made: string[] = [];
    let env: Record<string, string>;
    let tarball: string;

    const fresh = (name: string) => {
      const dir = tempDir(name);
      made.push(dir);
      return dir;
    };

    beforeAll(() => {
      requireTools("git", "pnpm", "npm");
      const work = fresh("action");
      // The job's environment: the machine's, with npm's cache kept apart from the user's.
      env = { ...baseEnv(), ...npmEnv(join(work, "npm-cache")) };
      tarball = packCli(join(work, "pack"));
    }, 300_000);

    afterAll(() => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    });

    it("by default builds the command from its own source, annotates, writes SARIF and JUnit, and fails the job", () => {
      const actionPath = fresh("action-path");
      copyRepository(actionPath);
      const files = cleanReportFiles();
      delete files["reports/figures/b.png"];
      const workspace = tempTree(files);
      made.push(workspace);
      const runnerTemp = fresh("runner-temp");
      const report = readFileSync(join(workspace, "reports", "README.md"), "utf8");

      const result = runAction({ actionPath, workspace, runnerTemp, env });
      expect(result.steps.map((s) => [s.id, s.code])).toEqual([
        ["install", 0],
        ["lint", 0],
        ["__step2", 1],
      ]);
      expect(result.code).toBe(1);
      expect(result.steps[0]!.outputs).toEqual({ cli: join(actionPath, "packages/cli/dist/cli.js") });

      const lint = result.steps[1]!;
      const expectedAnnotations = annotations(report, true);
      expect(lint.stdout.slice(0, expectedAnnotations.length)).toBe(expectedAnnotations);
      const block = quietBlock(lint.stdout, expectedAnnotations);
      expect(block.text).toBe(runCli(["lint"], workspace).stdout);
      expect(lint.stderr).toBe("");

      const sarifFile = join(workspace, "mlops-report.sarif");
      const junitFile = join(workspace, "mlops-report-junit.xml");
      expect(result.outputs).toEqual({ "sarif-file": sarifFile, "junit-file": junitFile, "exit-code": "1" });
      const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
      expect(sarif.version).toBe("2.1.0");
      expect(
        sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]).sort(),
      ).toEqual([
        ["checklist/marks", "note"],
        ["image/exists", "error"],
      ]);
      const junit = readFileSync(junitFile, "utf8");
      expect(/<testsuites [^>]*failures="(\d+)"/.exec(junit)?.[1]).toBe("1");
      expect(junit).toContain(MISSING_FIGURE.replaceAll('"', "&quot;"));

      expect(result.steps[2]!.stdout).toBe(
        "mlops-report: the report has errors, or more warnings than max-warnings allows\n",
      );
    });

    it("with the package input installs that tarball, and passes a clean report with its own output paths", () => {
      const workspace = tempTree(cleanReportFiles());
      made.push(workspace);
      const runnerTemp = fresh("runner-temp");
      const junitFile = join(runnerTemp, "results", "junit.xml");
      const report = readFileSync(join(workspace, "reports", "README.md"), "utf8");

      const result = runAction({
        actionPath: REPO_ROOT,
        workspace,
        runnerTemp,
        env,
        inputs: {
          package: tarball,
          path: "\nreports/README.md\n",
          year: "2026",
          "sarif-file": "out/report.sarif",
          "junit-file": junitFile,
        },
      });
      expect(result.steps.map((s) => [s.id, s.code])).toEqual([
        ["install", 0],
        ["lint", 0],
        ["__step2", 0],
      ]);
      expect(result.code).toBe(0);
      expect(result.steps[0]!.outputs).toEqual({
        cli: join(runnerTemp, "mlops-report", "bin", "mlops-report"),
      });
      const lint = result.steps[1]!;
      const expectedAnnotations = annotations(report, false);
      expect(lint.stdout.slice(0, expectedAnnotations.length)).toBe(expectedAnnotations);
      expect(quietBlock(lint.stdout, expectedAnnotations).text).toBe(
        runCli(["lint", "reports/README.md"], workspace).stdout,
      );
      expect(result.outputs).toEqual({
        "sarif-file": join(workspace, "out", "report.sarif"),
        "junit-file": junitFile,
        "exit-code": "0",
      });
      expect(JSON.parse(readFileSync(join(workspace, "out", "report.sarif"), "utf8")).version).toBe("2.1.0");
      expect(/<testsuites [^>]*failures="(\d+)"/.exec(readFileSync(junitFile, "utf8"))?.[1]).toBe("0");
      expect(result.steps[2]!.stdout).toBe("");
    });

    it("fails the job with exit 2 and gives no file paths when there is no report to lint", () => {
      const workspace = fresh("empty-workspace");
      writeFileSync(join(workspace, "train.py"), "print('training')\n");
      const runnerTemp = fresh("runner-temp");
      const result = runAction({
        actionPath: REPO_ROOT,
        workspace,
        runnerTemp,
        env,
        inputs: { package: tarball },
      });
      expect(result.steps.map((s) => [s.id, s.code])).toEqual([
        ["install", 0],
        ["lint", 0],
        ["__step2", 2],
      ]);
      expect(result.code).toBe(2);
      expect(result.steps[1]!.stdout).toBe("");
      expect(result.steps[1]!.stderr).toBe(
        "mlops-report: error: .: no report found (looked for reports/README.md and README.md in this folder)\n",
      );
      expect(result.outputs).toEqual({ "sarif-file": "", "junit-file": "", "exit-code": "2" });
      expect(result.steps[2]!.stdout).toBe(
        "mlops-report: could not lint the report (exit 2): see the lines above\n",
      );
      expect(readdirSync(workspace)).toEqual(["train.py"]);
    });
  },
);
