import type { FileProbe } from "@mlops-report/core";
import { fixWith, lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { imageUnrendered } from "./image-unrendered.js";

const files = new Map<string, string[]>([
  ["/g", ["reports"]],
  ["/g/reports", ["README.md", "figures"]],
  ["/g/reports/figures", ["my chart.png", "loss curve.png"]],
]);
const probe: FileProbe = { list: (dir) => files.get(dir) ?? null };
const at = { path: "/g/reports/README.md", files: probe };

describe("image/unrendered", () => {
  it("passes rendered images, a destination in <...> and %20, and image syntax outside answers", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        14: "![a](<figures/my chart.png>) ![b](figures/my%20chart.png) \\![c](figures/my chart.png)",
      },
    }).replace("## Overall project checklist", "![i](figures/x y.png)\n\n## Overall project checklist");
    expect(lintWith(imageUnrendered, text, {}, at)).toEqual([]);
  });

  it("reports image syntax left as text, saying why", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 14: "![chart](figures/my chart.png)\n\n![paren](figures/a(b.png)" },
    });
    const chart = positionOf(text, "![chart]");
    const paren = positionOf(text, "![paren]");
    expect(lintWith(imageUnrendered, text, {}, at)).toEqual([
      {
        ruleId: "image/unrendered",
        severity: "error",
        message:
          'Image "figures/my chart.png" shows as plain text, not as a picture: a link cannot hold spaces: write each space as %20, or wrap the link in <...>',
        line: chart.line,
        column: 1,
        endLine: chart.line,
        endColumn: 1 + "![chart](figures/my chart.png)".length,
        question: 14,
        checklistItem: null,
        fix: {
          start: text.indexOf("figures/my chart.png"),
          end: text.indexOf("figures/my chart.png") + 20,
          text: "figures/my%20chart.png",
        },
      },
      {
        ruleId: "image/unrendered",
        severity: "error",
        message:
          'Image "figures/a(b.png" shows as plain text, not as a picture: its link cannot be read as an image link: check its brackets and parentheses',
        line: paren.line,
        column: 1,
        endLine: paren.line,
        endColumn: 1 + "![paren](figures/a(b.png)".length,
        question: 14,
        checklistItem: null,
      },
    ]);
  });

  describe("fix", () => {
    it("writes each space as %20 where the file exists", () => {
      const answer = "Loss: ![loss](figures/loss curve.png) and ![c](  figures/my chart.png )";
      const text = syntheticReport({ year: 2026, answers: { 14: answer } });
      const { output, fixed, remaining } = fixWith(imageUnrendered, text, at);
      expect(output).toBe(
        text.replace(answer, "Loss: ![loss](figures/loss%20curve.png) and ![c](  figures/my%20chart.png )"),
      );
      expect([fixed, remaining]).toEqual([2, []]);
      expect(fixWith(imageUnrendered, output, at).output).toBe(output);
    });

    it("leaves a link whose file is missing, or whose spaces hide a title", () => {
      const text = syntheticReport({
        year: 2026,
        answers: { 14: '![a](figures/no such.png)\n\n![b](figures/my chart.png "Chart")' },
      });
      expect(lintWith(imageUnrendered, text, {}, at).map((d) => d.fix ?? null)).toEqual([null, null]);
      expect(fixWith(imageUnrendered, text, at).output).toBe(text);
    });
  });
});
