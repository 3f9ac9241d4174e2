import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { crc32 } from "node:zlib";
import { CLI, runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { afterEach, describe, expect, it } from "vitest";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A report with a plugin config, and an empty code cache folder beside it. */
function setUp() {
  const root = tempTree({
    "repo/reports/README.md": syntheticReport({ year: 2026, answers: { 5: "TODO write this" } }),
    "repo/rules.mjs": `export const rules = [{
  meta: { id: "group/no-todo", description: "No TODO left", docs: "docs/todo.md", defaultSeverity: "warning" },
  options: {},
  *check({ report }) {
    for (const q of report.questions) if (/TODO/.test(q.answer.text)) yield { message: "TODO", line: q.answer.line, column: 1 };
  },
}];
`,
    "repo/.mlops-report.yaml": "extends: mlops-report:2026\nplugins: [./rules.mjs]\n",
    "code-cache/.keep": "",
  });
  roots.push(root);
  const folder = join(root, "code-cache");
  rmSync(join(folder, ".keep"));
  return { repo: join(root, "repo"), folder, env: { MLOPS_REPORT_CODE_CACHE: folder } };
}

const lint = (repo: string, env: Record<string, string>) =>
  runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, env);
const ruleIds = (stdout: string) =>
  (JSON.parse(stdout).results[0].diagnostics as { ruleId: string }[]).map((d) => d.ruleId).sort();

describe("the built command's code cache", () => {
  it("is written by the first run and used by the next, which gives the same output and still loads plugins", () => {
    const { repo, folder, env } = setUp();
    const first = lint(repo, env);
    expect(first.stderr).toBe("");
    expect(ruleIds(first.stdout)).toContain("group/no-todo");
    expect(readdirSync(folder).sort()).toEqual([
      expect.stringMatching(/^mlops-report\.cjs\.[0-9a-f]{16}\.lint\.v8cache$/),
      expect.stringMatching(/^report-[0-9a-f]{16}\.v8$/),
    ]);

    const second = lint(repo, env);
    expect(second).toEqual(first);
  });

  it("--version writes none; --help and a command keep one each", () => {
    const { repo, folder, env } = setUp();
    expect(runCli(["--version"], repo, env).code).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
    expect(runCli(["--help"], repo, env).code).toBe(0);
    expect(runCli(["rules"], repo, env).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([
      expect.stringMatching(/^mlops-report-help\.cjs\.[0-9a-f]{16}\.help\.v8cache$/),
      expect.stringMatching(/^mlops-report\.cjs\.[0-9a-f]{16}\.rules\.v8cache$/),
    ]);
  });

  it("a damaged cache file, or a folder that cannot be written, changes nothing but the speed", () => {
    const { repo, folder, env } = setUp();
    const clean = lint(repo, { MLOPS_REPORT_CODE_CACHE: "off" });
    lint(repo, env);
    const [file] = readdirSync(folder);
    writeFileSync(join(folder, file!), "not a code cache");
    expect(lint(repo, env)).toEqual(clean);
    const blocked = join(repo, "rules.mjs", "cache");
    expect(lint(repo, { MLOPS_REPORT_CODE_CACHE: blocked })).toEqual(clean);
  });
});

describe("what a report's run keeps for the next", () => {
  const report = (repo: string) => join(repo, "reports/README.md");

  it("follow an edited answer: the output is that of a run without caches", () => {
    const { repo, env } = setUp();
    const before = lint(repo, env);
    writeFileSync(report(repo), readFileSync(report(repo), "utf8").replace("TODO write this", "Done."));
    const after = lint(repo, env);
    expect(after).toEqual(lint(repo, { MLOPS_REPORT_CODE_CACHE: "off" }));
    expect(ruleIds(before.stdout)).toContain("group/no-todo");
    expect(ruleIds(after.stdout)).not.toContain("group/no-todo");
  });

  it("follow the repository: a file changed in place or added is looked at again", () => {
    const { repo, env } = setUp();
    writeFileSync(report(repo), syntheticReport({ year: 2024, checked: ["git"] }));
    writeFileSync(join(repo, ".mlops-report.yaml"), "extends: mlops-report:2024\n");
    mkdirSync(join(repo, "tests"));
    writeFileSync(join(repo, "tests/test_data.py"), "import pytest\n");
    const settle = (path: string, secondsAgo: number) =>
      utimesSync(path, new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));
    for (const path of [report(repo), join(repo, "tests/test_data.py")]) settle(path, 60);
    const evidence = (run: ReturnType<typeof lint>) =>
      (JSON.parse(run.stdout).results[0].diagnostics as { ruleId: string; message: string }[])
        .filter((d) => d.ruleId === "checklist/repository")
        .map((d) => d.message);
    const uncached = () => lint(repo, { MLOPS_REPORT_CODE_CACHE: "off" });
    const first = lint(repo, env);
    expect(evidence(first)).toEqual([]);
    expect(lint(repo, env)).toEqual(first);
    writeFileSync(join(repo, "tests/test_data.py"), "def test_loads():\n    assert True\n");
    settle(join(repo, "tests/test_data.py"), 30);
    const changed = lint(repo, env);
    expect(changed).toEqual(uncached());
    expect(evidence(changed)).toEqual([
      'Checklist line 23 leaves "Write unit tests related to the data part of your code" unticked, but the repository has tests of its data: tests/test_data.py line 1 ("def test_loads():")',
    ]);
    writeFileSync(join(repo, "tests/test_data.py"), "import pytest\n");
    writeFileSync(join(repo, "tests/test_data_more.py"), "import pytest\n\ndef test_more():\n    pass\n");
    settle(join(repo, "tests/test_data.py"), 20);
    settle(join(repo, "tests/test_data_more.py"), 20);
    const added = lint(repo, env);
    expect(added).toEqual(uncached());
    expect(evidence(added)).toEqual([
      expect.stringContaining('tests/test_data_more.py line 3 ("def test_more():")'),
    ]);
  });

  it("are kept for a run of one report only", () => {
    const { repo, folder, env } = setUp();
    cpSync(repo, `${repo}-2`, { recursive: true });
    roots.push(`${repo}-2`);
    expect(
      runCli(["lint", repo, `${repo}-2`, "--allow-plugins", "--concurrency", "off"], repo, env).code,
    ).toBe(1);
    expect(readdirSync(folder).filter((name) => name.startsWith("report-"))).toEqual([]);
  });
});

