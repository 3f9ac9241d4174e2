import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempTree } from "../support/cli.js";
import { syntheticReport } from "../support/synthetic.js";

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
