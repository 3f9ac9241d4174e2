import { describe, expect, it } from "vitest";
import { RecentMap } from "./recent-map.js";

describe("RecentMap", () => {
  it("keeps the most recently read or written entries, up to its size", () => {
    const map = new RecentMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect([...map.values()]).toEqual([1, 3]);
    expect(map.get("b")).toBeUndefined();
    map.set("a", 4);
    map.set("d", 5);
    expect([...map.values()]).toEqual([4, 5]);
  });
});
