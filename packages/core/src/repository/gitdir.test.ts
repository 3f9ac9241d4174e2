import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "@mlops-report/testing/git";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { nodeRepositoryFs } from "./fs.js";
import { usableGitFolder } from "./gitdir.js";
import { openRepository } from "./view.js";

const { tree } = temporaryFolders();

/** A class repository holding a group's repository as a submodule would: its git folder under `.git/modules`. */
function submodule(): { group: string; gitFolder: string } {
  const dir = tree({ "group/reports/README.md": "# report\n", "group/src/train.py": "import wandb\n" });
  const group = join(dir, "group");
  git(dir, "init", "-q");
  mkdirSync(join(dir, ".git/modules"));
  git(group, "init", "-q", "--separate-git-dir", join(dir, ".git/modules/group"));
  git(group, "add", "reports");
  writeFileSync(join(group, ".git"), "gitdir: ../.git/modules/group\n");
  return { group, gitFolder: join(dir, ".git/modules/group") };
}

function fifo(path: string): void {
  rmSync(path, { force: true });
  execFileSync("mkfifo", [path]);
}

describe("the git folder git may be run on", { timeout: 60_000 }, () => {
  it("follows a .git file to a git folder, and git lists the submodule's index", () => {
    const { group, gitFolder } = submodule();
    expect(usableGitFolder(nodeRepositoryFs, group)).toBe(gitFolder);
    const view = openRepository(join(group, "reports/README.md"))!;
    expect(view.source()).toBe("git");
    expect(view.files()).toEqual(["reports/README.md"]);
  });

  it("follows a worktree's .git file to its git folder, which shares the main one's objects and config", () => {
    const dir = tree({ "main/reports/README.md": "# report\n", "wt/reports/README.md": "# report\n" });
    const main = join(dir, "main");
    git(main, "init", "-q");
    git(main, "add", ".");
    // The layout `git worktree add` makes, written out: a git folder of the worktree's own under the main one's.
    const own = join(main, ".git/worktrees/wt");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "HEAD"), readFileSync(join(main, ".git/HEAD")));
    writeFileSync(join(own, "commondir"), "../..\n");
    writeFileSync(join(own, "gitdir"), `${join(dir, "wt/.git")}\n`);
    writeFileSync(join(own, "index"), readFileSync(join(main, ".git/index")));
    writeFileSync(join(dir, "wt/.git"), `gitdir: ${own}\n`);
    expect(usableGitFolder(nodeRepositoryFs, join(dir, "wt"))).toBe(own);
    expect(openRepository(join(dir, "wt/reports/README.md"))!.source()).toBe("git");
    fifo(join(main, ".git/config"));
    expect(usableGitFolder(nodeRepositoryFs, join(dir, "wt"))).toBeNull();
  });

  it("reads a repository as a walk when its .git file leads to no git folder", () => {
    const { group } = submodule();
    for (const text of ["gitdir: ../../\n", "gitdir: /nowhere\n", "not a gitdir line\n", ""]) {
      writeFileSync(join(group, ".git"), text);
      expect(usableGitFolder(nodeRepositoryFs, group)).toBeNull();
      const view = openRepository(join(group, "reports/README.md"))!;
      expect(view.source()).toBe("walk");
      expect(view.files()).toEqual(["reports/README.md", "src/train.py"]);
    }
  });

  it.each(["HEAD", "index", "config"])(
    "does not run git when %s is a named pipe: the repository is read as a walk",
    (name) => {
      const dir = tree({ "reports/README.md": "# report\n", "src/train.py": "import wandb\n" });
      git(dir, "init", "-q");
      git(dir, "add", ".");
      fifo(join(dir, ".git", name));
      let ran = 0;
      const view = openRepository(join(dir, "reports/README.md"), {
        listTracked: () => {
          ran++;
          return [];
        },
      })!;
      expect(view.source()).toBe("walk");
      expect(view.files()).toEqual(["reports/README.md", "src/train.py"]);
      expect(ran).toBe(0);
    },
  );

  it("does not run git when a config includes a named pipe, at any depth or condition", () => {
    const dir = tree({ "reports/README.md": "# report\n" });
    git(dir, "init", "-q");
    const outside = tree({});
    fifo(join(outside, "pipe"));
    writeFileSync(join(outside, "second.inc"), `[includeIf "onbranch:main"]\n\tpath = pipe\n`);
    writeFileSync(join(outside, "first.inc"), "[core]\n\tbare = false\n");
    git(dir, "config", "include.path", join(outside, "first.inc"));
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBe(join(dir, ".git"));
    writeFileSync(join(outside, "first.inc"), "[Include]\n\tPATH = second.inc\n");
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBeNull();
    expect(openRepository(join(dir, "reports/README.md"))!.source()).toBe("walk");
  });

  it("reads as a walk a repository whose .git file is over 4 KB, whose config is over 1 MB, or includes 11 deep", () => {
    const { group } = submodule();
    writeFileSync(join(group, ".git"), `gitdir: ../.git/modules/group\n${"#".repeat(4096)}\n`);
    expect(usableGitFolder(nodeRepositoryFs, group)).toBeNull();
    const dir = tree({ "reports/README.md": "# report\n" });
    git(dir, "init", "-q");
    const config = readFileSync(join(dir, ".git/config"), "utf8");
    writeFileSync(join(dir, ".git/config"), `${config}${"# padding\n".repeat(110_000)}`);
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBeNull();
    writeFileSync(join(dir, ".git/config"), `${config}[include]\n\tpath = i1\n`);
    for (let depth = 1; depth <= 10; depth++)
      writeFileSync(join(dir, `.git/i${depth}`), `[include]\n\tpath = i${depth + 1}\n`);
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBe(join(dir, ".git"));
    writeFileSync(join(dir, ".git/i11"), "[core]\n");
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBeNull();
  });

  it("does not run git when the index is a link to a device", () => {
    const dir = tree({ "reports/README.md": "# report\n" });
    git(dir, "init", "-q");
    symlinkSync("/dev/zero", join(dir, ".git/index"));
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBeNull();
  });

  it("needs HEAD and a folder of objects", () => {
    const dir = tree({ "reports/README.md": "# report\n" });
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".git/HEAD"), "ref: refs/heads/main\n");
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBeNull();
    mkdirSync(join(dir, ".git/objects"));
    expect(usableGitFolder(nodeRepositoryFs, dir)).toBe(join(dir, ".git"));
  });
});
