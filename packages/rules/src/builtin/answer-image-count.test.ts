import { describe, expect, it } from "vitest";
import { syntheticReport, words } from "../../../../tests/support/synthetic.js";
import { lintWith } from "../test/helpers.js";
import { answerImageCount } from "./answer-image-count.js";

describe("answer/image-count", () => {
  it("passes answers with as many images as asked", () => {
    const text = syntheticReport({
      year: 2023,
      answers: {
        14: `${words(220)}\n\n![a](figures/a.png) ![b](figures/b.png)`,
        20: '<img src="figures/r.png">',
      },
    });
    expect(lintWith(answerImageCount, text)).toEqual([]);
  });

  it("reports too few and too many rendered images, naming images that do not render", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        19: "`![bucket](figures/bucket.png)` and ![x](figures/my bucket.png)",
        20: "![a](figures/a.png) ![b](figures/b.png) ![c](figures/c.png)",
      },
    });
    const found = lintWith(answerImageCount, text);
    expect(found.map(({ message, severity, question }) => ({ message, severity, question }))).toEqual([
      {
        message:
          "Question 19 has 0 images, expected 1-2 (1 more image written inside code renders as code; 1 more image with a space in its link does not render)",
        severity: "error",
        question: 19,
      },
      { message: "Question 20 has 3 images, expected 1-2", severity: "error", question: 20 },
    ]);
  });

  it("in official mode counts the checker's regex matches: code-span images yes, <img> no", () => {
    const text = syntheticReport({
      year: 2023,
      answers: { 19: "`![b](figures/b.png)`", 20: '<img src="figures/r.png">' },
    });
    const found = lintWith(answerImageCount, text, { counting: "official" });
    expect(found.filter((d) => d.question === 19 || d.question === 20).map((d) => d.message)).toEqual([
      "Question 20 has 0 images as the course checker counts them, expected 1",
    ]);
  });
});
