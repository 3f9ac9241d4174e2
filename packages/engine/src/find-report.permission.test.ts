import type * as fs from "node:fs";
import { describe, expect, it, vi } from "vitest";

// Root reads every folder, so a folder without read permission is stood in for: its look-ups fail with EACCES.
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const statSync = ((path: string, options?: fs.StatSyncOptions) => {
    if (String(path).includes("/locked/reports/"))
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    if (String(path).endsWith("/locked")) return real.statSync("/");
    return real.statSync(path, options);
  }) as typeof fs.statSync;
  return { ...real, statSync, default: { ...real, statSync } };
});

const { findReport } = await import("./find-report.js");

describe("a report behind a folder without read permission", () => {
  it("is named as unreadable, not as missing", () => {
    expect(() => findReport("/class", "/class/locked")).toThrow(
      "locked/reports/README.md: cannot be read (permission denied)",
    );
  });
});
