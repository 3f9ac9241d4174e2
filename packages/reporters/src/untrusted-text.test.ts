import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import { github } from "./github.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";

const context = makeContext({ cwd: "/repo" });

/** A `\uXXXX` escape of a surrogate that is not half of a pair: strict JSON readers (jq) reject it. */
const LONE_SURROGATE_ESCAPE =
  /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("text from reports and configs in machine-readable output", () => {
  const result = makeResult("/repo/reports/README.md", makeReport(), [
    // Half an emoji, as a quote cut in the wrong place left it, and a config message's own "\uD800".
    { ruleId: "checklist/consistency", message: `"${"😀".repeat(3)}\uD83D" (line 4) and \uD800`, line: 4 },
  ]);

  it.each([
    ["json", json],
    ["sarif", sarif],
  ])("%s: writes no lone surrogate, raw or escaped, and replaces it with U+FFFD", (_, reporter) => {
    const text = reporter([result], context);
    expect(text).not.toMatch(LONE_SURROGATE);
    expect(text).not.toMatch(LONE_SURROGATE_ESCAPE);
    expect(text).toContain(`${"😀".repeat(3)}\uFFFD\\" (line 4) and \uFFFD`);
  });

  it("github: writes no raw C0 control character from report text or folder names", () => {
    const hostile = makeResult("/repo/g\u0007roup/README.md", makeReport(), [
      { ruleId: "answer/filled", message: "Heading \u001b[31mred\u0007 \u0000 end\u007f", line: 1 },
    ]);
    const text = github([hostile], context);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
    expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u001F\u007F]/);
    expect(text).toBe(
      "::error file=g\u2407roup/README.md,line=1,col=1,endLine=1,endColumn=2,title=answer/filled::" +
        "Heading \u241b[31mred\u2407 \u2400 end\u2421\n",
    );
  });
});
