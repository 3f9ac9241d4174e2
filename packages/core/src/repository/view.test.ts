import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "@mlops-report/testing/git";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { nodeFileProbe } from "../resolve.js";
import { nodeRepositoryFs, type RepositoryFs } from "./fs.js";
import { isRepositoryRecall, type RepositoryRecall } from "./recall.js";
import { openRepository, type RepositoryView } from "./view.js";

const { tree } = temporaryFolders();

/** What a view shows, for comparing two views of the same work. */
function evidence(view: RepositoryView) {
  return {
    files: view.files(),
    dvc: view.matching("**/*.dvc"),
    wandb: view.search("**/*.py", /import wandb/).match,
  };
}

const REPOSITORY = {
  "reports/README.md": "# report\n",
  "src/train.py": "import torch\nimport wandb\n",
  "data.dvc": "outs:\n- path: data\n",
  ".gitignore": "outputs/\n*.log\n",
  "docs/.gitignore": "build/\n",
};

describe("openRepository", () => {
  it("is null for a report outside any repository and outside a reports/ folder", () => {
    const dir = tree({ "README.md": "# report\n" });
    expect(openRepository(join(dir, "README.md"))).toBeNull();
  });

  it("is null for a report whose project folder the git top level above it tracks", () => {
    const dir = tree({
      "examples/group/reports/README.md": "# report\n",
      "examples/group/data.dvc": "outs: []\n",
    });
    git(dir, "init", "-q");
    git(dir, "add", "examples/group/data.dvc");
    expect(openRepository(join(dir, "examples/group/reports/README.md"))).toBeNull();
    expect(openRepository(join(dir, "examples/group/README.md"))).toBeNull();
  });

  it("reads a project folder the git top level above it does not track as a repository of its own", () => {
    const dir = tree({
      ".gitignore": "copies/\n",
      "notes.md": "staff notes\n",
      "copies/group/reports/README.md": "# report\n",
      "copies/group/train.py": "import wandb\n",
      "plain/group/reports/README.md": "# report\n",
      "plain/group/data.dvc": "outs: []\n",
    });
    git(dir, "init", "-q");
    git(dir, "add", ".gitignore", "notes.md");
    // Ignored by the enclosing repository, and merely untracked there: both are the group's own.
    const ignored = openRepository(join(dir, "copies/group/reports/README.md"))!;
    expect([ignored.root, ignored.source(), ignored.files()]).toEqual([
      join(dir, "copies/group"),
      "walk",
      ["reports/README.md", "train.py"],
    ]);
    expect(openRepository(join(dir, "plain/group/reports/README.md"))?.files()).toEqual([
      "data.dvc",
      "reports/README.md",
    ]);
    // Without reports/, a README.md in such a folder is no project's report.
    expect(openRepository(join(dir, "plain/group/README.md"))).toBeNull();
  });

  it("takes a project folder below a git top level as the enclosing repository's when git cannot say", () => {
    const dir = tree({ "copy/reports/README.md": "# report\n" });
    git(dir, "init", "-q");
    expect(openRepository(join(dir, "copy/reports/README.md"), { tracksUnder: () => null })).toBeNull();
    expect(openRepository(join(dir, "copy/reports/README.md"), { tracksUnder: () => false })?.root).toBe(
      join(dir, "copy"),
    );
  });

  it("says so when the repository's folder cannot be listed, and lists nothing", () => {
    const dir = tree(REPOSITORY);
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      readdir: (path) => (path === dir ? null : nodeRepositoryFs.readdir(path)),
    };
    const view = openRepository(join(dir, "reports/README.md"), { fs })!;
    expect(view.unreadable()).toBe("its folder cannot be listed");
    expect(view.files()).toEqual([]);
    expect(openRepository(join(dir, "reports/README.md"))?.unreadable()).toBeNull();
  });

  it("takes the git top level as the root for reports/README.md and README.md at its top", () => {
    const dir = tree({ ...REPOSITORY, "README.md": "# report\n" });
    git(dir, "init", "-q");
    expect(openRepository(join(dir, "reports/README.md"))?.root).toBe(dir);
    expect(openRepository(join(dir, "README.md"))?.root).toBe(dir);
  });

  it("takes the folder holding reports/ as the root without .git", () => {
    const dir = tree(REPOSITORY);
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.root).toBe(dir);
    expect(view.source()).toBe("walk");
  });

  it("walks honouring .gitignore at every level and skips git's folder, packages and virtualenvs", () => {
    const dir = tree({
      ...REPOSITORY,
      "outputs/model.py": "import wandb\n",
      "run.log": "x\n",
      "docs/build/index.html": "x\n",
      "docs/index.md": "x\n",
      ".git-not/a.txt": "kept\n",
      "node_modules/pkg/index.js": "x\n",
      "env/pyvenv.cfg": "home = /usr\n",
      "env/lib/python3.11/site-packages/wandb/__init__.py": "x\n",
      "lib/site-packages/x.py": "x\n",
    });
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.files()).toEqual([
      ".git-not/a.txt",
      ".gitignore",
      "data.dvc",
      "docs/.gitignore",
      "docs/index.md",
      "reports/README.md",
      "src/train.py",
    ]);
  });

  it("lists no code copied in from other projects, nor the course's report checker at any path", () => {
    const dir = tree({
      ...REPOSITORY,
      "third_party/lib/ddp.py": "import torch.distributed\n",
      "src/vendor/tool.py": "import onnx\n",
      "report.py": "from loguru import logger\n",
      "tools/report.py": "import typer\n",
      "src/reporting.py": "import logging\n",
    });
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.files()).toEqual([
      ".gitignore",
      "data.dvc",
      "docs/.gitignore",
      "reports/README.md",
      "src/reporting.py",
      "src/train.py",
    ]);
  });

  it("honours ignore files up to 500 rules in all, and names each one beyond", () => {
    const rules = (n: number, last: string) =>
      `# generated\n\n${Array.from({ length: n - 1 }, (_, i) => `*.tmp${i}`).join("\n")}\n${last}\n`;
    const dir = tree({
      "reports/README.md": "# report\n",
      ".gitignore": rules(400, "*.log"),
      "src/.gitignore": rules(100, "cache/"),
      "src/cache/x.py": "x\n",
      "src/deep/.gitignore": rules(1, "*.py"),
      "src/deep/a.py": "x\n",
      "src/deep/b.log": "x\n",
    });
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.files()).toEqual([
      ".gitignore",
      "reports/README.md",
      "src/.gitignore",
      "src/deep/.gitignore",
      "src/deep/a.py",
    ]);
    expect(view.skipped()).toEqual([
      {
        path: "src/deep/.gitignore",
        reason: "not honoured: more than 500 ignore rules in the repository",
      },
    ]);
  });

  it("follows no link out of the repository and no loop, and names each once", () => {
    const outside = tree({ "secret.py": "import wandb\n", "pkg/mod.py": "import wandb\n" });
    const dir = tree(REPOSITORY);
    symlinkSync(join(outside, "secret.py"), join(dir, "src/linked.py"));
    symlinkSync(outside, join(dir, "src/outside-folder"));
    symlinkSync(join(dir, "src/loop-b.py"), join(dir, "src/loop-a.py"));
    symlinkSync(join(dir, "src/loop-a.py"), join(dir, "src/loop-b.py"));
    symlinkSync(join(dir, "src"), join(dir, "src/self"));
    symlinkSync("train.py", join(dir, "src/inside.py"));
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.matching("src/**")).toEqual(["src/inside.py", "src/train.py"]);
    expect(view.search("**/*.py", /import wandb/).match).toEqual({
      path: "src/inside.py",
      line: 2,
      text: "import wandb",
    });
    expect(view.skipped()).toEqual([
      { path: "src/linked.py", reason: "a link that leads outside the repository" },
      { path: "src/loop-a.py", reason: "a link that leads nowhere or round in a loop" },
      { path: "src/loop-b.py", reason: "a link that leads nowhere or round in a loop" },
      { path: "src/outside-folder", reason: "a link that leads outside the repository" },
    ]);
  });

  it("does not read a tracked link that leads out of the repository", () => {
    const outside = tree({ "secret.py": "import wandb\n" });
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    symlinkSync(join(outside, "secret.py"), join(dir, "src/linked.py"));
    const view = openRepository(join(dir, "reports/README.md"), {
      probe: { list: () => null, has: (d, name) => d === dir && name === ".git" },
      listTracked: () => ["src/linked.py", "src/train.py"],
    })!;
    expect(view.source()).toBe("git");
    expect(view.text("src/linked.py")).toBeNull();
    expect(view.skipped()).toEqual([
      { path: "src/linked.py", reason: "a link that leads outside the repository" },
    ]);
  });

  it("names a file that cannot be read once and still reads the rest", () => {
    const dir = tree({ ...REPOSITORY, "src/a.py": "import os\n" });
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      read(path, limit) {
        if (path.endsWith("/src/a.py")) throw Object.assign(new Error("denied"), { code: "EACCES" });
        return nodeRepositoryFs.read(path, limit);
      },
    };
    const view = openRepository(join(dir, "reports/README.md"), { fs })!;
    expect(view.search("src/*.py", /import wandb/).match?.path).toBe("src/train.py");
    // The unreadable file might have matched: "no match" is not known for sure.
    expect(view.search("src/*.py", /import nothing/)).toEqual({ match: null, complete: false });
    expect(view.skipped()).toEqual([{ path: "src/a.py", reason: "cannot be read (EACCES)" }]);
  });

  it("reads no tracked file under a folder link that leads outside, and follows one that stays inside", () => {
    const outside = tree({ "train.py": "import wandb\n" });
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    symlinkSync(outside, join(dir, "leak"));
    symlinkSync(join(dir, "src"), join(dir, "inner"));
    const view = openRepository(join(dir, "reports/README.md"), {
      listTracked: () => ["inner/train.py", "leak/train.py", "reports/README.md"],
    })!;
    expect(view.text("leak/train.py")).toBeNull();
    expect(view.search("leak/*.py", /import/)).toEqual({ match: null, complete: false });
    expect(view.text("inner/train.py")).toBe("import torch\nimport wandb\n");
    expect(view.skipped()).toEqual([
      { path: "leak/train.py", reason: "a link that leads outside the repository" },
    ]);
  });

  it("lists no path git gives that leads out of the root, and names each once", () => {
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    const forged = [
      "../../../../../etc/passwd",
      "/etc/passwd",
      "src/../../x",
      "src/./train.py",
      "src//train.py",
    ];
    const opened: string[] = [];
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      lstat(path) {
        opened.push(path);
        return nodeRepositoryFs.lstat(path);
      },
    };
    const view = openRepository(join(dir, "reports/README.md"), {
      fs,
      listTracked: () => [...forged, "src/train.py"],
    })!;
    expect(view.files()).toEqual(["src/train.py"]);
    expect(view.matching("../../../../../etc/passwd")).toEqual([]);
    expect(view.search("**", /root/).match).toBeNull();
    expect(view.skipped()).toEqual(forged.map((path) => ({ path, reason: "a path outside the repository" })));
    expect(opened.filter((path) => !path.startsWith(`${dir}/`) || path.includes("/.."))).toEqual([]);
  });

  it("names a listed path that cannot be looked at once, and still reads the rest", () => {
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    // A name longer than the system allows: looking at it fails (as a folder without search permission does).
    const long = `${"a".repeat(300)}.py`;
    expect(nodeRepositoryFs.lstat(join(dir, long))).toMatchObject({
      kind: "unreadable",
      code: "ENAMETOOLONG",
    });
    expect(nodeRepositoryFs.lstat(join(dir, "reports/README.md/x"))).toBeNull();
    const view = openRepository(join(dir, "reports/README.md"), {
      listTracked: () => [long, "src/train.py"],
    })!;
    expect(view.search("**/*.py", /import wandb/).match?.path).toBe("src/train.py");
    expect(view.search("**/*.py", /import nothing/)).toEqual({ match: null, complete: false });
    expect(view.skipped()).toEqual([{ path: long, reason: "cannot be read (ENAMETOOLONG)" }]);
  });

  it("opens nothing outside the repository root", () => {
    const outside = tree({ "secret.py": "import wandb\n" });
    const dir = tree(REPOSITORY);
    symlinkSync(join(outside, "secret.py"), join(dir, "src/linked.py"));
    symlinkSync(outside, join(dir, "outside"));
    const opened: string[] = [];
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      readdir(path) {
        opened.push(path);
        return nodeRepositoryFs.readdir(path);
      },
      read(path, limit) {
        opened.push(path);
        return nodeRepositoryFs.read(path, limit);
      },
    };
    const view = openRepository(join(dir, "reports/README.md"), { fs })!;
    for (const path of view.files()) view.text(path);
    view.search("**", /anything/);
    expect(opened.length).toBeGreaterThan(3);
    expect(opened.filter((path) => path !== dir && !path.startsWith(`${dir}/`))).toEqual([]);
  });

  it("says what its limits left out", () => {
    const dir = tree({
      ...REPOSITORY,
      "big.py": `${"x = 1\n".repeat(100)}import wandb\n`,
      "z.py": "import wandb\n",
    });
    const view = openRepository(join(dir, "reports/README.md"), {
      limits: { maxFileBytes: 200, maxReadFiles: 2 },
    })!;
    expect(view.search("*.py", /import wandb/)).toEqual({
      match: { path: "z.py", line: 1, text: "import wandb" },
      complete: true,
    });
    expect(view.search("**/*.{md,py}", /nothing/).complete).toBe(false);
    expect(view.skipped()).toEqual([
      { path: "big.py", reason: "larger than 200 bytes" },
      {
        path: "reports/README.md",
        reason: "not read: the limit of files looked at per repository was reached",
      },
    ]);
  });

  it("lists at most the limit of files, from git or from a walk", () => {
    const dir = tree(REPOSITORY);
    const walked = openRepository(join(dir, "reports/README.md"), { limits: { maxFiles: 2 } })!;
    git(dir, "init", "-q");
    const fromGit = openRepository(join(dir, "reports/README.md"), {
      limits: { maxFiles: 2 },
      listTracked: () => ["a.py", "b.py", "c.py"],
    })!;
    expect(fromGit.files()).toEqual(["a.py", "b.py"]);
    for (const view of [walked, fromGit]) {
      expect(view.files()).toHaveLength(2);
      expect(view.skipped()).toEqual([
        { path: ".", reason: "more than 2 files: the rest are not looked at" },
      ]);
    }
  });

  it("looks at no more listed paths than the limit, absent ones counted, whatever the searches", () => {
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    const absent = Array.from({ length: 5_000 }, (_, i) => `gone/m${String(i).padStart(4, "0")}.py`);
    let looked = 0;
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      lstat(path) {
        if (path.includes("/gone/")) looked++;
        return nodeRepositoryFs.lstat(path);
      },
    };
    const view = openRepository(join(dir, "reports/README.md"), {
      fs,
      listTracked: () => [...absent, "src/train.py"],
      limits: { maxReadFiles: 100 },
    })!;
    for (const pattern of [/import wandb/, /import torch/, /nothing/])
      expect(view.search("**/*.py", pattern)).toEqual({ match: null, complete: false });
    expect(looked).toBe(100);
  });

  it("gives the line of what a pattern found, not of the line ends its leading space took along", () => {
    const dir = tree({ ...REPOSITORY, "src/log.py": '"""Logs."""\n\nimport logging\n' });
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.search("src/log.py", /^\s*import logging/m).match).toEqual({
      path: "src/log.py",
      line: 3,
      text: "import logging",
    });
  });

  it("reads a binary file as no text", () => {
    const dir = tree(REPOSITORY);
    writeFileSync(join(dir, "model.pt"), new Uint8Array([1, 0, 2]));
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.matching("*.pt")).toEqual(["model.pt"]);
    expect(view.text("model.pt")).toBeNull();
    expect(view.skipped()).toEqual([]);
  });

  it("lists what git tracks in a working copy: ignored and untracked files are no evidence", () => {
    const dir = tree(REPOSITORY);
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "init");
    mkdirSync(join(dir, "outputs"));
    writeFileSync(join(dir, "outputs/sweep.py"), "import wandb\n");
    writeFileSync(join(dir, "untracked.dvc"), "x\n");
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.source()).toBe("git");
    expect(view.matching("**/*.dvc")).toEqual(["data.dvc"]);
  });

  it("gives the same evidence for a shallow clone and a copy without .git", () => {
    const origin = tree(REPOSITORY);
    git(origin, "init", "-q");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "one");
    writeFileSync(join(origin, "src/model.py"), "import lightning\n");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "two");
    const parent = tree({});
    git(parent, "clone", "-q", "--depth", "1", `file://${origin}`, "shallow");
    const shallow = join(parent, "shallow");
    expect(
      execFileSync("git", ["rev-parse", "--is-shallow-repository"], {
        cwd: shallow,
        encoding: "utf8",
      }).trim(),
    ).toBe("true");
    const copy = join(parent, "copy");
    mkdirSync(copy);
    execFileSync("sh", ["-c", `git -C "${shallow}" archive HEAD | tar -x -C "${copy}"`]);
    for (const dir of [shallow, copy]) {
      mkdirSync(join(dir, "outputs"));
      writeFileSync(join(dir, "outputs/run.py"), "import wandb\n");
    }
    const fromGit = openRepository(join(shallow, "reports/README.md"))!;
    const fromWalk = openRepository(join(copy, "reports/README.md"))!;
    expect(fromGit.source()).toBe("git");
    expect(fromWalk.source()).toBe("walk");
    expect(evidence(fromGit)).toEqual(evidence(fromWalk));
    expect(evidence(fromGit).wandb).toEqual({ path: "src/train.py", line: 2, text: "import wandb" });
  });

  it("falls back to a walk when git cannot list the files", () => {
    const dir = tree({ ...REPOSITORY, ".git/HEAD": "broken\n" });
    const view = openRepository(join(dir, "reports/README.md"), { listTracked: () => null })!;
    expect(view.source()).toBe("walk");
    expect(view.files()).not.toContain(".git/HEAD");
  });

  it("matches a glob as picomatch does with dot files on, a path that is the glob itself included", () => {
    const dir = tree({
      ...REPOSITORY,
      ".github/workflows/tests.yml": "x\n",
      ".github/workflows/deploy.yaml": "x\n",
      "src/.hidden/conf.yaml": "x\n",
      "docker/api.dockerfile": "x\n",
      "a[b].txt": "x\n",
      "ab.txt": "x\n",
    });
    const view = openRepository(join(dir, "reports/README.md"))!;
    const globs = [
      "**/*.py",
      "**/{*.yaml,*.yml,*dockerfile*}",
      ".github/workflows/!(tests|tests_*).{yml,yaml}",
      "**/.gitignore",
      "a[b].txt",
      "{.gitlab-ci.yml,.circleci/**}",
    ];
    for (const glob of globs) {
      const isMatch = picomatch(glob, { dot: true });
      expect(view.matching(glob), glob).toEqual(view.files().filter((path) => isMatch(path)));
    }
    expect(view.matching("a[b].txt")).toEqual(["a[b].txt", "ab.txt"]);
    expect(view.matching(".github/workflows/!(tests|tests_*).{yml,yaml}")).toEqual([
      ".github/workflows/deploy.yaml",
    ]);
  });
});

