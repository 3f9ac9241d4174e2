import { hostileResult } from "@mlops-report/testing/arbitraries";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext } from "@mlops-report/testing/factory";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNames, reporters } from "./index.js";

describe("reporters", () => {
  it("offers each format once, each with its reporter, terminal first", () => {
    expect(formatNames[0]).toBe("terminal");
    expect(new Set(formatNames).size).toBe(formatNames.length);
    expect(Object.keys(reporters).sort()).toEqual([...formatNames].sort());
  });

  it("give the same bytes whatever the order of results and diagnostics", () => {
    fc.assert(
      fc.property(
        fc.array(hostileResult, { maxLength: 4 }),
        fc.constantFrom(...formatNames),
        fc.boolean(),
        (results, format, junitWarnings) => {
          const context = makeContext({ junitWarnings, color: true });
          const shuffled = [...results]
            .reverse()
            .map((result) => ({ ...result, diagnostics: [...result.diagnostics].reverse() }));
          expect(reporters[format](shuffled, context)).toBe(reporters[format](results, context));
        },
      ),
    );
  });

  it("never write the working directory or a timestamp", () => {
    const context = makeContext({ cwd: "/home/student/project" });
    const results = [exampleResult("/home/student/project/reports/README.md")];
    for (const format of formatNames) {
      const output = reporters[format](results, context);
      expect(output).not.toContain("/home/student");
      expect(output).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  it("do not modify their input", () => {
    const result = exampleResult();
    const before = structuredClone(result);
    for (const format of formatNames) reporters[format]([result], makeContext());
    expect(result).toEqual(before);
  });
});
