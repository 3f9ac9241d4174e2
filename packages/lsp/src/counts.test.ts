import type { Constraints, Question } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { countLabel } from "./counts.js";

/** A question with only what the counts read. */
function question(
  words: { prose: number; official: number | null },
  images: { prose: number; official: number | null },
) {
  return { answer: { words, imageCount: images } } as unknown as Question;
}

describe("countLabel", () => {
  it("gives each count against its range", () => {
    const constraints: Constraints = { words: { min: 200, max: 300 }, images: { min: 1, max: 3 } };
    expect(
      countLabel(question({ prose: 187, official: 190 }, { prose: 1, official: 1 }), constraints, "prose"),
    ).toBe("187 words (200-300) · 1 of 1-3 images");
    expect(
      countLabel(question({ prose: 187, official: 190 }, { prose: 1, official: 2 }), constraints, "official"),
    ).toBe("190 words (200-300) · 2 of 1-3 images");
  });

  it("shows a count without a range alone, leaves out images nobody asked for, and ? where none could be made", () => {
    const one = { words: { min: 1, max: 1 } };
    expect(countLabel(question({ prose: 1, official: null }, { prose: 0, official: 0 }), one, "prose")).toBe(
      "1 word (1)",
    );
    expect(
      countLabel(question({ prose: 5, official: null }, { prose: 0, official: 0 }), {}, "official"),
    ).toBe("? words");
    expect(countLabel(question({ prose: 40, official: 40 }, { prose: 2, official: 2 }), {}, "prose")).toBe(
      "40 words · 2 images",
    );
  });
});
