import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "@mlops-report/testing/cli";
import { git } from "@mlops-report/testing/git";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";

const { tree } = temporaryFolders();

/** A 2025 report that ticks DVC, in a repository with a workflow but (yet) no DVC file. */
function repository(): string {
  return tree({
    "reports/README.md": syntheticReport({ year: 2025, checked: ["git", "dvc", "ci"] }),
    ".github/workflows/ci.yaml": "on: push\n",
  });
}

function repositoryFindings(root: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = runCli(["lint", "reports/README.md", "--format", "json", ...args], root, env);
  const [result] = JSON.parse(run.stdout).results;
  return {
    run,
    items: result.diagnostics
      .filter((d: { ruleId: string }) => d.ruleId === "checklist/repository")
      .map((d: { checklistItem: string }) => d.checklistItem),
  };
}

describe("checklist/repository from the command line", () => {
  it("with --cache: adding the missing file lints the report again", () => {
    const root = repository();
    const env = { MLOPS_REPORT_DEBUG: "1" };
    expect(repositoryFindings(root, ["--cache"], env).items).toEqual(["dvc"]);
    const cached = repositoryFindings(root, ["--cache"], env);
    expect(cached.run.stderr).toContain("0 parsed, 1 from the cache");
    expect(cached.items).toEqual(["dvc"]);
    writeFileSync(join(root, "data.dvc"), "outs:\n");
    const changed = repositoryFindings(root, ["--cache"], env);
    expect(changed.run.stderr).toContain("1 parsed, 0 from the cache");
    expect(changed.items).toEqual([]);
  });

  it("in a git working copy counts only committed files, and sees a commit through the cache", () => {
    const root = repository();
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "one");
    writeFileSync(join(root, "data.dvc"), "outs:\n");
    const env = { MLOPS_REPORT_DEBUG: "1" };
    expect(repositoryFindings(root, ["--cache"], env).items).toEqual(["dvc"]);
    git(root, "add", "data.dvc");
    const staged = repositoryFindings(root, ["--cache"], env);
    expect(staged.run.stderr).toContain("1 parsed, 0 from the cache");
    expect(staged.items).toEqual([]);
  });

  it("shows each item's evidence with --show-evidence", () => {
    const root = repository();
    writeFileSync(join(root, "data.dvc"), "outs:\n");
    const run = runCli(["lint", "reports/README.md", "--show-evidence"], root);
    expect(run.stdout).toContain("[x] dvc\n      repository: shows it: data.dvc\n");
  });
});
