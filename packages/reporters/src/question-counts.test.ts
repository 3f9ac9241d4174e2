import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import { htmlReporter } from "./html.js";
import { json } from "./json.js";

const context = makeContext({ cwd: "/class" });

/** Question 4: the course checker counts 109 words of an answer a reader sees as 96 (`---` wrappers, bullets). */
function differing() {
  const report = makeReport({
    questions: [
      { number: 4, line: 20, words: 96, officialWords: 109, wordBounds: { min: 100, max: 200 } },
      { number: 5, line: 40, words: 150, wordBounds: { min: 100, max: 200 } },
    ],
  });
  return makeResult("/class/group-a/reports/README.md", report);
}

describe("one number per question", () => {
  it("JSON gives the count the rule judged by, and a reader's beside it only where it differs, with why", () => {
    const counts = JSON.parse(json([differing()], context)).results[0].questions.counts;
    expect(counts).toEqual([
      {
        question: 4,
        status: "ok",
        words: {
          count: 109,
          counting: "official",
          allowed: { min: 100, max: 200 },
          reader: { count: 96, why: ["it counts the `---` wrappers"] },
        },
        images: { count: 0, counting: "official", allowed: null },
      },
      {
        question: 5,
        status: "ok",
        words: { count: 150, counting: "official", allowed: { min: 100, max: 200 } },
        images: { count: 0, counting: "official", allowed: null },
      },
    ]);
  });

  it("HTML cards show the same number, its bar drawn at it, and what a reader sees beside it", () => {
    const page = htmlReporter([differing()], context);
    const card = page.slice(page.indexOf('data-question="4"'), page.indexOf('data-question="5"'));
    expect(card).toContain("<span>Words</span><span><b>109</b>");
    expect(card).toContain('data-words="109" data-min="100" data-max="200"');
    expect(card).toContain(
      '<div class="muted reader-count">a reader sees 96 (it counts the <code>---</code> wrappers)</div>',
    );
    expect(card).not.toContain("<b>96</b>");
    const next = page.slice(page.indexOf('data-question="5"'));
    expect(next).toContain("<b>150</b>");
    expect(next.slice(0, next.indexOf("</article>"))).not.toContain("reader-count");
  });
});
