import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, runCli, tempTree } from "@mlops-report/testing/cli";
import { findingsOfJson } from "@mlops-report/testing/lsp";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { requireTools, shouldRunWith } from "@mlops-report/testing/tools";
import { describe, expect, it } from "vitest";

const HAS_NVIM = spawnSync("nvim", ["--version"]).status === 0;
if (!HAS_NVIM)
  console.warn("[neovim] nvim not found (scripts/system-deps.sh installs it): the Neovim test is skipped");

const SCRIPT = fileURLToPath(new URL("./neovim/diagnostics.lua", import.meta.url));

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: 1 | 2 | 3;
  message: string;
  source: string;
  code: string;
}

describe.runIf(shouldRunWith("nvim"))("Neovim's own LSP client", () => {
  it("holds the command's findings in vim.diagnostic.get() for a report it opens", () => {
    requireTools("nvim");
    const root = tempTree(
      cleanReportFiles("", { 7: words(20), 21: "![c](figures/c.png) ![gone](figures/gone.png)" }),
    );
    const report = join(root, "reports/README.md");
    const out = join(root, "diagnostics.json");
    const run = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", SCRIPT], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, REPORT: report, OUT: out, ROOT: root, NODE: process.execPath, CLI },
    });
    expect(run.status).toBe(0);
    const { arrived, diagnostics } = JSON.parse(readFileSync(out, "utf8")) as {
      arrived: boolean;
      diagnostics: NvimDiagnostic[];
    };
    expect(arrived).toBe(true);
    const severity = { 1: "error", 2: "warning", 3: "info" } as const;
    const seen = diagnostics
      .map((d) => ({
        ruleId: d.code,
        severity: severity[d.severity],
        line: d.lnum + 1,
        column: d.col + 1,
        message: d.message,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
    const expected = findingsOfJson(runCli(["lint", "--format", "json", "reports/README.md"], root).stdout);
    expect(seen).toEqual(expected);
    expect(expected.map((f) => f.ruleId)).toEqual(["checklist/marks", "answer/word-count", "image/exists"]);
    expect(new Set(diagnostics.map((d) => d.source))).toEqual(new Set(["mlops-report"]));
  });
});
