import type { FileProbe } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../../../tests/support/synthetic.js";
import { lintWith, positionOf } from "../test/helpers.js";
import { imageExists } from "./image-exists.js";

const files = new Map<string, string[]>([
  ["/g", ["reports"]],
  ["/g/reports", ["README.md", "figures"]],
  ["/g/reports/figures", ["Bucket.png", "wandb.png"]],
]);
const probe: FileProbe = { list: (dir) => files.get(dir) ?? null };
const at = { path: "/g/reports/README.md", files: probe };

describe("image/exists", () => {
  it("passes images that exist, remote images and images in code", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 14: "![w](figures/wandb.png) ![r](https://example.com/r.png) `![c](figures/none.png)`" },
    });
    expect(lintWith(imageExists, text, {}, at)).toEqual([]);
  });

  it("reports a missing file and names the real file when only the case differs", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 19: "![b](figures/bucket.png)\n\n![m](figures/missing.png)" },
    });
    const b = positionOf(text, "![b]");
    const m = positionOf(text, "![m]");
    expect(lintWith(imageExists, text, {}, at)).toEqual([
      {
        ruleId: "image/exists",
        severity: "error",
        message:
          'Image "figures/bucket.png" not found: the file is named reports/figures/Bucket.png, and GitHub matches letter case',
        line: b.line,
        column: 1,
        endLine: b.line,
        endColumn: 25,
        question: 19,
        checklistItem: null,
      },
      {
        ruleId: "image/exists",
        severity: "error",
        message: 'Image "figures/missing.png" not found: no file at reports/figures/missing.png',
        line: m.line,
        column: 1,
        endLine: m.line,
        endColumn: 26,
        question: 19,
        checklistItem: null,
      },
    ]);
  });
});
