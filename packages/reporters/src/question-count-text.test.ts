import type { JudgedCount, QuestionCounts } from "@mlops-report/rules";
import { describe, expect, it } from "vitest";
import { countHover, countLabel } from "./question-count-text.js";

const official = (count: number | null, allowed: JudgedCount["allowed"] = null): JudgedCount => ({
  count,
  counting: "official",
  allowed,
});

function counts(words: JudgedCount, images: JudgedCount): QuestionCounts {
  return { question: 14, line: 3, words, images };
}

describe("countLabel", () => {
  it("gives each count the rules judge by against its range", () => {
    const label = countLabel(counts(official(190, { min: 200, max: 300 }), official(2, { min: 1, max: 3 })));
    expect(label).toBe("190 words (200-300) · 2 of 1-3 images");
    expect(countLabel(counts({ ...official(187), counting: "prose" }, official(1, { min: 1, max: 3 })))).toBe(
      "187 words · 1 of 1-3 images",
    );
  });

  it("shows a count without a range alone, leaves out images nobody asked for, and ? where none could be made", () => {
    expect(countLabel(counts(official(1, { min: 1, max: 1 }), official(0)))).toBe("1 word (1)");
    expect(countLabel(counts(official(null), official(0)))).toBe("? words");
    expect(countLabel(counts(official(40), official(2)))).toBe("40 words · 2 images");
  });

  it("puts a reader's count beside the checker's where they differ, and says why on hover", () => {
    const words = {
      ...official(109, { min: 100, max: 200 }),
      reader: { count: 96, why: ["it counts the `---` wrappers", "it counts 11 list bullets and symbols"] },
    };
    const images = {
      ...official(1, { min: 1, max: 2 }),
      reader: { count: 0, why: ["it counts images written inside code"] },
    };
    expect(countLabel(counts(words, images))).toBe(
      "109 words (100-200; a reader sees 96) · 1 of 1-2 images (a reader sees 0)",
    );
    expect(countHover(counts(words, images))).toBe(
      [
        "**Question 14**: 109 words (100-200; a reader sees 96) · 1 of 1-2 images (a reader sees 0)",
        "Words: 109 as the course checker counts them; a reader sees 96 (it counts the `---` wrappers, it counts 11 list bullets and symbols).",
        "Images: 1 as the course checker counts them; a reader sees 0 (it counts images written inside code).",
      ].join("\n\n"),
    );
  });
});
