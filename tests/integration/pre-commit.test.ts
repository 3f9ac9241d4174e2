import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { REPO_ROOT } from "@mlops-report/testing/setting";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import {
  npmEnv,
  packCli,
  type Run,
  requireTools,
  run,
  runOk,
  shouldRunWith,
  tempDir,
} from "@mlops-report/testing/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MANIFEST = join(REPO_ROOT, ".pre-commit-hooks.yaml");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** pre-commit's line for a hook's outcome: the name, dots to column 79, the outcome. */
function outcome(name: string, result: string, note = ""): string {
  return `${name}${".".repeat(79 - name.length - note.length - result.length)}${note}${result}\n`;
}

// Generous: pre-commit installs the hook's environment with npm from the registry, on a shared machine.
describe.runIf(shouldRunWith("git", "pre-commit", "pnpm", "npm"))(
  "the pre-commit hook",
  { timeout: 300_000 },
  () => {
    const made: string[] = [];
    let env: Record<string, string>;
    let hookRepo: string;
    let rev: string;
    let tarball: string;

    /** git with a fixed identity and none of the user's or the system's git config (hooksPath would stop pre-commit). */
    const git = (cwd: string, ...args: string[]) => runOk("git", args, { cwd, env });
    const commits = (cwd: string) => Number(git(cwd, "rev-list", "--all", "--count").stdout.trim());
    const commit = (cwd: string): Run => {
      git(cwd, "add", "--all");
      return run("git", ["commit", "--quiet", "--message", "report"], { cwd, env });
    };

    /** A group's repository with the given files, pre-commit configured and its git hook installed. */
    function groupRepo(files: Record<string, string | Uint8Array>, config: string): string {
      const root = tempTree({ ...files, ".pre-commit-config.yaml": config });
      made.push(root);
      git(root, "init", "--quiet");
      runOk("pre-commit", ["install"], { cwd: root, env });
      // Set the environment up before the first commit, so that the commit shows only the hook's outcome.
      runOk("pre-commit", ["install-hooks"], { cwd: root, env });
      return root;
    }

    beforeAll(() => {
      requireTools("git", "pre-commit", "pnpm", "npm");
      const work = tempDir("pre-commit");
      made.push(work);
      const gitConfig = join(work, "gitconfig");
      writeFileSync(gitConfig, "");
      env = {
        ...npmEnv(join(work, "npm-cache")),
        PRE_COMMIT_HOME: join(work, "pre-commit-home"),
        PRE_COMMIT_COLOR: "never",
        GIT_CONFIG_GLOBAL: gitConfig,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_AUTHOR_NAME: "Group 42",
        GIT_AUTHOR_EMAIL: "group42@example.com",
        GIT_COMMITTER_NAME: "Group 42",
        GIT_COMMITTER_EMAIL: "group42@example.com",
      };
      tarball = packCli(join(work, "pack"));
      // The hook repository as a release publishes it: the packed package at its root, with this repository's
      // .pre-commit-hooks.yaml beside it (docs/integrations.md).
      hookRepo = join(work, "hook");
      mkdirSync(hookRepo);
      runOk("tar", ["-xzf", tarball, "-C", hookRepo, "--strip-components=1"], { cwd: work });
      copyFileSync(MANIFEST, join(hookRepo, ".pre-commit-hooks.yaml"));
      git(hookRepo, "init", "--quiet");
      git(hookRepo, "add", "--all");
      git(hookRepo, "commit", "--quiet", "--message", "mlops-report hook");
      rev = git(hookRepo, "rev-parse", "HEAD").stdout.trim();
    }, 300_000);

    afterAll(() => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    });

    it("ships a manifest that pre-commit accepts, with the node hook groups use", () => {
      expect(run("pre-commit", ["validate-manifest", MANIFEST], { cwd: REPO_ROOT, env })).toEqual({
        code: 0,
        stdout: "",
        stderr: "",
      });
      const manifest = readFileSync(MANIFEST, "utf8");
      expect(manifest).toContain("- id: mlops-report\n");
      expect(manifest).toContain("  entry: mlops-report lint\n");
      expect(manifest).toContain("  language: node\n");
      expect(manifest).toContain("  files: ^reports/(README\\.md|figures/.*)$\n");
      expect(manifest).toContain("  pass_filenames: false\n");
      expect(manifest).toContain("- id: mlops-report-fix\n");
      expect(manifest).toContain("  entry: mlops-report lint --fix\n");
    });

    describe("from a hook repository", () => {
      let group: string;

      beforeAll(() => {
        // The report lacks one of its figures: an error.
        const files = cleanReportFiles();
        delete files["reports/figures/b.png"];
        group = groupRepo(
          files,
          `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: mlops-report\n`,
        );
      }, 300_000);

      it("fails the commit on an error, with the command's own output, and passes it once fixed", () => {
        // Staged as the commit stages them: the repository's files are git's tracked ones, which the image
        // rule's nearest-name suggestion reads.
        git(group, "add", "-A");
        const expected = runCli(["lint"], group);
        expect(expected.code).toBe(1);
        expect(expected.stdout).toContain('Image "figures/b.png" not found: no file at');
        // git shows a hook's output on standard error.
        const failed = commit(group);
        expect(failed.code).toBe(1);
        expect(failed.stdout).toBe("");
        expect(failed.stderr).toBe(
          `${outcome("mlops-report", "Failed")}- hook id: mlops-report\n- exit code: 1\n\n${expected.stdout}\n`,
        );
        expect(commits(group)).toBe(0);

        writeFileSync(join(group, "reports", "figures", "b.png"), PNG);
        const passed = commit(group);
        expect(passed).toEqual({ code: 0, stdout: "", stderr: outcome("mlops-report", "Passed") });
        expect(commits(group)).toBe(1);
      });

      it("runs when only a figure changes, and not for a commit that touches neither report nor figures", () => {
        // A figure renamed to another letter case: the link no longer finds it on GitHub.
        git(group, "mv", "reports/figures/b.png", "reports/figures/B.png");
        const expected = runCli(["lint"], group);
        expect(expected.stdout).toContain(
          "not found: the file is named\n                    reports/figures/B.png",
        );
        const renamed = commit(group);
        expect(renamed.code).toBe(1);
        expect(renamed.stderr).toBe(
          `${outcome("mlops-report", "Failed")}- hook id: mlops-report\n- exit code: 1\n\n${expected.stdout}\n`,
        );
        git(group, "mv", "reports/figures/B.png", "reports/figures/b.png");

        writeFileSync(join(group, "train.py"), "print('training')\n");
        const other = commit(group);
        expect(other).toEqual({
          code: 0,
          stdout: "",
          stderr: outcome("mlops-report", "Skipped", "(no files to check)"),
        });
        expect(commits(group)).toBe(2);
      });
    });

    it("mlops-report-fix fixes the report, stops the commit so that the group sees it, and passes once added", () => {
      const files = cleanReportFiles("", { 19: "`![b](figures/b.png)`" });
      const group = groupRepo(
        files,
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: mlops-report-fix\n`,
      );
      const stopped = commit(group);
      expect(stopped.code).toBe(1);
      expect(stopped.stderr).toContain(
        `${outcome("mlops-report (with safe fixes)", "Failed")}- hook id: mlops-report-fix\n- files were modified by this hook\n`,
      );
      expect(stopped.stderr).toContain("mlops-report: note: reports/README.md: fixed 1 finding\n");
      expect(commits(group)).toBe(0);
      const fixed = readFileSync(join(group, "reports", "README.md"), "utf8");
      expect(fixed).toBe(
        (files["reports/README.md"] as string).replace("`![b](figures/b.png)`", "![b](figures/b.png)"),
      );
      expect(commit(group)).toEqual({
        code: 0,
        stdout: "",
        stderr: outcome("mlops-report (with safe fixes)", "Passed"),
      });
      expect(commits(group)).toBe(1);
    });

    it("works as a local hook that installs the tarball, for a group that has only the tarball", () => {
      const files = cleanReportFiles();
      delete files["reports/figures/b.png"];
      const group = groupRepo(
        files,
        [
          "repos:",
          "  - repo: local",
          "    hooks:",
          "      - id: mlops-report",
          "        name: mlops-report",
          "        entry: mlops-report lint",
          "        language: node",
          `        additional_dependencies: ["${tarball}"]`,
          "        files: ^reports/(README\\.md|figures/.*)$",
          "        pass_filenames: false",
          "",
        ].join("\n"),
      );
      const failed = commit(group);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(
        `${outcome("mlops-report", "Failed")}- hook id: mlops-report\n- exit code: 1\n`,
      );
      expect(commits(group)).toBe(0);
      writeFileSync(join(group, "reports", "figures", "b.png"), PNG);
      expect(commit(group)).toEqual({ code: 0, stdout: "", stderr: outcome("mlops-report", "Passed") });
      expect(commits(group)).toBe(1);
    });
  },
);
