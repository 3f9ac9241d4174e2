import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { CLI, runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

const report = syntheticReport({ year: 2026, checked: ["dvc"] });

/** Lints the report with a config; returns what the user sees. */
function withConfig(config: string, ...args: string[]) {
  const root = tempTree({ "reports/README.md": report, "cfg.yaml": config });
  return runCli(["lint", ".", "--config", "cfg.yaml", ...args], root);
}

describe("config errors through the built CLI", () => {
  it.each([
    [
      "YAML syntax error",
      "rules:\n  answer/filled: [error\n",
      "cfg.yaml:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    [
      "unknown key",
      "extends: mlops-report:2026\nrulez: {}\n",
      "cfg.yaml:2:1: unknown key `rulez` (did you mean `rules`?)\n  2 | rulez: {}\n    | ^^^^^",
    ],
    [
      "unknown rule id",
      "rules:\n  answer/wordcount: off\n",
      "cfg.yaml:2:3: unknown rule `answer/wordcount` (did you mean `answer/word-count`?)\n  2 |   answer/wordcount: off\n    |   ^^^^^^^^^^^^^^^^",
    ],
    [
      "bad severity",
      "rules:\n  answer/filled: warn\n",
      "cfg.yaml:2:18: the severity of `answer/filled` must be one of error, warning, info, off, not warn (did you mean `warning`?)\n  2 |   answer/filled: warn\n    |                  ^^^^",
    ],
    [
      "DSL syntax error",
      "extends: mlops-report:2026\nrules:\n  consistency:\n    dvc:\n      assert: 'checked(dvc) and'\n",
      "cfg.yaml:5:29: expected an expression after `and`, but the expression ends here\n  5 |       assert: 'checked(dvc) and'\n    |                             ^^^",
    ],
    [
      "unknown function",
      "extends: mlops-report:2026\nrules:\n  consistency:\n    dvc:\n      assert: checkd(dvc)\n",
      "cfg.yaml:5:15: unknown function `checkd` (did you mean `checked`?)\n  5 |       assert: checkd(dvc)\n    |               ^^^^^^",
    ],
    [
      "type error",
      "extends: mlops-report:2026\nrules:\n  consistency:\n    words:\n      assert: words(q3) and 4\n",
      "cfg.yaml:5:15: `and` needs true/false on both sides, but its left side is a number\n  5 |       assert: words(q3) and 4\n    |               ^^^^^^^^^\ncfg.yaml:5:29: `and` needs true/false on both sides, but its right side is a number",
    ],
    [
      "unknown question",
      "extends: mlops-report:2026\nrules:\n  consistency:\n    q:\n      assert: answered(q99)\n",
      "cfg.yaml:5:24: unknown question `q99`: the template has questions q1 to q31\n  5 |       assert: answered(q99)\n    |                        ^^^",
    ],
    [
      "unknown checklist id",
      "extends: mlops-report:2026\nrules:\n  consistency:\n    d:\n      assert: checked(dvd)\n",
      "cfg.yaml:5:23: unknown checklist item `dvd` (did you mean `dvc`?)\n  5 |       assert: checked(dvd)\n    |                       ^^^",
    ],
  ])("%s: file:line:col, the line, a caret, exit 2", (_name, config, expected) => {
    const run = withConfig(config);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(expected)).toBe(true);
    const [head, line, caret] = run.stderr.split("\n");
    const m = /^cfg\.yaml:(\d+):(\d+): /.exec(head!)!;
    expect(m).not.toBeNull();
    const lineNo = Number(m[1]);
    const col = Number(m[2]);
    expect(line).toBe(`  ${lineNo} | ${config.split("\n")[lineNo - 1]}`);
    expect(caret!.indexOf("^")).toBe(`  ${lineNo} | `.length + col - 1);
  });

  it("a good config with a consistency rule reports at the checklist line, with the configured message", () => {
    const config = [
      "extends: mlops-report:2026",
      "rules:",
      "  answer/filled: off",
      "  checklist/repository: off",
      "  consistency:",
      "    dvc-described:",
      "      when: checked(dvc)",
      "      assert: mentions(q10, /\\bdvc\\b/)",
      '      message: "Checklist line {line} ticks {item}, but Question {question} does not describe it"',
      "      severity: error",
    ].join("\n");
    const run = withConfig(config, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const line = report.split("\n").findIndex((l) => l.includes("Setup version control for your data")) + 1;
    const q10 = report.split("\n").indexOf("--- question 10 fill here ---") + 1;
    expect(JSON.parse(run.stdout).results[0].diagnostics).toEqual([
      {
        ruleId: "checklist/consistency",
        severity: "error",
        message: `Checklist line ${line} ticks "Setup version control for your data or part of your data (M8)", but Question 10 does not describe it`,
        // The assertion names Question 10 first: the finding points at its answer.
        line: q10,
        column: 1,
        endLine: q10,
        endColumn: 30,
        question: 10,
        checklistItem: "dvc",
      },
    ]);
  });
});

describe("plugins", () => {
  const plugin = `export const rules = [{
  meta: { id: "group/no-todo", description: "No TODO left", docs: "docs/todo.md", defaultSeverity: "warning" },
  options: {},
  *check({ report }) {
    for (const q of report.questions) if (/TODO/.test(q.answer.text)) yield { message: \`Question \${q.number} has a TODO\`, line: q.answer.line, column: 1, question: q.number };
  },
}];
`;
  const files = {
    "reports/README.md": syntheticReport({ year: 2026, answers: { 5: "TODO write this" } }),
    "rules.mjs": plugin,
    ".mlops-report.yaml":
      "extends: mlops-report:2026\nplugins: [./rules.mjs]\nrules:\n  answer/filled: off\n  answer/word-count: off\n",
  };

  it("runs a plugin rule from a config given with --config", () => {
    const root = tempTree(files);
    const run = runCli(["lint", ".", "--config", ".mlops-report.yaml", "--format", "json"], root);
    expect(run.stderr).toBe("");
    const diagnostics = JSON.parse(run.stdout).results[0].diagnostics;
    expect(diagnostics.map((d: { ruleId: string; message: string }) => [d.ruleId, d.message])).toEqual([
      ["group/no-todo", "Question 5 has a TODO"],
    ]);
  });

  it("refuses a plugin from a config found in the linted folder, unless --allow-plugins", () => {
    const root = tempTree(files);
    const refused = runCli(["lint", "."], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n")[0]).toBe(
      ".mlops-report.yaml:2:11: plugin `./rules.mjs` not loaded: plugins run code, so they load only from a config given with --config, or with --allow-plugins",
    );
    const allowed = runCli(["lint", ".", "--allow-plugins", "--format", "json"], root);
    expect(allowed.stderr).toBe("");
    expect(JSON.parse(allowed.stdout).results[0].diagnostics).toHaveLength(1);
  });
});

describe("init and rules", () => {
  it("init writes a starter config that lints, and refuses to overwrite it", () => {
    const root = tempTree({ "reports/README.md": syntheticReport({ year: 2025 }) });
    expect(runCli(["init", "--year", "2025"], root)).toMatchObject({
      code: 0,
      stdout:
        "Wrote .mlops-report.yaml (extends mlops-report:2025) and .mlops-report.schema.json (its schema, for editors)\n",
    });
    const written = readFileSync(`${root}/.mlops-report.yaml`, "utf8");
    expect(written).toContain("extends: mlops-report:2025\n");
    // The command is installed outside the repository: editors find a copy of its schema beside the config, by a
    // path that holds on every machine, and nothing names this machine's folders.
    expect(written.split("\n")[0]).toBe("# yaml-language-server: $schema=./.mlops-report.schema.json");
    expect(written).not.toContain(dirname(CLI));
    expect(readFileSync(`${root}/.mlops-report.schema.json`, "utf8")).toBe(
      readFileSync(CLI.replace(/cli\.js$/, "config.schema.json"), "utf8"),
    );
    expect(runCli(["init"], root)).toMatchObject({
      code: 2,
      stderr: "mlops-report: error: .mlops-report.yaml exists already (pass --force to overwrite it)\n",
    });
    const run = runCli(["lint", ".", "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).results[0].errorCount).toBe(31);
  });

  it("rules lists every built-in rule with severity and a docs page that exists, in 80 columns", () => {
    const run = runCli(["rules"], process.cwd());
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const folder = lines[1]!;
    expect(lines[0]).toBe("Each rule's page is under:");
    expect(existsSync(`${folder}config.md`)).toBe(true);
    const at = lines.indexOf("answer/word-count  warning");
    expect(lines.slice(at, at + 3)).toEqual([
      "answer/word-count  warning",
      "    Each answer's length lies in the range its question asks for",
      "    rules/answer/word-count.md",
    ]);
    expect(lines.filter((l) => l.endsWith(" · fixable with --fix"))).toHaveLength(4);
    expect(lines).toContain("image/unrendered  error · fixable with --fix");
    expect(lines.slice(3).filter((l) => l.length > 80)).toEqual([]);
    for (const page of lines.filter((l) => l.startsWith("    rules/")))
      expect(existsSync(folder + page.trim()), page).toBe(true);
  });

  it("rules --json gives each rule's id, severity, fixability, description and docs page", () => {
    const run = runCli(["rules", "--json"], process.cwd());
    expect(run.code).toBe(0);
    const rules: { id: string; docs: string }[] = JSON.parse(run.stdout);
    expect(rules.find((r) => r.id === "image/unrendered")).toEqual({
      id: "image/unrendered",
      defaultSeverity: "error",
      fixable: true,
      description: expect.any(String),
      docs: expect.stringMatching(/\/docs\/rules\/image\/unrendered\.md$/),
    });
    for (const r of rules) expect(existsSync(r.docs), r.docs).toBe(true);
  });

  it("with no command is a usage error: help on standard error, exit 2", () => {
    const run = runCli([], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: mlops-report \[options\] \[command\]\n/);
    expect(run.stderr).toContain("  lint [options] [paths...]");
  });
});
