import { parse } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../../../tests/support/synthetic.js";
import { lintWith, positionOf } from "../test/helpers.js";
import { imageInCode } from "./image-in-code.js";

describe("image/in-code", () => {
  it("passes rendered images, and the template's own instruction written in code outside any answer", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 14: "![a](figures/a.png) and `code` beside it", 19: '<img src="figures/b.png">' },
    }).replace(
      "## Overall project checklist",
      "`![my_image](figures/<image>.<extension>)`\n\n## Overall project checklist",
    );
    expect(parse(text).images.map(({ kind, question }) => ({ kind, question }))).toEqual([
      { kind: "in-code", question: null },
      { kind: "markdown", question: 14 },
      { kind: "html", question: 19 },
    ]);
    expect(lintWith(imageInCode, text)).toEqual([]);
  });

  it("reports an image in a code span and one in a code block, saying how to fix each", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        19: "Our bucket: `![bucket](figures/bucket.png)`",
        20: "```\n![registry](figures/registry.png)\n```",
      },
    });
    const span = positionOf(text, "![bucket]");
    const block = positionOf(text, "![registry]");
    expect(lintWith(imageInCode, text)).toEqual([
      {
        ruleId: "image/in-code",
        severity: "error",
        message:
          'Image "figures/bucket.png" is inside a code span, so it shows as code instead of a picture: remove the backticks around it',
        line: span.line,
        column: span.column,
        endLine: span.line,
        endColumn: span.column + "![bucket](figures/bucket.png)".length,
        question: 19,
        checklistItem: null,
      },
      {
        ruleId: "image/in-code",
        severity: "error",
        message:
          'Image "figures/registry.png" is inside a code block, so it shows as code instead of a picture: move it out of the code block',
        line: block.line,
        column: 1,
        endLine: block.line,
        endColumn: 1 + "![registry](figures/registry.png)".length,
        question: 20,
        checklistItem: null,
      },
    ]);
  });

  it("is marked fixable", () => {
    expect(imageInCode.meta.fixable).toBe(true);
  });
});
