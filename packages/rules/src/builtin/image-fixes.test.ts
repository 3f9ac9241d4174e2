import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renameInUrl } from "./image-fixes.js";

describe("renameInUrl", () => {
  it("renames the trailing names, keeping escapes, ./, ../ and a query as written", () => {
    expect(
      renameInUrl("figures/bucket.png", "reports/figures/bucket.png", "reports/figures/Bucket.png"),
    ).toBe("figures/Bucket.png");
    expect(
      renameInUrl(
        "./Team%20photos/GROUP.PNG?raw=true",
        "reports/Team photos/GROUP.PNG",
        "reports/team Photos/group.png",
      ),
    ).toBe("./team%20Photos/group.png?raw=true");
    expect(renameInUrl("../figs/a.png", "figs/a.png", "Figs/A.png")).toBe("../Figs/A.png");
    expect(renameInUrl("/docs/%C3%A9t%C3%A9.png", "docs/été.png", "docs/ÉTÉ.png")).toBe(
      "/docs/%C3%89T%C3%89.png",
    );
  });

  it("gives up where the difference is more than letter case, or lies above a `..` the URL does not spell out", () => {
    expect(
      renameInUrl("figures/bucket.png", "reports/figures/bucket.png", "reports/figures/bucket2.png"),
    ).toBe(null);
    expect(renameInUrl("../x.png", "x.png", "X.png")).toBe("../X.png");
    expect(renameInUrl("../x.png", "reports/x.png", "Reports/X.png")).toBe(null);
  });

  it("decodes to the real name for any case variant of any name", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9 éÉ._-]{1,12}$/).filter((n) => n !== "." && n !== "..");
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (parts, flips) => {
          const actual = parts.join("/");
          const flip = (s: string, i: number) =>
            flips[i % Math.max(flips.length, 1)] ? s.toUpperCase() : s.toLowerCase();
          const written = parts.map((p) => [...p].map(flip).join(""));
          const url = written.map((p) => encodeURIComponent(p)).join("/");
          const renamed = renameInUrl(url, written.join("/"), actual);
          expect(renamed).not.toBeNull();
          expect(decodeURIComponent(renamed!)).toBe(actual);
        },
      ),
      { numRuns: 300 },
    );
  });
});
