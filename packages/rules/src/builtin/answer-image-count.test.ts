import { lintWith } from "@mlops-report/testing/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
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
    expect(lintWith(answerImageCount, text, { counting: "prose" })).toEqual([]);
  });

  it("in prose mode reports too few and too many rendered images, naming images that do not render", () => {
    const text = syntheticReport({
      year: 2026,
      answers: {
        19: "`![bucket](figures/bucket.png)` and ![x](figures/my bucket.png)",
        20: "![a](figures/a.png) ![b](figures/b.png) ![c](figures/c.png)",
      },
    });
    const found = lintWith(answerImageCount, text, { counting: "prose" });
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

  it("counts the checker's regex matches by default: code-span images yes, <img> no, and says why", () => {
    const text = syntheticReport({
      year: 2023,
      answers: {
        14: `${words(220)}\n\n### Figures\n\n![a](figures/a.png)`,
        19: "`![b](figures/b.png)`",
        20: '<img src="figures/r.png">',
        21: "![a](figures/a.png) ![b](figures/b.png)",
      },
    });
    const heading = text.split("\n").indexOf("### Figures") + 1;
    expect(lintWith(answerImageCount, text).map((d) => d.message)).toEqual([
      `Question 14 has 0 images as the course checker counts them, expected 1-3 (it stops at the heading on line ${heading}); a reader sees 1`,
      "Question 20 has 0 images as the course checker counts them, expected 1 (it does not count HTML `<img>` tags); a reader sees 1",
      "Question 21 has 2 images as the course checker counts them, expected 1",
    ]);
  });
});
