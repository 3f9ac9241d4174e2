import { describe, expect, it } from "vitest";
import { displayWidth, truncateText, wrapText } from "./text-width.js";

describe("displayWidth", () => {
  it("counts narrow, wide and zero-width characters", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本")).toBe(4);
    expect(displayWidth("🎉")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("")).toBe(0);
  });
});

describe("wrapText", () => {
  it("wraps greedily at spaces", () => {
    expect(wrapText("the quick brown fox jumps", 10)).toEqual(["the quick", "brown fox", "jumps"]);
  });

  it("breaks a word longer than the width", () => {
    expect(wrapText("see https://example.org/a/very/long/path now", 12)).toEqual([
      "see",
      "https://exam",
      "ple.org/a/ve",
      "ry/long/path",
      "now",
    ]);
  });

  it("counts wide characters as two columns", () => {
    expect(wrapText("日本語の文章 です", 8)).toEqual(["日本語の", "文章", "です"]);
  });

  it("collapses runs of spaces and returns one empty line for empty text", () => {
    expect(wrapText("a    b", 10)).toEqual(["a b"]);
    expect(wrapText("", 10)).toEqual([""]);
  });
});

describe("truncateText", () => {
  it("keeps text that fits and cuts the rest to the width, ending in an ellipsis", () => {
    expect(truncateText("Create a git repository", 23)).toBe("Create a git repository");
    expect(truncateText("Create a git repository", 10)).toBe("Create a …");
    // A wide character that would cross the limit is left out whole.
    expect(truncateText("日本語の文章", 6)).toBe("日本…");
    expect(displayWidth(truncateText("日本語の文章", 6))).toBe(5);
  });
});
