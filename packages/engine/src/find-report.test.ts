import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findReport } from "./find-report.js";

describe("findReport", () => {
  const root = mkdtempSync(join(tmpdir(), "find-report-"));
  mkdirSync(join(root, "group/reports"), { recursive: true });
  writeFileSync(join(root, "group/reports/README.md"), "# r");
  writeFileSync(join(root, "group/README.md"), "# project");
  mkdirSync(join(root, "plain"));
  writeFileSync(join(root, "plain/README.md"), "# r");
  mkdirSync(join(root, "none"));

  it("takes a file as it is, a folder's reports/README.md first, else its README.md", () => {
    expect(findReport(root, "group/README.md").shown).toBe(join("group", "README.md"));
    expect(findReport(root, "group").shown).toBe(join("group", "reports", "README.md"));
    expect(findReport(root, "plain").shown).toBe(join("plain", "README.md"));
    expect(findReport(join(root, "group"), ".").path).toBe(join(root, "group/reports/README.md"));
  });

  it("names the path when there is nothing to lint", () => {
    expect(() => findReport(root, "none")).toThrow(
      "none: no report found (looked for reports/README.md and README.md in this folder)",
    );
    expect(() => findReport(root, "nope.md")).toThrow("nope.md: no such file or folder");
  });
});
