import { createHash } from "node:crypto";
import { hostileResult } from "@mlops-report/testing/arbitraries";
import { classCwd, classResults } from "@mlops-report/testing/class";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext, makeImage, makeReport, makeResult } from "@mlops-report/testing/factory";
import { hostileReportResult, imgTag, scriptTag } from "@mlops-report/testing/hostile-report";
import { allowedAttributes, allowedTags, markup } from "@mlops-report/testing/html-markup";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlReporter } from "./html.js";

const context = makeContext();

describe("html reporter", () => {
  it("allows only its own stylesheet through the Content-Security-Policy", () => {
    const page = htmlReporter([exampleResult()], context);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">`,
    );
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
    expect(page).not.toMatch(/style="/);
  });

  it("draws one word-count bar per question with a stated length, with its band and count", () => {
    const page = htmlReporter([exampleResult()], context);
    const bars = [
      ...page.matchAll(/<svg class="wordbar"[^>]*data-words="(\d+)" data-min="(\d+)" data-max="(\d+)"/g),
    ];
    expect(bars.length).toBe(27);
    expect(bars.find((bar) => bar[1] === "152")?.slice(1)).toEqual(["152", "200", "300"]);
    expect(page.match(/<article class="card /g)?.length).toBe(31);
  });

  it("counts the answers' images in the overview, not the template's instructions", () => {
    const report = makeReport({
      questions: [{ number: 14, line: 40, images: [{ url: "figures/w.png", line: 45, question: 14 }] }],
    });
    // The template's own `![my_image](figures/<image>.<extension>)` in a code span, before any question.
    report.images.unshift(
      makeImage({ url: "figures/<image>.<extension>", line: 12, kind: "in-code", question: null }),
    );
    const page = htmlReporter([makeResult("reports/README.md", report)], context);
    expect(page).toContain("1 found");
    expect(page).toContain("0 missing, 0 in code");
  });

  it("flags the checklist items that checklist findings point at", () => {
    const page = htmlReporter([exampleResult()], context);
    const flagged = [...page.matchAll(/<li class="checklist-item ([^"]*)" data-line="(\d+)"/g)]
      .filter((m) => m[1]?.includes("flagged"))
      .map((m) => m[2]);
    expect(flagged).toEqual(["51", "67"]);
    expect(page.match(/<li class="checklist-item /g)?.length).toBe(18);
  });

  it("flags the item a finding names by its checklist id, wherever the finding sits", () => {
    const result = exampleResult();
    // A consistency finding listed with the answer it quotes, about the frontend item (line 67).
    result.diagnostics = [
      {
        ruleId: "checklist/consistency",
        severity: "warning",
        message: "Question 28 denies the frontend",
        line: 300,
        column: 1,
        endLine: 300,
        endColumn: 2,
        question: 28,
        checklistItem: "frontend",
      },
    ];
    result.checklistIds = { dvc: 51, frontend: 67 };
    const page = htmlReporter([result], context);
    const flagged = [...page.matchAll(/<li class="checklist-item ([^"]*)" data-line="(\d+)"/g)]
      .filter((m) => m[1]?.includes("flagged"))
      .map((m) => m[2]);
    expect(flagged).toEqual(["67"]);
    expect(page).toContain("1 item flagged");
  });

  it("leaves the class tables out when the context says so (--quiet)", () => {
    const results = [exampleResult("b/README.md"), exampleResult("a/README.md")];
    expect(htmlReporter(results, context)).toContain("Checklist: groups that ticked each item");
    expect(htmlReporter(results, { ...context, classSummary: false })).not.toContain(
      "Checklist: groups that ticked each item",
    );
  });

  it("adds a class overview only for several reports", () => {
    expect(htmlReporter([exampleResult()], context)).not.toContain('<table class="class-overview">');
    const page = htmlReporter(
      [
        exampleResult("b/reports/README.md"),
        exampleResult("a/reports/README.md"),
        exampleResult("README.md"),
      ],
      context,
    );
    expect(page).toContain('<table class="class-overview">');
    // Each group is named by its repository folder and anchored by that name.
    expect(
      [...page.matchAll(/<tr><td><a href="#([^"]+)" title="([^"]*)">([^<]*)<\/a>/g)].map((m) => m.slice(1)),
    ).toEqual([
      ["group-README-md", "README.md", "README.md"],
      ["group-a", "a/reports/README.md", "a"],
      ["group-b", "b/reports/README.md", "b"],
    ]);
    expect(page).toContain('<section class="report" id="group-a" data-report="a/reports/README.md">');
    // One numbered cell per question, each linking to its card.
    const strip =
      /<tr class="strip-row"><td colspan="7"><div class="strip">(.*?)<\/div>/.exec(page)?.[1] ?? "";
    expect(
      [...strip.matchAll(/<a class="\w+" href="#([^"]+)" title="[^"]*">(\d+)<\/a>/g)]
        .slice(0, 2)
        .map((m) => [m[1], m[2]]),
    ).toEqual([
      ["group-README-md-q1", "1"],
      ["group-README-md-q2", "2"],
    ]);
    expect(page).toContain('id="group-a-q14"');
    // The legend comes before the table, so that it can stay in view.
    expect(page.indexOf('<p class="legend muted">')).toBeLessThan(
      page.indexOf('<table class="class-overview">'),
    );
  });

  it("adds the class summary under the overview: failing checks, ticks and the most errors, linked", () => {
    expect(htmlReporter([exampleResult()], context)).not.toContain('<section class="class-summary">');
    const page = htmlReporter(classResults(), makeContext({ cwd: classCwd }));
    expect(page.indexOf('<table class="class-overview">')).toBeLessThan(
      page.indexOf('<section class="class-summary">'),
    );
    const cells = (table: string) =>
      [
        ...(new RegExp(`<table class="${table}">([\\s\\S]*?)</table>`).exec(page)?.[1] ?? "").matchAll(
          /<tr>(.*?)<\/tr>/g,
        ),
      ]
        .slice(1)
        .map((row) =>
          [...(row[1] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) =>
            (cell[1] ?? "").replace(/<[^>]*>/g, ""),
          ),
        );
    expect(cells("class-checks")).toEqual([
      ["Report-wide", "checklist/consistency", "0", "1"],
      ["Question 2", "answer/format", "1", "0"],
      ["Question 14", "answer/word-count", "1", "1"],
      ["", "image/exists", "1", "0"],
      ["Question 27", "answer/filled", "1", "0"],
    ]);
    expect(cells("class-checklist")).toEqual([
      ["Week 1", "Create a git repository (M5)", "3/3"],
      ["Week 1", "Setup version control for your data (M8)", "1/2"],
      ["Week 2", "Write unit tests (M16)", "1/2"],
      ["Extra", "Write documentation (M32)", "0/1"],
    ]);
    expect(page).toContain('aria-label="1 of 2 ticked"');
    expect(page).toContain(
      '<tr><td class="num">3</td><td class="num">2</td><td><a href="#group-group-a" title="group-a/reports/README.md">group-a</a></td></tr>',
    );
    expect(page).toContain(
      '<tr><td class="num">2</td><td class="num">1</td><td><a href="#group-group-b" title="group-b/reports/README.md">group-b</a></td></tr>',
    );
    expect(page).toContain(
      '<section class="report" id="group-group-b" data-report="group-b/reports/README.md">',
    );
  });

  it("escapes every piece of report text", () => {
    const page = htmlReporter([hostileReportResult()], context);
    expect(page).not.toContain(scriptTag);
    expect(page).not.toContain(imgTag);
    expect(page).toContain(
      "Our answer &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; ends here.",
    );
    expect(page).toContain("<code>x&quot; onerror=&quot;alert(1)</code>");
    const { tags, attributes } = markup(page);
    expect([...tags].filter((tag) => !allowedTags.has(tag))).toEqual([]);
    expect([...attributes].filter((name) => !allowedAttributes.has(name))).toEqual([]);
  });

  it("produces only its own tags and attributes for arbitrary text", () => {
    fc.assert(
      fc.property(fc.array(hostileResult, { minLength: 1, maxLength: 3 }), (results) => {
        const { tags, attributes } = markup(htmlReporter(results, context));
        expect([...tags].filter((tag) => !allowedTags.has(tag))).toEqual([]);
        expect([...attributes].filter((name) => !allowedAttributes.has(name))).toEqual([]);
      }),
    );
  });
});
