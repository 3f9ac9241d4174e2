import type { FileProbe } from "@mlops-report/core";
import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { imageOutsideReport } from "./image-outside-report.js";

const files = new Map<string, string[]>([
  ["/", ["g", "outside.png"]],
  ["/g", [".git", "reports", "docs"]],
  ["/g/reports", ["README.md", "figures"]],
  ["/g/reports/figures", ["a.png"]],
  ["/g/docs", ["arch.png"]],
]);
const probe: FileProbe = { list: (dir) => files.get(dir) ?? null };
const at = { path: "/g/reports/README.md", files: probe };

describe("image/outside-report", () => {
  it("passes images in the report's folder however they are linked, and remote images", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        14: "![a](figures/a.png) ![b](/reports/figures/a.png) ![c](../reports/figures/a.png) ![d](./figures/a.png)",
        19: "![r](https://example.com/r.png)",
      },
    });
    expect(lintWith(imageOutsideReport, text, {}, at)).toEqual([]);
  });

  it("reports an image outside the repository as an error, and one outside reports/ as a warning", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 19: "![o](../../outside.png)", 20: "![d](../docs/arch.png)\n\n![e](/docs/arch.png)" },
    });
    const o = positionOf(text, "![o]");
    const d = positionOf(text, "![d]");
    const e = positionOf(text, "![e]");
    const outsideReports = (url: string) =>
      `Image "${url}" lies outside reports/, the only folder the course collects: move it into reports/figures/`;
    expect(lintWith(imageOutsideReport, text, {}, at)).toEqual([
      {
        ruleId: "image/outside-report",
        severity: "error",
        message:
          'Image "../../outside.png" points outside the repository, so GitHub cannot show it: move the file into the figures/ folder beside the report',
        line: o.line,
        column: 1,
        endLine: o.line,
        endColumn: "![o](../../outside.png)".length + 1,
        question: 19,
        checklistItem: null,
      },
      {
        ruleId: "image/outside-report",
        severity: "warning",
        message: outsideReports("../docs/arch.png"),
        line: d.line,
        column: 1,
        endLine: d.line,
        endColumn: "![d](../docs/arch.png)".length + 1,
        question: 20,
        checklistItem: null,
      },
      {
        ruleId: "image/outside-report",
        severity: "warning",
        message: outsideReports("/docs/arch.png"),
        line: e.line,
        column: 1,
        endLine: e.line,
        endColumn: "![e](/docs/arch.png)".length + 1,
        question: 20,
        checklistItem: null,
      },
    ]);
  });

  it("leaves images outside reports/ alone when its option turns that check off", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 19: "![o](../../outside.png)", 20: "![d](../docs/arch.png)" },
    });
    const found = lintWith(imageOutsideReport, text, { reportFolderOnly: false }, at);
    expect(found.map((d) => [d.severity, d.question])).toEqual([["error", 19]]);
  });

  it("says nothing without a file system to look images up in", () => {
    const text = syntheticReport({ year: 2026, answers: { 20: "![d](../docs/arch.png)" } });
    expect(lintWith(imageOutsideReport, text)).toEqual([]);
  });
});
