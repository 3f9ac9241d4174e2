/** fast-check generators of untrusted text and of lint results holding it. */
import type { LintResult } from "@mlops-report/rules";
import fc from "fast-check";
import { makeReport, makeResult } from "./factory.js";

/** Text that breaks naive escaping: markup, CDATA ends, controls, lone surrogates, emoji, command syntax. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "]]>",
        "<![CDATA[",
        "&amp;",
        "&#0;",
        "\u0000",
        "\u0001",
        "\u001b[31m",
        "\u007f",
        "\u009b",
        "\r\n",
        "\n",
        "\r",
        "\t",
        "%",
        "%0A",
        ":",
        ",",
        "::error::",
        '"',
        "'",
        "\uD800",
        "\uDFFF",
        "\uFFFE",
        "🎉",
        "👩‍👩‍👧",
        "日本",
        " ",
        "word",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join("")),
);

const severity = fc.constantFrom("error" as const, "warning" as const, "info" as const);

/** One report with a few questions and findings whose messages and rule ids are hostile text. */
export const hostileResult: fc.Arbitrary<LintResult> = fc
  .record({
    // Separators are kept out of the name so that every path stays inside the working directory.
    path: hostileText.map((text) => `reports/${text === "" ? "x" : text.replace(/[/\\]/g, "_")}.md`),
    findings: fc.array(
      fc.record({
        ruleId: fc.oneof(
          fc.constantFrom("answer/word-count", "image/exists", "checklist/consistency"),
          hostileText,
        ),
        message: hostileText,
        severity,
        line: fc.integer({ min: 1, max: 400 }),
        column: fc.integer({ min: 1, max: 120 }),
        question: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        checklistItem: fc.option(hostileText, { nil: null }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ path, findings }) =>
    makeResult(
      path,
      makeReport({
        questions: [1, 2, 3].map((number) => ({ number, line: number * 20 })),
      }),
      findings.map((f) => ({ ...f, ruleId: f.ruleId === "" ? "custom/empty" : f.ruleId })),
    ),
  );
