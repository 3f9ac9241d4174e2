import { syntheticReport } from "@mlops-report/testing/synthetic";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";
import {
  htmlComments,
  imageSyntaxMatches,
  officialImageCount,
  replaceComments,
  type Work,
} from "./syntax-scan.js";

/** The regular expressions the scanners replace: on short text they are the reference. */
const IMAGE_SYNTAX = /!\[([^\]\n]*)\]\(([^)\n]*)\)/g;
const OFFICIAL_IMAGE = /!\[[^\n]*?\]\([^\n]*?\)/g;
const COMMENT = /<!--([\s\S]*?)-->/g;

/** Short strings over the characters the scanners look at. */
const syntaxText = fc
  .array(fc.constantFrom("!", "[", "]", "(", ")", "\n", "a", " ", "<", "!--", "-->", "-", ">"), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

/** The markdown fragments whose repetition made scans or walks super-linear. */
const FRAGMENTS = ["![a](", "![", "<!--", "[", "`", "*", ">", "- ", "](", ")", "-->", "\n"] as const;
const hostile = fc
  .tuple(
    fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 800 }),
  )
  .map(([parts, times]) => parts.join("").repeat(times));

describe("syntax scanners", () => {
  it("match as the regular expressions they replace", () => {
    fc.assert(
      fc.property(syntaxText, (text) => {
        expect(imageSyntaxMatches(text)).toEqual(
          [...text.matchAll(IMAGE_SYNTAX)].map((m) => ({
            index: m.index,
            length: m[0].length,
            alt: m[1],
            url: m[2],
          })),
        );
        expect(officialImageCount(text)).toBe(text.match(OFFICIAL_IMAGE)?.length ?? 0);
        expect(htmlComments(text)).toEqual(
          [...text.matchAll(COMMENT)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            body: m[1],
          })),
        );
        expect(replaceComments(text, () => "")).toBe(text.replace(COMMENT, ""));
      }),
      { numRuns: 2000 },
    );
  });

  it("examine each character a bounded number of times, whatever is repeated", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const image: Work = { steps: 0 };
        const official: Work = { steps: 0 };
        const comments: Work = { steps: 0 };
        imageSyntaxMatches(text, image);
        officialImageCount(text, official);
        htmlComments(text, comments);
        for (const work of [image, official, comments])
          expect(work.steps).toBeLessThanOrEqual(6 * text.length + 6);
      }),
      { numRuns: 300 },
    );
  });

  it("count 8,000 '![a](' on one line in work proportional to its length", () => {
    const text = "![a](".repeat(8000);
    const work: Work = { steps: 0 };
    expect(officialImageCount(text, work)).toBe(0);
    expect(work.steps / text.length).toBeLessThanOrEqual(6);
    const closed = "![a](b)".repeat(8000);
    expect(officialImageCount(closed)).toBe(8000);
  });
});

describe("parse on deep nesting", () => {
  /** A 2026 report whose Question 1 answer is `fragment` repeated `depth` times. */
  const nested = (fragment: string, depth: number, tail = "x") =>
    syntheticReport({ year: 2026, answers: { 1: `${fragment.repeat(depth)}${tail}` } });

  it("reads quotes, lists and emphasis thousands deep without overflowing the stack", () => {
    for (const text of [nested(">", 4000), nested("- ", 2000), nested("*", 8000, `a${"*".repeat(8000)}`)]) {
      const report = parse(text);
      expect(report.questions.find((q) => q.number === 1)?.answer.state).toBe("answered");
    }
  });

  it("never throws at any nesting depth of any fragment", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(">", "- ", "> - ", "1. ", "  - "),
        fc.integer({ min: 1, max: 800 }),
        (fragment, depth) => {
          const report = parse(nested(fragment, depth));
          expect(report.questions.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 10 },
    );
  });
});
