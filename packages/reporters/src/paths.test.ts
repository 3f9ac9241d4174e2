import { describe, expect, it } from "vitest";
import { relativePath } from "./paths.js";

describe("relativePath", () => {
  it("makes absolute paths relative to the working directory", () => {
    expect(relativePath("/repo/reports/README.md", "/repo")).toBe("reports/README.md");
    expect(relativePath("/repo/reports/README.md", "/repo/")).toBe("reports/README.md");
    expect(relativePath("/elsewhere/README.md", "/repo")).toBe("../elsewhere/README.md");
  });

  it("keeps relative paths, normalised, with POSIX separators", () => {
    expect(relativePath("./reports/README.md", "/repo")).toBe("reports/README.md");
    expect(relativePath("reports\\figures\\..\\README.md", "/repo")).toBe("reports/README.md");
  });

  it("handles Windows paths", () => {
    expect(relativePath("C:\\work\\repo\\reports\\README.md", "C:\\work\\repo")).toBe("reports/README.md");
  });

  it("names the file itself when it is the working directory", () => {
    expect(relativePath("/repo/README.md", "/repo/README.md")).toBe("README.md");
  });
});
