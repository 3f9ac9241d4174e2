import { type FileProbe, parse } from "@mlops-report/core";
import { fixWith, lintWith, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
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

  describe("fix", () => {
    const files = new Map<string, string[]>([
      ["/g", ["reports"]],
      ["/g/reports", ["README.md", "figures"]],
      ["/g/reports/figures", ["bucket.png", "registry.png", "api.png"]],
    ]);
    const probe: FileProbe = { list: (dir) => files.get(dir) ?? null };
    const at = { path: "/g/reports/README.md", files: probe };

    it("drops the backticks around a code span that holds only images whose files exist", () => {
      const answer = [
        "Our bucket: `![bucket](figures/bucket.png)`",
        "`` ![registry](figures/registry.png) ![api](figures/api.png) ``",
      ].join("\n\n");
      const text = syntheticReport({ year: 2026, answers: { 19: answer } });
      const { output, fixed, remaining } = fixWith(imageInCode, text, at);
      expect(output).toBe(
        text.replace(
          answer,
          [
            "Our bucket: ![bucket](figures/bucket.png)",
            "![registry](figures/registry.png) ![api](figures/api.png)",
          ].join("\n\n"),
        ),
      );
      expect([fixed, remaining]).toEqual([3, []]);
      expect(parse(output, at).questions[18]!.answer.imageCount.prose).toBe(3);
      expect(fixWith(imageInCode, output, at).output).toBe(output);
    });

    it("fixes a span inside an answer wrapped in --- ... ---, keeping the wrapper", () => {
      const text = syntheticReport({ year: 2026, answers: { 19: "--- `![b](figures/bucket.png)` ---" } });
      const { output, fixed } = fixWith(imageInCode, text, at);
      expect(output).toBe(
        text.replace("--- `![b](figures/bucket.png)` ---", "--- ![b](figures/bucket.png) ---"),
      );
      expect(fixed).toBe(1);
      expect(parse(output, at).questions[18]!.answer.wrapper).toBe("dashes");
    });

    it("leaves blocks and spans with other text, missing files and links that would not render", () => {
      const answer = [
        "```\n![registry](figures/registry.png)\nThen the API.\n```",
        "`see ![bucket](figures/bucket.png)`",
        "`![gone](figures/gone.png)`",
        "`![x](figures/<image>.png)`",
      ].join("\n\n");
      const text = syntheticReport({ year: 2026, answers: { 20: answer } });
      const found = lintWith(imageInCode, text, {}, at);
      expect(found.map((d) => d.fix ?? null)).toEqual([null, null, null, null]);
      expect(fixWith(imageInCode, text, at).output).toBe(text);
    });

    it("replaces a fenced block of only image lines whose files exist by those images", () => {
      const block = "```markdown\n![registry](figures/registry.png)\n![api](figures/api.png)\n```";
      const text = syntheticReport({ year: 2026, answers: { 20: `Our registry:\n\n${block}` } });
      const { output, fixed, remaining } = fixWith(imageInCode, text, at);
      expect(output).toBe(text.replace(block, "![registry](figures/registry.png)\n![api](figures/api.png)"));
      expect([fixed, remaining]).toEqual([2, []]);
      expect(parse(output, at).questions[19]!.answer.imageCount.prose).toBe(2);
    });

    it("says to drop the template's < and >, naming the file, and fixes it when that file exists", () => {
      const block = "```\n![x](figures/<bucket>.<png>)\n```";
      const text = syntheticReport({
        year: 2026,
        answers: { 19: block, 20: "`![y](figures/<nothing>.<png>)`" },
      });
      expect(lintWith(imageInCode, text, {}, at).map((d) => [d.message, d.fix === undefined])).toEqual([
        [
          'Image "figures/<bucket>.<png>" is inside a code block, so it shows as code instead of a picture: drop the template\'s < and > and write ![x](figures/bucket.png) outside the code block',
          false,
        ],
        [
          'Image "figures/<nothing>.<png>" is inside a code span, so it shows as code instead of a picture: name an image file of the repository without the template\'s < and >, without the backticks',
          true,
        ],
      ]);
      const { output, remaining } = fixWith(imageInCode, text, at);
      expect(output).toBe(text.replace(block, "![x](figures/bucket.png)"));
      expect(remaining.map((d) => d.question)).toEqual([20]);
    });
  });
});
