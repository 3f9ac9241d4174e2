import { lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { imageFormat } from "./image-format.js";

describe("image/format", () => {
  it("passes .png, .jpg and .jpeg in any letter case, and skips remote and in-code images", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        14: "![a](figures/a.png) ![b](figures/b.JPG) ![c](<figures/my c.jpeg>) ![d](figures/d.PNG?raw=true)",
        19: '<img src="figures/bucket.Jpeg" width="600">',
        20: "![r](https://example.com/r.gif) `![s](figures/s.svg)`",
      },
    });
    expect(lintWith(imageFormat, text)).toEqual([]);
  });

  it("reports another file type and a name without an extension, at the image", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 19: "![d](figures/diagram.svg)", 20: '<img src="figures/run.GIF">\n\n![n](figures/noext)' },
    });
    const d = positionOf(text, "![d]");
    const g = positionOf(text, "<img");
    const n = positionOf(text, "![n]");
    expect(lintWith(imageFormat, text)).toEqual([
      {
        ruleId: "image/format",
        severity: "error",
        message:
          'Image "figures/diagram.svg" is a .svg file, which the course does not accept: save it as .png, .jpg or .jpeg',
        line: d.line,
        column: 1,
        endLine: d.line,
        endColumn: "![d](figures/diagram.svg)".length + 1,
        question: 19,
        checklistItem: null,
      },
      {
        ruleId: "image/format",
        severity: "error",
        message:
          'Image "figures/run.GIF" is a .GIF file, which the course does not accept: save it as .png, .jpg or .jpeg',
        line: g.line,
        column: 1,
        endLine: g.line,
        endColumn: '<img src="figures/run.GIF">'.length + 1,
        question: 20,
        checklistItem: null,
      },
      {
        ruleId: "image/format",
        severity: "error",
        message: 'Image "figures/noext" has no file extension: save it as .png, .jpg or .jpeg',
        line: n.line,
        column: 1,
        endLine: n.line,
        endColumn: "![n](figures/noext)".length + 1,
        question: 20,
        checklistItem: null,
      },
    ]);
  });

  it("takes the allowed extensions from its option, with or without dots", () => {
    const text = syntheticReport({ year: 2025, answers: { 19: "![d](figures/d.svg) ![p](figures/p.jpg)" } });
    const found = lintWith(imageFormat, text, { extensions: " .png, SVG " });
    expect(found.map((d) => d.message)).toEqual([
      'Image "figures/p.jpg" is a .jpg file, which the course does not accept: save it as .png or .svg',
    ]);
  });
});
