import { describe, expect, it } from "vitest";
import { shouldUseColor } from "./color.js";

describe("shouldUseColor", () => {
  it("follows the stream when no variable is set", () => {
    expect(shouldUseColor({}, true)).toBe(true);
    expect(shouldUseColor({}, false)).toBe(false);
  });

  it("turns colour off for any non-empty NO_COLOR, even when FORCE_COLOR is set", () => {
    expect(shouldUseColor({ NO_COLOR: "1" }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "false" }, true)).toBe(false);
    expect(shouldUseColor({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
  });

  it("ignores an empty NO_COLOR", () => {
    expect(shouldUseColor({ NO_COLOR: "" }, true)).toBe(true);
  });

  it("turns colour on for FORCE_COLOR other than 0, even off a TTY", () => {
    expect(shouldUseColor({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(shouldUseColor({ FORCE_COLOR: "3" }, false)).toBe(true);
    expect(shouldUseColor({ FORCE_COLOR: "" }, false)).toBe(true);
  });

  it("turns colour off for FORCE_COLOR=0, even on a TTY", () => {
    expect(shouldUseColor({ FORCE_COLOR: "0" }, true)).toBe(false);
  });

  it("gives a dumb terminal no colour unless forced", () => {
    expect(shouldUseColor({ TERM: "dumb" }, true)).toBe(false);
    expect(shouldUseColor({ TERM: "dumb", FORCE_COLOR: "1" }, true)).toBe(true);
  });
});
