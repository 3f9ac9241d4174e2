import type { FileProbe } from "@mlops-report/core";
import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { createLinksLocal, linksLocal } from "./links-local.js";

const files = new Map<string, string[]>([
  ["/g", [".git", "README.md", "reports", "src"]],
  ["/g/reports", ["README.md", "figures"]],
  ["/g/reports/figures", ["a.png"]],
  ["/g/src", ["train.py"]],
]);
const listed: string[] = [];
const probe: FileProbe = {
  list: (dir) => {
    listed.push(dir);
    return files.get(dir) ?? null;
  },
};
const rule = createLinksLocal(() => probe);
const at = { path: "/g/reports/README.md", files: probe };

describe("links/local", () => {
  it("passes links to files and folders that exist, and skips web, mail and anchor links", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        4: "See [the code](../src/), [training](../src/train.py) and [the repository](..).",
        5: "[a figure](figures/a.png), [setup](../README.md#setup), [root-relative](/src/train.py)",
        6: "[web](https://example.com/x) [mail](mailto:group@example.com) [top](#question-1) [proto](//example.com) [tab](?plain=1)",
      },
    });
    expect(lintWith(rule, text, {}, at)).toEqual([]);
  });

  it("reports a missing file, a name whose case differs and a path outside the repository", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        4: "Settings live in [the config](../configs/train.yaml), images in [the registry](europe-docker.pkg.dev/g/r).",
        5: "Read [the readme](../readme.md) and [the secrets](../../../etc/passwd).",
      },
    });
    const cfg = positionOf(text, "[the config]");
    const registry = positionOf(text, "[the registry]");
    const readme = positionOf(text, "[the readme]");
    const secrets = positionOf(text, "[the secrets]");
    expect(lintWith(rule, text, {}, at)).toEqual([
      {
        ruleId: "links/local",
        severity: "warning",
        message:
          'Question 4 links to "../configs/train.yaml", but there is no file or folder at configs/train.yaml: fix the path or remove the link',
        line: cfg.line,
        column: cfg.column,
        endLine: cfg.line,
        endColumn: cfg.column + "[the config](../configs/train.yaml)".length,
        question: 4,
        checklistItem: null,
      },
      {
        ruleId: "links/local",
        severity: "warning",
        message:
          'Question 4 links to "europe-docker.pkg.dev/g/r", which looks like a web address without its scheme, so GitHub takes it for a file: start it with https://',
        line: registry.line,
        column: registry.column,
        endLine: registry.line,
        endColumn: registry.column + "[the registry](europe-docker.pkg.dev/g/r)".length,
        question: 4,
        checklistItem: null,
      },
      {
        ruleId: "links/local",
        severity: "warning",
        message:
          'Question 5 links to "../readme.md", but the file is named README.md, and GitHub matches letter case: write the name as the file has it',
        line: readme.line,
        column: readme.column,
        endLine: readme.line,
        endColumn: readme.column + "[the readme](../readme.md)".length,
        question: 5,
        checklistItem: null,
      },
      {
        ruleId: "links/local",
        severity: "warning",
        message:
          'Question 5 links to "../../../etc/passwd", which lies outside the repository, so the link leads nowhere on GitHub: link a file inside the repository',
        line: secrets.line,
        column: secrets.column,
        endLine: secrets.line,
        endColumn: secrets.column + "[the secrets](../../../etc/passwd)".length,
        question: 5,
        checklistItem: null,
      },
    ]);
  });

  it("points at the link's start when its destination is written with escapes", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 4: "See [the config](../configs/my\\_run.yaml)." },
    });
    const p = positionOf(text, "[the config]");
    const found = lintWith(rule, text, {}, at);
    expect(found.map((d) => d.message)).toEqual([
      'Question 4 links to "../configs/my_run.yaml", but there is no file or folder at configs/my_run.yaml: fix the path or remove the link',
    ]);
    expect(
      found.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
    ).toEqual([{ line: p.line, column: p.column, endLine: p.line, endColumn: p.column }]);
  });

  it("spans a link with a title up to its closing parenthesis", () => {
    const text = syntheticReport({ year: 2026, answers: { 4: 'See [cfg](../x.yaml "our config") here.' } });
    const p = positionOf(text, "[cfg]");
    const found = lintWith(rule, text, {}, at);
    expect(
      found.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
    ).toEqual([
      {
        line: p.line,
        column: p.column,
        endLine: p.line,
        endColumn: p.column + '[cfg](../x.yaml "our config")'.length,
      },
    ]);
  });

  it("looks nothing up when the report has no path", () => {
    listed.length = 0;
    const text = syntheticReport({ year: 2026, answers: { 4: "[missing](../nowhere.md)" } });
    expect(lintWith(rule, text)).toEqual([]);
    expect(listed).toEqual([]);
  });

  it("is built in with the real file system", () => {
    expect(linksLocal.meta).toEqual(rule.meta);
  });
});
