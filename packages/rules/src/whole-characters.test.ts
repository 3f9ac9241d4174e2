import { describe, expect, it } from "vitest";
import { sliceWholeCharacters } from "./whole-characters.js";

describe("sliceWholeCharacters", () => {
  it("never cuts a surrogate pair in two", () => {
    const emoji = "😀".repeat(200);
    for (let start = 0; start < 6; start++)
      for (let end = 150; end < 156; end++) {
        const slice = sliceWholeCharacters(emoji, start, end);
        expect(slice).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(emoji.slice(start, end).length - slice.length).toBeLessThanOrEqual(2);
      }
  });

  it("is a plain slice of text without surrogates", () => {
    expect(sliceWholeCharacters("abcdef", 1, 4)).toBe("bcd");
  });
});
