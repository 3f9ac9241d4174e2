import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { afterEach, describe, expect, it } from "vitest";

/*
 * The built command keeps the packages a one-report run never uses in files of their own (`dist/lazy/`), which
 * the bundle requires when one of their exports is first used. A preloaded hook records every such file a run
 * loads, so that each case says exactly which groups it paid for.
 */

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Preloaded with `--require`: appends the name of every `dist/lazy/` file Node loads to the file `LAZY_LOG` names. */
const HOOK = `const Module = require("node:module");
const { appendFileSync } = require("node:fs");
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const group = /[\\\\/]lazy[\\\\/]([a-z-]+)\\.cjs$/.exec(request);
  if (group) appendFileSync(process.env.LAZY_LOG, group[1] + "\\n");
  return load.call(this, request, parent, isMain);
};
`;

/** The lazy groups a run of the command loads, in the order it loads them, each once. */
function groupsLoaded(args: readonly string[], files: Record<string, string> = {}): string[] {
  const root = tempTree({ "reports/README.md": syntheticReport({ year: 2026 }), ...files });
  roots.push(root);
  const hook = join(root, "hook.cjs");
  const log = join(root, "lazy.log");
  writeFileSync(hook, HOOK);
  writeFileSync(log, "");
  const run = runCli(args, root, {
    NODE_OPTIONS: `--require ${hook}`,
    LAZY_LOG: log,
    MLOPS_REPORT_CODE_CACHE: "off",
  });
  expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
  return [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))];
}

describe("the packages kept out of the command's bundle", () => {
  it("a report linted with a built-in preset loads none of them", () => {
    expect(groupsLoaded(["lint", "reports/README.md"])).toEqual([]);
  });

  it("a config file loads the YAML parser, and its own expression the expression parser", () => {
    expect(
      groupsLoaded(["lint", "reports/README.md"], { ".mlops-report.yaml": "extends: mlops-report:2026\n" }),
    ).toEqual(["yaml"]);
    const ownRule = [
      "extends: mlops-report:2026",
      "rules:",
      "  consistency:",
      "    q1-named:",
      "      assert: mentions(q1, /group/i)",
      '      message: "Question {question} names no group"',
      "",
    ].join("\n");
    expect(groupsLoaded(["lint", "reports/README.md"], { ".mlops-report.yaml": ownRule })).toEqual([
      "yaml",
      "chevrotain",
    ]);
  });

  it("a glob loads the glob matcher, and the graders' HTML folder the markdown renderer", () => {
    expect(groupsLoaded(["lint", "reports/*.md"])).toEqual(["tinyglobby"]);
    expect(groupsLoaded(["lint", ".", "--format", "html=graded/"])).toEqual(["markdown-to-html"]);
  });
});