/**
 * What someone who can write the cache folder would put there: a V8 code cache of another source of the bundle's
 * length (it writes FORGED and ends the run), made under the flags the command reads caches with, and laid out as
 * the genuine file `genuine` is (whatever precedes V8's data copied from it).
 */
function forgedCache(genuine: Buffer): Buffer {
  const forge = String.raw`
    const { setFlagsFromString } = require("node:v8");
    const { Script } = require("node:vm");
    const bundle = process.argv[1];
    const length = require("node:fs").statSync(bundle).size;
    setFlagsFromString("--verify-snapshot-checksum");
    const code = 'process.stdout.write("FORGED\\n"); process.exit(0); //'.padEnd(length);
    const wrapped = "(function (exports, require, module, __filename, __dirname, importModule) {" + code + "\n})";
    process.stdout.write(new Script(wrapped, { filename: bundle }).createCachedData().toString("base64"));
  `;
  const bundle = join(dirname(CLI), "mlops-report.cjs");
  // In the environment the command runs in (`runCli`): options in NODE_OPTIONS would change V8's flags.
  const made = spawnSync(process.execPath, ["-e", forge, bundle], {
    encoding: "utf8",
    env: { PATH: process.env.PATH },
  });
  const data = Buffer.from(made.stdout, "base64");
  // V8's data starts with a magic number of its own.
  return Buffer.concat([genuine.subarray(0, genuine.indexOf(data.subarray(0, 4))), data]);
}

describe("the code cache's folder", () => {
  const asRoot = process.geteuid?.() === 0;
  const NOBODY = 65534;

  /** A report, and a cache folder of the user's own holding the `rules` command's genuine cache. */
  function withGenuineCache() {
    const { repo, folder, env } = setUp();
    expect(runCli(["rules"], repo, env).code).toBe(0);
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^mlops-report\.cjs\.[0-9a-f]{16}\.rules\.v8cache$/);
    const forged = forgedCache(readFileSync(join(folder, name!)));
    const clean = runCli(["rules"], repo, { MLOPS_REPORT_CODE_CACHE: "off" });
    expect(clean.code).toBe(0);
    // A shared cache home that anyone can write, as /tmp.
    const shared = join(dirname(repo), "shared");
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    return { repo, folder, name: name!, forged, clean, shared };
  }

  it("is run from the user's own folder: the forged cache is a real one (the folder is what guards the code)", () => {
    const { repo, folder, name, forged } = withGenuineCache();
    writeFileSync(join(folder, name), forged);
    expect(runCli(["rules"], repo, { MLOPS_REPORT_CODE_CACHE: folder })).toEqual({
      code: 0,
      stdout: "FORGED\n",
      stderr: "",
    });
  });

  it("that others can write is not used: a forged cache there is not run, and nothing is written", () => {
    const { repo, name, forged, clean, shared } = withGenuineCache();
    const planted = join(shared, "mlops-report");
    mkdirSync(planted);
    chmodSync(planted, 0o777);
    writeFileSync(join(planted, name), forged);
    expect(runCli(["rules"], repo, { XDG_CACHE_HOME: shared })).toEqual(clean);
    expect(
      runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, { XDG_CACHE_HOME: shared }).code,
    ).toBe(1);
    expect(readdirSync(planted)).toEqual([name]);
    expect(readFileSync(join(planted, name)).equals(forged)).toBe(true);
  });

  it.skipIf(!asRoot)("that another user owns is not used, even when only they can write it", () => {
    const { repo, name, forged, clean, shared } = withGenuineCache();
    const planted = join(shared, "mlops-report");
    mkdirSync(planted, { mode: 0o700 });
    writeFileSync(join(planted, name), forged);
    chownSync(join(planted, name), NOBODY, NOBODY);
    chownSync(planted, NOBODY, NOBODY);
    expect(runCli(["rules"], repo, { XDG_CACHE_HOME: shared })).toEqual(clean);
    expect(readdirSync(planted)).toEqual([name]);
  });

  it("is made the user's own, mode 0700, when missing, and then used", () => {
    const { repo, clean, shared } = withGenuineCache();
    expect(runCli(["rules"], repo, { XDG_CACHE_HOME: shared })).toEqual(clean);
    const made = join(shared, "mlops-report");
    expect(statSync(made).mode & 0o7777).toBe(0o700);
    expect(statSync(made).uid).toBe(process.geteuid?.());
    expect(readdirSync(made)).toEqual([
      expect.stringMatching(/^mlops-report\.cjs\.[0-9a-f]{16}\.rules\.v8cache$/),
    ]);
    expect(runCli(["rules"], repo, { XDG_CACHE_HOME: shared })).toEqual(clean);
  });
});

