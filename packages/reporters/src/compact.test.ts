import { hostileResult } from "@mlops-report/testing/arbitraries";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compact } from "./compact.js";

const context = makeContext({ cwd: "/repo" });

describe("compact reporter", () => {
  it("writes one `file:line:col: severity message [rule]` line per finding, sorted", () => {
    const result = makeResult("/repo/reports/README.md", makeReport(), [
      { ruleId: "image/exists", message: "Missing image", line: 7, column: 3, question: 2 },
      { ruleId: "answer/word-count", severity: "warning", message: "Too short", line: 4, question: 1 },
      { ruleId: "checklist/marks", severity: "info", message: "Odd mark", line: 4, column: 1 },
    ]);
    expect(compact([result], context)).toBe(
      [
        "reports/README.md:4:1: warning Too short [answer/word-count]",
        "reports/README.md:4:1: info Odd mark [checklist/marks]",
        "reports/README.md:7:3: error Missing image [image/exists]",
        "",
      ].join("\n"),
    );
  });

  it("keeps a message with line breaks, tabs and escape sequences on its one line", () => {
    const result = makeResult("/repo/r.md", makeReport(), [
      { ruleId: "x/y", message: "first\r\nsecond\nthird\tand \u001b[31mred", line: 2, column: 5 },
    ]);
    expect(compact([result], context)).toBe("r.md:2:5: error first second third and \u241b[31mred [x/y]\n");
  });

  it("writes nothing when there is nothing to report", () => {
    expect(compact([makeResult("r.md", makeReport())], context)).toBe("");
  });

  it("gives exactly one line per finding, for arbitrary text", () => {
    fc.assert(
      fc.property(hostileResult, (result) => {
        const output = compact([result], context);
        const lines = output === "" ? [] : output.slice(0, -1).split("\n");
        expect(lines.length).toBe(result.diagnostics.length);
        for (const line of lines)
          expect(line).toMatch(/^[^\r\n]*:\d+:\d+: (error|warning|info) [^\r\n]* \[[^\r\n]*\]$/);
      }),
    );
  });
});
