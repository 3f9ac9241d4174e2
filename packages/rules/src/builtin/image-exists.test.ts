import type { FileProbe } from "@mlops-report/core";
import { fixWith, lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { imageExists } from "./image-exists.js";

const files = new Map<string, string[]>([
  ["/g", ["reports"]],
  ["/g/reports", ["README.md", "figures", "Team Photos"]],
  ["/g/reports/figures", ["Bucket.png", "wandb.png", "twin.png", "Twin.png"]],
  ["/g/reports/Team Photos", ["Group.png"]],
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
        fix: {
          start: text.indexOf("figures/bucket.png"),
          end: text.indexOf("figures/bucket.png") + 18,
          text: "figures/Bucket.png",
        },
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

  describe("fix", () => {
    it("gives a link the real file's letter case, in markdown and HTML, keeping %-escapes and the rest", () => {
      const answer = [
        "![b](figures/bucket.png)",
        '<img src="./figures/BUCKET.png" width="300">',
        "![t](team%20photos/group.png?raw=true)",
        "![m](figures/missing.png)",
      ].join("\n\n");
      const text = syntheticReport({ year: 2026, answers: { 19: answer } });
      const { output, fixed, remaining } = fixWith(imageExists, text, at);
      expect(output).toBe(
        text.replace(
          answer,
          [
            "![b](figures/Bucket.png)",
            '<img src="./figures/Bucket.png" width="300">',
            "![t](Team%20Photos/Group.png?raw=true)",
            "![m](figures/missing.png)",
          ].join("\n\n"),
        ),
      );
      expect(fixed).toBe(3);
      expect(remaining.map((d) => d.message)).toEqual([
        'Image "figures/missing.png" not found: no file at reports/figures/missing.png',
      ]);
      expect(fixWith(imageExists, output, at).output).toBe(output);
    });

    it("offers no fix when several files match but for case, or the link sits in a reference definition", () => {
      const text = syntheticReport({
        year: 2026,
        answers: { 19: "![t](figures/TWIN.png)\n\n![r][ref]\n\n[ref]: figures/bucket.png" },
      });
      const found = lintWith(imageExists, text, {}, at);
      expect(found.map((d) => [d.message, d.fix ?? null])).toEqual([
        [
          'Image "figures/TWIN.png" not found: files such as reports/figures/twin.png differ from it in letter case only, and GitHub matches letter case',
          null,
        ],
        [
          'Image "figures/bucket.png" not found: the file is named reports/figures/Bucket.png, and GitHub matches letter case',
          null,
        ],
      ]);
      expect(fixWith(imageExists, text, at).output).toBe(text);
    });
  });
});