describe("what is in the place of a code cache", () => {
  /** Long enough for any run on a slow machine; these runs once never ended. */
  const HANG_GUARD_MS = 90_000;
  const lintGuarded = (repo: string, env: Record<string, string>) =>
    runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, env, { hangGuardMs: HANG_GUARD_MS });

  it("a FIFO, a link (to /dev/zero or to a cache) or a file beyond the limit is passed over, and replaced", () => {
    const { repo, folder, env } = setUp();
    const clean = lintGuarded(repo, { MLOPS_REPORT_CODE_CACHE: "off" });
    expect(clean.code).toBe(1);
    lintGuarded(repo, env);
    const name = readdirSync(folder).find((file) => file.endsWith(".v8cache"))!;
    const file = join(folder, name);
    const genuine = join(dirname(repo), "genuine.v8cache");
    cpSync(file, genuine);
    const places: [string, () => void][] = [
      ["a FIFO", () => execFileSync("mkfifo", [file])],
      ["a link to /dev/zero", () => symlinkSync("/dev/zero", file)],
      ["a link to a genuine cache", () => symlinkSync(genuine, file)],
      [
        "a genuine cache grown beyond 64 MB",
        () => {
          cpSync(genuine, file);
          truncateSync(file, 65 * 1024 * 1024);
        },
      ],
    ];
    for (const [what, make] of places) {
      rmSync(file);
      make();
      expect([what, lintGuarded(repo, env)]).toEqual([what, clean]);
      const written = lstatSync(file);
      expect([what, written.isFile(), written.size < 64 * 1024 * 1024]).toEqual([what, true, true]);
    }
  });

  it("a cache home where no folder can be made (/proc) costs the cache only, and the run ends", () => {
    const { repo } = setUp();
    const clean = lintGuarded(repo, { MLOPS_REPORT_CODE_CACHE: "off" });
    expect(lintGuarded(repo, { XDG_CACHE_HOME: "/proc" })).toEqual(clean);
    expect(clean.code).toBe(1);
  });
});

describe("a report's memory of the right checksum but the wrong shape", () => {
  type Node = Record<string, unknown> & { children: Node[] };
  type Stored = { sections: [string, { children: Node[] }][] };
  /** A report's memory file with its sections changed, behind a checksum that matches (the file's format). */
  function forge(file: string, change: (sections: { children: Node[] }[]) => void): void {
    const bytes = readFileSync(file);
    const stored = deserialize(bytes.subarray(bytes.indexOf(0x0a) + 1)) as Stored;
    change(stored.sections.map(([, section]) => section));
    const content = serialize(stored);
    const line = `crc32:${crc32(content).toString(16).padStart(8, "0")}\n`;
    writeFileSync(file, Buffer.concat([Buffer.from(line, "latin1"), content]));
  }
  const longest = (sections: { children: Node[] }[]) =>
    [...sections].sort((a, b) => b.children.length - a.children.length)[0]!;

  it("is no memory: the findings and exit code of a run without one", () => {
    const { repo, folder, env } = setUp();
    const clean = runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, {
      MLOPS_REPORT_CODE_CACHE: "off",
    });
    expect(clean.code).toBe(1);
    expect(JSON.parse(clean.stdout).results[0].diagnostics.length).toBeGreaterThan(25);
    const forgeries: [string, (sections: { children: Node[] }[]) => void][] = [
      ["a null among a section's nodes", (sections) => longest(sections).children.push(null as never)],
      [
        "a sparse array of nodes",
        (sections) => {
          longest(sections).children.length = 2 ** 32 - 1;
        },
      ],
      [
        "nodes that are empty objects without a prototype",
        (sections) => {
          for (const section of sections)
            section.children = section.children.map(() => ({ __proto__: null }) as never);
        },
      ],
    ];
    for (const [what, change] of forgeries) {
      rmSync(folder, { recursive: true });
      expect(runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, env)).toEqual(clean);
      const [memory] = readdirSync(folder).filter((name) => name.startsWith("report-"));
      forge(join(folder, memory!), change);
      const run = runCli(["lint", ".", "--allow-plugins", "--format", "json"], repo, env, {
        hangGuardMs: 90_000,
      });
      expect([what, run]).toEqual([what, clean]);
    }
  });
});
