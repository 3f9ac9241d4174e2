import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "@mlops-report/testing/git";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nodeRepositoryFs } from "./fs.js";
import { gitConfigIncludes, gitTrackedFiles, gitTracksUnder } from "./git.js";
import { type GitFolders, gitFoldersOf } from "./gitdir.js";
import { trackedFiles, tracksUnder } from "./tracked.js";
import { openRepository } from "./view.js";

// git's own answers stay available, and each time git is started is counted.
vi.mock("./git.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("./git.js")>();
  return {
    ...original,
    gitTrackedFiles: vi.fn(original.gitTrackedFiles),
    gitTracksUnder: vi.fn(original.gitTracksUnder),
    gitConfigIncludes: vi.fn(original.gitConfigIncludes),
  };
});

const real = await vi.importActual<typeof import("./git.js")>("./git.js");
const { tree } = temporaryFolders();

/** How often git was started since the test began: to list, to match a path, to read a config's includes. */
function gitRuns(): { list: number; under: number; includes: number } {
  return {
    list: vi.mocked(gitTrackedFiles).mock.calls.length,
    under: vi.mocked(gitTracksUnder).mock.calls.length,
    includes: vi.mocked(gitConfigIncludes).mock.calls.length,
  };
}

const NONE = { list: 0, under: 0, includes: 0 };

beforeEach(() => vi.clearAllMocks());

/** git's output, for what git() alone does not give. */
function gitOut(cwd: string, args: string[], input?: string | Uint8Array): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "ignore"],
    ...(input === undefined ? {} : { input }),
  });
}

function foldersOf(root: string): GitFolders {
  const folders = gitFoldersOf(nodeRepositoryFs, root);
  if (folders === null) throw new Error(`no git folders at ${root}`);
  return folders;
}

const listed = (root: string) => trackedFiles(nodeRepositoryFs, root, foldersOf(root));

/** A committed repository of a few files. */
function repository(
  files: Record<string, string> = { "a.py": "a\n", "src/train.py": "import wandb\n" },
): string {
  const dir = tree(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "one");
  return dir;
}

/**
 * A repository whose index holds what ls-files must list exactly: an unmerged path (three stages), a link, a
 * submodule, a name of 5,000 bytes and one that is not UTF-8; with `extended`, an intent-to-add entry and a
 * skip-worktree one too (which make the index version 3 at least).
 */
function richRepository(extended: boolean): string {
  const dir = repository({ "reports/README.md": "# report\n", "skip.txt": "s\n", "src/conflict.py": "a\n" });
  git(dir, "checkout", "-qb", "other");
  writeFileSync(join(dir, "src/conflict.py"), "b\n");
  git(dir, "commit", "-qam", "other");
  git(dir, "checkout", "-q", "main");
  writeFileSync(join(dir, "src/conflict.py"), "c\n");
  git(dir, "commit", "-qam", "main");
  expect(() => git(dir, "merge", "-q", "other")).toThrow();
  symlinkSync("conflict.py", join(dir, "src/link.py"));
  git(dir, "add", "src/link.py");
  const blob = gitOut(dir, ["rev-parse", ":skip.txt"]).trim();
  const long = `long/${"a".repeat(4995)}`;
  const odd = Buffer.concat([Buffer.from("bad"), Buffer.of(0xff), Buffer.from("name")]);
  const info = Buffer.concat([
    Buffer.from(`160000 ${"1".repeat(40)}\tlibs/sub\n100644 ${blob}\t${long}\n100644 ${blob}\t`),
    odd,
    Buffer.from("\n"),
  ]);
  gitOut(dir, ["update-index", "--add", "--index-info"], info);
  if (extended) {
    writeFileSync(join(dir, "new.py"), "new\n");
    git(dir, "add", "-N", "new.py");
    git(dir, "update-index", "--skip-worktree", "skip.txt");
  }
  return dir;
}

function richListing(extended: boolean): string[] {
  const conflict = ["src/conflict.py", "src/conflict.py", "src/conflict.py"];
  return [
    "bad\uFFFDname",
    "libs/sub",
    `long/${"a".repeat(4995)}`,
    ...(extended ? ["new.py"] : []),
    "reports/README.md",
    "skip.txt",
    ...conflict,
    "src/link.py",
  ];
}

