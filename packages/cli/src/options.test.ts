import { describe, expect, it } from "vitest";
import { parseConcurrency } from "./options.js";

describe("--concurrency", () => {
  it("takes auto, off or a whole number of 1 or more", () => {
    expect(parseConcurrency(undefined)).toBe("auto");
    expect(parseConcurrency("auto")).toBe("auto");
    expect(parseConcurrency("off")).toBe("off");
    expect(parseConcurrency("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "two", ""])
      expect(() => parseConcurrency(bad)).toThrow(
        `--concurrency takes auto, off or a whole number of 1 or more, not "${bad}"`,
      );
  });
});