describe("a view's recall", () => {
  /** Files written long enough ago that their size and modification time tell a later change. */
  function settled(files: Record<string, string>): string {
    const dir = tree(files);
    const past = new Date(Date.now() - 60_000);
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (!entry.isSymbolicLink()) utimesSync(path, past, past);
      }
    };
    walk(dir);
    return dir;
  }

  /** A view over the real file system that counts the files it reads and tells the observer of them. */
  function counting(dir: string, recall?: RepositoryRecall) {
    const read: string[] = [];
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      read(path, limit) {
        if (!path.endsWith("/.gitignore")) read.push(path.slice(dir.length + 1));
        return nodeRepositoryFs.read(path, limit);
      },
    };
    const heard: string[] = [];
    const previous = nodeFileProbe.observe({
      listed: (path, names) => {
        if (names === null) heard.push(path.slice(dir.length + 1));
      },
      checked: () => {},
    });
    const view = openRepository(join(dir, "reports/README.md"), {
      fs,
      limits: { maxFileBytes: 1000 },
      ...(recall ? { recall } : {}),
    })!;
    const ask = () => ({
      wandb: view.search("**/*.py", /import wandb/, ["reports/"]),
      hydra: view.search("**/*.{py,yaml}", /hydra/),
      dvc: view.matching("**/*.dvc"),
      skipped: view.skipped(),
    });
    const answers = ask();
    nodeFileProbe.observe(previous);
    return { view, answers, read, heard };
  }

  const FILES = {
    ...REPOSITORY,
    "src/a.py": "import os\n",
    "src/z.py": "import hydra\n",
    "conf/big.yaml": `${"x: 1\n".repeat(400)}`,
  };

  it("answers the same searches again without reading a file, telling the observer of the same files", () => {
    const dir = settled(FILES);
    const first = counting(dir);
    expect(first.read).toEqual(["src/a.py", "src/train.py", "src/z.py"]);
    expect(first.answers.skipped).toEqual([{ path: "conf/big.yaml", reason: "larger than 1000 bytes" }]);
    const recall = first.view.recall()!;
    const second = counting(dir, recall);
    expect(second.answers).toEqual(first.answers);
    expect(second.read).toEqual([]);
    expect(second.heard).toEqual(first.heard);
    expect(second.view.recall()).toBe(recall);
  });

  it("searches again what looked at a changed file, and takes the rest again", () => {
    const dir = settled(FILES);
    const recall = counting(dir).view.recall()!;
    writeFileSync(join(dir, "src/z.py"), "import hydra  # changed\n");
    utimesSync(join(dir, "src/z.py"), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    const second = counting(dir, recall);
    expect(second.read).toEqual(["src/a.py", "src/train.py", "src/z.py"]);
    expect(second.answers.hydra.match).toEqual({
      path: "src/z.py",
      line: 1,
      text: "import hydra  # changed",
    });
    expect(second.answers.wandb.match).toEqual({ path: "src/train.py", line: 2, text: "import wandb" });
  });

  it("keeps no search that looked at a file changed in the last seconds", () => {
    const dir = settled(FILES);
    writeFileSync(join(dir, "src/z.py"), "import hydra\n");
    const recall = counting(dir).view.recall()!;
    expect([...recall.searches.values()].map((s) => s.result.match?.path)).toEqual(["src/train.py"]);
  });

  it("takes nothing again from a recall of another listing or other limits", () => {
    const dir = settled(FILES);
    const recall = counting(dir).view.recall()!;
    writeFileSync(join(dir, "src/new.py"), "x = 1\n");
    expect(counting(dir, recall).read).toContain("src/train.py");
    const other = { ...counting(dir).view.recall()!, limits: "1:1:1" };
    expect(counting(dir, other).read).toContain("src/train.py");
  });

  it("takes a walk's listing again while every folder, ignore file and link it looked at is as it was", () => {
    const dir = settled({
      ...FILES,
      "notes.log": "x\n",
      "env/pyvenv.cfg": "home = /usr\n",
      "env/tool.py": "x\n",
    });
    symlinkSync("train.py", join(dir, "src/link.py"));
    let ignoreReads = 0;
    const fs: RepositoryFs = {
      ...nodeRepositoryFs,
      read(path, limit) {
        if (path.endsWith("/.gitignore")) ignoreReads++;
        return nodeRepositoryFs.read(path, limit);
      },
    };
    const open = (recall?: RepositoryRecall) =>
      openRepository(join(dir, "reports/README.md"), { fs, ...(recall ? { recall } : {}) })!;
    const first = open();
    const files = first.files();
    expect(ignoreReads).toBe(2);
    const again = open(first.recall()!);
    expect(again.files()).toEqual(files);
    expect(ignoreReads).toBe(2);
    // A new file, an ignore file changed, a link turned elsewhere, a virtualenv no longer one: each is listed anew.
    const changes = [
      () => rmSync(join(dir, "env/pyvenv.cfg")),
      () => writeFileSync(join(dir, "src/new.py"), "x\n"),
      () => {
        writeFileSync(join(dir, ".gitignore"), "outputs/\n");
        utimesSync(join(dir, ".gitignore"), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
      },
      () => {
        rmSync(join(dir, "src/link.py"));
        symlinkSync("../outside.py", join(dir, "src/link.py"));
      },
    ];
    let recall = again.recall()!;
    for (const change of changes) {
      change();
      const view = open(recall);
      expect(view.files()).toEqual(open().files());
      recall = view.recall()!;
    }
    expect(open(recall).files()).toContain("notes.log");
    expect(open(recall).files()).toContain("env/tool.py");
    expect(open(recall).skipped()).toEqual([
      { path: "src/link.py", reason: "a link that leads nowhere or round in a loop" },
    ]);
  });

  it("takes git's listing again while the index is as it was", () => {
    const dir = settled(FILES);
    let listed = 0;
    const open = (recall?: RepositoryRecall) =>
      openRepository(join(dir, "reports/README.md"), {
        probe: { list: () => null, has: (d, name) => d === dir && name === ".git" },
        listTracked: () => {
          listed++;
          return ["src/train.py", "reports/README.md"];
        },
        ...(recall ? { recall } : {}),
      })!;
    git(dir, "init", "-q");
    writeFileSync(join(dir, ".git/index"), "one");
    // An index written just now may change again unseen: that listing is not taken again.
    const listedNow = (recall?: RepositoryRecall) => {
      const view = open(recall);
      view.files();
      return view.recall()!;
    };
    expect(listedNow().listing).toBeNull();
    utimesSync(join(dir, ".git/index"), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    const recall = listedNow();
    expect(listed).toBe(2);
    expect(open(recall).files()).toEqual(["reports/README.md", "src/train.py"]);
    expect(listed).toBe(2);
    writeFileSync(join(dir, ".git/index"), "two");
    utimesSync(join(dir, ".git/index"), new Date(Date.now() - 20_000), new Date(Date.now() - 20_000));
    open(recall).files();
    expect(listed).toBe(3);
  });

  it("tells a recall of the right shape from anything else", () => {
    const dir = settled(FILES);
    const recall = counting(dir).view.recall()!;
    expect(isRepositoryRecall(recall)).toBe(true);
    expect(isRepositoryRecall(structuredClone(recall))).toBe(true);
    const search = [...recall.searches.values()][0]!;
    const forged = [
      null,
      [],
      { ...recall, files: [1] },
      { ...recall, matches: {} },
      { ...recall, searches: new Map([["k", { ...search, looks: [["p", { state: 1 }]] }]]) },
      {
        ...recall,
        searches: new Map([["k", { ...search, result: { match: { path: 1 }, complete: true } }]]),
      },
    ];
    for (const value of forged) expect(isRepositoryRecall(value)).toBe(false);
  });
});
