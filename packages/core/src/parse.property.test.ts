import { existsSync, readFileSync } from "node:fs";
import { SHARED } from "@mlops-report/testing/setting";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";
import type { Report } from "./types.js";

const YEARS = [2023, 2024, 2025, 2026] as const;
const official = YEARS.map((y) => `${SHARED}templates/${y}/README.md`).filter((p) => existsSync(p));
if (official.length === 0)
  console.warn("[property] ../shared/templates not found: editing synthetic templates only");
const templates = [
  ...YEARS.map((year) => syntheticReport({ year })),
  ...official.map((p) => readFileSync(p, "utf8")),
];

/** Every position of the model lies inside the text: line within the line count, offset within the length. */
function assertPositionsInside(report: Report): void {
  const { text, lineCount } = report.source;
  const check = (p: { line: number; column: number; offset?: number }): void => {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.column).toBeGreaterThanOrEqual(1);
    if (p.offset !== undefined) {
      expect(p.offset).toBeGreaterThanOrEqual(0);
      expect(p.offset).toBeLessThanOrEqual(text.length);
    }
  };
  for (const q of report.questions) {
    for (const p of [q, q.range.start, q.range.end, q.answer, q.answer.range.start, q.answer.range.end])
      check(p);
    for (const b of q.answer.blocks) {
      check(b);
      for (const [a, z] of b.code) expect(0 <= a && a < z && z <= b.text.length).toBe(true);
    }
    for (const l of q.answer.links) check(l);
  }
  for (const im of report.images) [im, im.range.start, im.range.end].forEach(check);
  for (const item of report.checklist.sections.flatMap((s) => s.items)) check(item);
  for (const p of [...report.problems, ...report.comments]) check(p);
}

/** Inserts, deletes or replaces a piece of the text at a random place: the edits real groups make. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string(),
    fc.constantFrom(
      "\n",
      "\r\n",
      "---",
      "> Answer:",
      "### ",
      "## ",
      "![a](",
      "`",
      "```\n",
      "<img src=",
      "* [x] ",
      "<!--",
      "\uFEFF",
      "|",
      "\t",
    ),
  ),
});

// Many full parses: generous timeouts so that a slow, shared machine does not fail them.
describe("parse is total", { timeout: 120_000 }, () => {
  it("never throws on arbitrary strings and keeps positions inside", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })),
        (s) => {
          assertPositionsInside(parse(s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on random edits of every year's template", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (template, edits) => {
          let text = template;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          }
          assertPositionsInside(parse(text, { path: "/nonexistent/reports/README.md" }));
        },
      ),
      { numRuns: 80 },
    );
  });
});