const versionOf = (root: string) => readFileSync(join(root, ".git/index")).readUInt32BE(4);

describe("the files git tracks, read from the index", { timeout: 60_000 }, () => {
  it.each([
    [2, false],
    [3, true],
    [4, false],
    [4, true],
  ])(
    "lists a version %i index as git ls-files --cached does, without git (extended flags: %s)",
    (v, extended) => {
      const dir = richRepository(extended);
      git(dir, "update-index", "--index-version", String(v));
      expect(versionOf(dir)).toBe(v);
      expect(real.gitTrackedFiles(dir)).toEqual(richListing(extended));
      expect(listed(dir)).toEqual(richListing(extended));
      expect(gitRuns()).toEqual(NONE);
    },
  );

  it("lists a linked worktree's own index, and nothing for a repository without an index, without git", () => {
    const main = repository();
    const worktree = join(tree({}), "wt");
    git(main, "worktree", "add", "-q", "-b", "other", worktree);
    writeFileSync(join(worktree, "only-here.py"), "x\n");
    git(worktree, "add", "only-here.py");
    expect(foldersOf(worktree)).toEqual({
      folder: join(main, ".git/worktrees/wt"),
      common: join(main, ".git"),
    });
    expect(listed(worktree)).toEqual(["a.py", "only-here.py", "src/train.py"]);
    expect(listed(main)).toEqual(["a.py", "src/train.py"]);
    const fresh = tree({ "a.py": "a\n" });
    git(fresh, "init", "-q");
    expect(real.gitTrackedFiles(fresh)).toEqual([]);
    expect(listed(fresh)).toEqual([]);
    expect(gitRuns()).toEqual(NONE);
  });

  it.each<[string, (dir: string) => void]>([
    ["a split index", (dir) => git(dir, "update-index", "--split-index")],
    [
      "a sparse index",
      (dir) => {
        git(dir, "sparse-checkout", "init", "--cone", "--sparse-index");
        git(dir, "sparse-checkout", "set", "src");
      },
    ],
    ["a config with an include", (dir) => git(dir, "config", "include.path", "../elsewhere.inc")],
    ["a config with an extension", (dir) => git(dir, "config", "extensions.noop", "true")],
    ["a config with core.worktree elsewhere", (dir) => git(dir, "config", "core.worktree", join(dir, "src"))],
    ["a config git cannot parse", (dir) => appendFileSync(join(dir, ".git/config"), "[core\n")],
    [
      "an index whose checksum does not match",
      (dir) => {
        const index = readFileSync(join(dir, ".git/index"));
        index[index.indexOf("a.py")] = 0x62;
        writeFileSync(join(dir, ".git/index"), index);
      },
    ],
  ])("asks git, after looking at what it opens, for %s", (_, change) => {
    const dir = repository();
    change(dir);
    const expected = real.gitTrackedFiles(dir);
    vi.clearAllMocks();
    expect(listed(dir)).toEqual(expected);
    expect(gitRuns().list).toBe(1);
  });

  it("lists what git lists where the index's checksum does not match: git does not check it", () => {
    const dir = repository();
    const index = readFileSync(join(dir, ".git/index"));
    index[index.indexOf("a.py")] = 0x62;
    writeFileSync(join(dir, ".git/index"), index);
    expect(listed(dir)).toEqual(["b.py", "src/train.py"]);
  });

  it("asks git where a variable leads it to another index than the repository's own", () => {
    const dir = repository();
    const other = tree({});
    vi.stubEnv("GIT_INDEX_FILE", join(other, "index"));
    try {
      expect(listed(dir)).toEqual([]);
      expect(gitRuns().list).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("starts no git and waits for nothing where a pipe or a device stands for the index", () => {
    const dir = repository();
    const folders = foldersOf(dir);
    const index = join(dir, ".git/index");
    rmSync(index);
    execFileSync("mkfifo", [index]);
    expect(trackedFiles(nodeRepositoryFs, dir, folders)).toBeNull();
    rmSync(index);
    symlinkSync("/dev/zero", index);
    expect(trackedFiles(nodeRepositoryFs, dir, folders)).toBeNull();
    expect(gitRuns()).toEqual(NONE);
  });

  it("lists every file of a plain repository and an unmerged path once, starting no git at all", () => {
    const dir = richRepository(true);
    const view = openRepository(join(dir, "reports/README.md"))!;
    expect(view.source()).toBe("git");
    expect(view.files()).toEqual([
      "bad\uFFFDname",
      "libs/sub",
      `long/${"a".repeat(4995)}`,
      "new.py",
      "reports/README.md",
      "skip.txt",
      "src/conflict.py",
      "src/link.py",
    ]);
    expect(gitRuns()).toEqual(NONE);
  });

  it("asks git for the includes of a config that has some, and lists the index when git may run", () => {
    const dir = repository();
    writeFileSync(join(dir, "extra.inc"), "[core]\n\tfilemode = true\n");
    git(dir, "config", "include.path", "../extra.inc");
    expect(openRepository(join(dir, "a.py"))?.files()).toEqual(["a.py", "src/train.py"]);
    expect(gitRuns()).toEqual({ list: 1, under: 0, includes: 1 });
  });
});

describe("whether git tracks anything under a path, read from the index", { timeout: 60_000 }, () => {
  it("matches a literal path and what lies under it, as ls-files does, without git", () => {
    const dir = repository({
      "a.py": "a\n",
      "src/train.py": "x\n",
      "src/deep/x.py": "x\n",
      "s[r]c/a.py": "x\n",
    });
    gitOut(dir, ["update-index", "--add", "--cacheinfo", `160000,${"1".repeat(40)},libs/sub`]);
    const paths = ["src", "src/deep", "sr", "src/train.py", "src/train", "s[r]c", "s?c", "libs/sub", "libs"];
    const expected = paths.map((path) => real.gitTracksUnder(dir, path));
    expect(expected).toEqual([true, true, false, true, false, true, false, true, true]);
    expect(paths.map((path) => tracksUnder(nodeRepositoryFs, dir, path, foldersOf(dir)))).toEqual(expected);
    expect(gitRuns()).toEqual(NONE);
  });

  it("asks git for a path that is not as git writes one", () => {
    const dir = repository();
    for (const path of ["src/./x", "src/", "x/../src", "bad\uFFFD"])
      expect(tracksUnder(nodeRepositoryFs, dir, path, foldersOf(dir))).toBe(real.gitTracksUnder(dir, path));
    expect(gitRuns().under).toBe(4);
  });
});

describe("a repository's config, read before its index", { timeout: 60_000 }, () => {
  // Each config, and whether git is asked: the index is read directly only under a plain config.
  const configs: [string, boolean][] = [
    ["[core]\n\trepositoryformatversion = 0\n\tbare = true\n", false],
    [
      '[core]\r\n\trepositoryformatversion = 1\r\n[remote "origin"]\r\n\turl = https://x/y.git # c\r\n',
      false,
    ],
    ['# comment\n; another\n[core]\n\tfilemode\n[branch "main"]\n\tremote = origin\n', false],
    ["[core]\n\trepositoryformatversion = 2\n", true],
    ["[core]\n\tworktree = /\n", true],
    ["[core] bare = false\n", true],
    ['[remote "o"]\n\turl = "quoted"\n', true],
    ["[core]\n\tpath = C:\\\\x\n", true],
    ["key = value\n", true],
    ['[includeIf "onbranch:main"]\n\tpath = x\n', true],
    ["[Extensions]\n\tobjectFormat = sha1\n", true],
    ["\uFEFF[core]\n\tbare = false\n", false],
    ["[core]\n\tbare = \u000b false\n", true],
  ];

  it.each(configs)("lists what git lists, whatever the config says: %j (git asked: %s)", (config, asked) => {
    const dir = repository();
    writeFileSync(join(dir, ".git/config"), config);
    expect(listed(dir)).toEqual(real.gitTrackedFiles(dir));
    expect(gitRuns().list).toBe(asked ? 1 : 0);
  });
});
