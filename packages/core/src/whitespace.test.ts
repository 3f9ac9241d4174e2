import { describe, expect, it } from "vitest";
import { proseWordCount, pythonSplitCount } from "./whitespace.js";

describe("prose words", () => {
  it.each([
    ["We used DVC.", 3],
    ["state-of-the-art e.g. 3.11 don't it’s", 5],
    ["--- 42 ---", 1],
    ["`ruff` + `mypy` => 100%", 3],
    // A decomposed diacritic (e + U+0308) stays inside its word.
    ["nai\u0308ve cafe\u0301 bg\u0308\u0301aw", 3],
    ["", 0],
  ])("%j has %i words", (text, n) => {
    expect(proseWordCount(text)).toBe(n);
  });
});

describe("the course checker's tokens (Python's str.split())", () => {
  it("splits on Python's whitespace, not JavaScript's", () => {
    // U+001F and U+0085 are whitespace to Python; U+FEFF and U+200B are not.
    expect(pythonSplitCount("a\u001fb\u0085c")).toBe(3);
    expect(pythonSplitCount("a\uFEFFb\u200Bc")).toBe(1);
    expect(pythonSplitCount("--- question 27 fill here ---")).toBe(6);
    expect(pythonSplitCount(" \n\t ")).toBe(0);
  });
});
