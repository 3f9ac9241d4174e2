import { hostileResult } from "@mlops-report/testing/arbitraries";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { githubVisible } from "./escape.js";
import { github } from "./github.js";

const context = makeContext({ cwd: "/repo" });
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The runner's decoding of a workflow command's message and property values. */
function decode(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) =>
    String.fromCharCode(Number.parseInt(code, 16)),
  );
}

describe("github reporter", () => {
  it("writes one workflow command per finding with errors, warnings and notices", () => {
    const result = makeResult("/repo/reports/README.md", makeReport(), [
      { ruleId: "image/exists", message: "Missing image", line: 7, column: 3, endColumn: 12, question: 2 },
      { ruleId: "answer/word-count", severity: "warning", message: "Too short", line: 4, question: 1 },
      { ruleId: "checklist/marks", severity: "info", message: "Odd mark", line: 4, column: 1 },
    ]);
    expect(github([result], context)).toBe(
      [
        "::warning file=reports/README.md,line=4,col=1,endLine=4,endColumn=2,title=answer/word-count::Too short",
        "::notice file=reports/README.md,line=4,col=1,endLine=4,endColumn=2,title=checklist/marks::Odd mark",
        "::error file=reports/README.md,line=7,col=3,endLine=7,endColumn=12,title=image/exists::Missing image",
        "",
      ].join("\n"),
    );
  });

  it("escapes % and line breaks in messages, and also : and , in properties", () => {
    const result = makeResult("/repo/reports/a:b,c%.md", makeReport(), [
      { ruleId: "custom:rule,x", message: "50% done\r\nnext: a, b\n::error::injected", line: 1 },
    ]);
    expect(github([result], context)).toBe(
      "::error file=reports/a%3Ab%2Cc%25.md,line=1,col=1,endLine=1,endColumn=2,title=custom%3Arule%2Cx::" +
        "50%25 done%0D%0Anext: a, b%0A::error::injected\n",
    );
  });

  it("writes nothing when there is nothing to annotate", () => {
    expect(github([makeResult("r.md", makeReport())], context)).toBe("");
  });

  it("gives one line per finding that decodes back to the message, for arbitrary text", () => {
    fc.assert(
      fc.property(hostileResult, (result) => {
        const output = github([result], context);
        const lines = output === "" ? [] : output.slice(0, -1).split("\n");
        expect(lines.length).toBe(result.diagnostics.length);
        const messages = lines.map((line) => {
          const match =
            /^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]*::(.*)$/s.exec(
              line,
            );
          expect(match).not.toBeNull();
          return decode(match?.[2] ?? "");
        });
        for (const message of messages) expect(message).not.toMatch(RAW_CONTROL);
        expect(messages.sort()).toEqual(result.diagnostics.map((d) => githubVisible(d.message)).sort());
      }),
    );
  });
});
