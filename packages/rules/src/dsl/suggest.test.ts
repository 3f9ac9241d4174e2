import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "./suggest.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("checkd", "checked")).toBe(1);
    expect(editDistance("checked", "checkd")).toBe(1);
    expect(editDistance("wirds", "words")).toBe(1);
    expect(editDistance("gti", "git")).toBe(1);
    expect(editDistance("", "dvc")).toBe(3);
    expect(editDistance("dvc", "dvc")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("closestMatch", () => {
  const functions = [
    "checked",
    "unchecked",
    "answered",
    "words",
    "images",
    "mentions",
    "negated",
    "count",
    "matches",
  ];

  it("finds the intended name", () => {
    expect(closestMatch("checkd", functions)).toBe("checked");
    expect(closestMatch("match", functions)).toBe("matches");
    expect(closestMatch("image", functions)).toBe("images");
    expect(closestMatch("Words", functions)).toBe("words");
  });

  it("gives nothing when every name is too far", () => {
    expect(closestMatch("contains", functions)).toBeUndefined();
    expect(closestMatch("x", ["dvc", "git"])).toBeUndefined();
    expect(closestMatch("dvc", [])).toBeUndefined();
  });

  it("allows one edit for short names and a third of the length for long ones", () => {
    expect(closestMatch("gi", ["git"])).toBe("git");
    expect(closestMatch("g", ["git"])).toBeUndefined();
    expect(closestMatch("unit-test", ["unit-tests-data"])).toBeUndefined();
    expect(closestMatch("unittests-dat", ["unit-tests-data"])).toBe("unit-tests-data");
  });

  it("prefers the closer of two candidates, then the earlier one", () => {
    expect(closestMatch("checkedd", ["unchecked", "checked"])).toBe("checked");
    expect(closestMatch("ab", ["ac", "ad"])).toBe("ac");
  });
});
