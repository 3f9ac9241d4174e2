import { describe, expect, it } from "vitest";
import { readConstraints } from "./constraints.js";
import { memoizeText } from "./memo.js";

describe("memoizeText", () => {
  it("computes each text once and gives back the same value", () => {
    const seen: string[] = [];
    const length = memoizeText((text) => {
      seen.push(text);
      return { length: text.length };
    });
    const first = length("abc");
    expect(length("abc")).toBe(first);
    expect(length("de")).toEqual({ length: 2 });
    expect(seen).toEqual(["abc", "de"]);
  });

  it("starts afresh once it holds `max` texts", () => {
    const seen: string[] = [];
    const upper = memoizeText((text) => {
      seen.push(text);
      return text.toUpperCase();
    }, 2);
    for (const text of ["a", "b", "a", "c", "a", "b"]) upper(text);
    // "c" finds the store full and empties it: "a" is computed again, then "b" finds it full once more.
    expect(seen).toEqual(["a", "b", "c", "a", "b"]);
  });
});

describe("readConstraints", () => {
  it("gives every report the same frozen constraints for the same prompt", () => {
    const prompt = "How did you do it?\n\nRecommended answer length: 100-200 words + 1 image.";
    const constraints = readConstraints(prompt);
    expect(constraints).toEqual({
      words: { min: 100, max: 200 },
      images: { min: 1, max: 1 },
      sourceText: "answer length: 100-200 words + 1 image",
    });
    expect(readConstraints(`${prompt}`)).toBe(constraints);
    expect(Object.isFrozen(constraints) && Object.isFrozen(constraints.words)).toBe(true);
  });
});
