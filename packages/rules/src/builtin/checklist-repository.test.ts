import { join } from "node:path";
import { nodeRepositoryFs, openRepository, parse } from "@mlops-report/core";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPreset } from "../config/load.js";
import { templateYears } from "../config/presets.js";
import { type ResolvedConfig, resolveConfig } from "../config/resolve.js";
import { lintReport } from "../engine/lint.js";
import type { LintResult } from "../types.js";
import { checklistRepository } from "./checklist-repository.js";

let config2025: ResolvedConfig;
beforeAll(async () => {
  config2025 = resolveConfig(await loadPreset("2025"));
});

const { tree } = temporaryFolders();

const REPORT_2025 = syntheticReport({ year: 2025, checked: ["git", "dvc", "ci"] });

/** Lints a report placed in a fresh repository of these files with the 2025 preset's ids and this rule only. */
function lintIn(files: Record<string, string>, report = REPORT_2025, at = "reports/README.md"): LintResult {
  const dir = tree({ ...files, [at]: report });
  const path = join(dir, at);
  return lintReport(parse(report, { path, years: templateYears() }), {
    rules: [{ rule: checklistRepository, level: "warning", options: {} }],
    checklist: config2025.checklist,
    repositoryEvidence: config2025.repositoryEvidence,
    repository: openRepository(path),
  });
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("checklist/repository", () => {
  it("says once that a repository could not be read, and judges no item against it", () => {
    const dir = tree({ "reports/README.md": REPORT_2025 });
    const path = join(dir, "reports/README.md");
    const fs = {
      ...nodeRepositoryFs,
      readdir: (p: string) => (p === dir ? null : nodeRepositoryFs.readdir(p)),
    };
    const result = lintReport(parse(REPORT_2025, { path, years: templateYears() }), {
      rules: [{ rule: checklistRepository, level: "warning", options: {} }],
      checklist: config2025.checklist,
      repositoryEvidence: config2025.repositoryEvidence,
      repository: openRepository(path, { fs }),
    });
    expect(result.diagnostics.map((d) => [d.severity, d.checklistItem ?? null, d.line, d.message])).toEqual([
      [
        "warning",
        null,
        lineOf(REPORT_2025, "## Overall project checklist"),
        "The repository could not be read: its folder cannot be listed; no checklist item is checked against it",
      ],
    ]);
  });

  it("warns on a ticked item with no trace in the repository, naming what was looked for", () => {
    const result = lintIn({ ".github/workflows/ci.yaml": "on: push\n" });
    const line = lineOf(REPORT_2025, "version control for your data");
    expect(result.diagnostics.map((d) => [d.severity, d.checklistItem, d.line, d.message])).toEqual([
      [
        "warning",
        "dvc",
        line,
        `Checklist line ${line} ticks "Setup version control for your data or part of your data (M8)", but the repository has no DVC files (no .dvc/ folder, *.dvc or dvc.yaml)`,
      ],
    ]);
  });

  it("is silent on a ticked item the repository holds a trace of", () => {
    const result = lintIn({ "data.dvc": "outs:\n", ".github/workflows/ci.yaml": "on: push\n" });
    expect(result.diagnostics).toEqual([]);
  });

  it("informs of an unticked item the repository shows, naming the file and line", () => {
    const result = lintIn({
      "data.dvc": "outs:\n",
      ".github/workflows/ci.yaml": "on: push\n",
      "tests/load/locustfile.py": "import os\nfrom locust import HttpUser\n",
    });
    const line = lineOf(REPORT_2025, "Load test your application");
    expect(result.diagnostics.map((d) => [d.severity, d.checklistItem, d.message])).toEqual([
      [
        "info",
        "load-test",
        `Checklist line ${line} leaves "Load test your application (M24)" unticked, but the repository has a load test: tests/load/locustfile.py`,
      ],
    ]);
  });

  it("counts no template file as the group's work: the 2025 template's workflow shows no CI of its own", () => {
    const report = syntheticReport({ year: 2025, checked: ["git", "dvc"] });
    const result = lintIn({ "data.dvc": "x\n", ".github/workflows/tests.yaml": "on: push\n" }, report);
    expect(result.diagnostics).toEqual([]);
    const own = lintIn({ "data.dvc": "x\n", ".github/workflows/deploy.yaml": "on: push\n" }, report);
    expect(own.diagnostics.map((d) => [d.severity, d.checklistItem])).toEqual([["info", "ci"]]);
  });

  it("takes nothing in the report's own folder as evidence", () => {
    const result = lintIn({ "reports/data.dvc": "x\n", ".github/workflows/ci.yaml": "on: push\n" });
    expect(result.diagnostics.map((d) => d.checklistItem)).toEqual(["dvc"]);
  });

  it("says nothing about a report file outside any repository", () => {
    const result = lintIn({}, REPORT_2025, "README.md");
    expect(result.diagnostics).toEqual([]);
    expect(result.checklist?.every((item) => item.repository === null)).toBe(true);
  });

  it("says nothing when a limit kept the search from reading every candidate", () => {
    const report = syntheticReport({ year: 2025, checked: ["git", "ci", "drift"] });
    const files = {
      "reports/README.md": report,
      "big.py": `x = "${"a".repeat(300)}"\n`,
      ".github/workflows/ci.yaml": "x\n",
    };
    const dir = tree(files);
    const path = join(dir, "reports/README.md");
    const lint = (maxFileBytes: number) =>
      lintReport(parse(report, { path, years: templateYears() }), {
        rules: [{ rule: checklistRepository, level: "warning", options: {} }],
        checklist: config2025.checklist,
        repositoryEvidence: config2025.repositoryEvidence,
        repository: openRepository(path, { limits: { maxFileBytes } }),
      }).diagnostics.map((d) => d.checklistItem);
    expect(lint(1024)).toEqual(["data-drift"]);
    expect(lint(100)).toEqual([]);
  });

  it("carries per item its state and what the repository shows", () => {
    const result = lintIn({ "data.dvc": "x\n", ".github/workflows/ci.yaml": "on: push\n" });
    const dvc = result.checklist?.find((item) => item.id === "dvc");
    expect(dvc).toEqual({
      id: "dvc",
      line: lineOf(REPORT_2025, "version control for your data"),
      text: "Setup version control for your data or part of your data (M8)",
      state: "checked",
      repository: {
        trace: { found: true, complete: true, files: [{ path: "data.dvc" }] },
        shows: { found: true, files: [{ path: "data.dvc" }] },
      },
    });
  });
});
