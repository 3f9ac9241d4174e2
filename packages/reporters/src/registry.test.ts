import { exampleResult } from "@mlops-report/testing/example";
import { makeContext } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import {
  formatNames,
  REPORTERS,
  type ReporterEntry,
  reporterNeeds,
  reporterRegistry,
  reporters,
} from "./index.js";

/** A format that exists only in this file: one entry is all it takes. */
const counts = {
  name: "counts",
  needs: "slim",
  render: (results) =>
    results.map((r) => `${r.filePath} ${r.errorCount}/${r.warningCount}/${r.infoCount}\n`).join(""),
} as const satisfies ReporterEntry;

describe("a format added by one registry entry", () => {
  const registry = reporterRegistry([...REPORTERS, counts]);

  it("is selectable by its name, after the built-in formats", () => {
    expect(registry.formatNames).toEqual([...formatNames, "counts"]);
    expect(registry.isFormat("counts")).toBe(true);
    expect(registry.isFormat("count")).toBe(false);
    expect(registry.needs.counts).toBe("slim");
  });

  it("renders the results", () => {
    const result = exampleResult("reports/README.md");
    const expected = `reports/README.md ${result.errorCount}/${result.warningCount}/${result.infoCount}\n`;
    expect(registry.reporters.counts([result], makeContext())).toBe(expected);
  });

  it("leaves the built-in formats as they are", () => {
    for (const format of formatNames) {
      expect(registry.reporters[format]).toBe(reporters[format]);
      expect(registry.needs[format]).toBe(reporterNeeds[format]);
    }
    expect(formatNames).not.toContain("counts");
  });

  it("refuses a second format of the same name", () => {
    expect(() => reporterRegistry([...REPORTERS, { ...counts, name: "json" }])).toThrow(
      "Two formats share a name",
    );
  });
});
