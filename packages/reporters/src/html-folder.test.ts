import { createHash } from "node:crypto";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import { markup } from "@mlops-report/testing/html-markup";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classScript } from "./html-class-script.js";
import { htmlFolderReporter, pageNames } from "./html-folder.js";
import type { OutputFile } from "./types.js";

const context = makeContext();

const TEXT = [
  "# Report",
  "",
  "### Question 1",
  "",
  "![found](figures/a.png)",
  "",
  "![missing](figures/b.png)",
  "",
  '<img src="figures/c.svg" onerror="alert(1)">',
  "",
  "| a | b |",
  "|---|---|",
  "| 1 | 2 |",
  "",
  "[code](../src/x.py) <script>alert(1)</script> [js](javascript:alert(1)) <https://example.com/>",
  "",
  "- [x] Create a git repository (M5)",
].join("\n");

function groupResult(path = "g/reports/README.md") {
  const report = makeReport({
    text: TEXT,
    questions: [
      {
        number: 1,
        line: 3,
        words: 4,
        images: [
          { url: "figures/a.png", line: 5, alt: "found" },
          { url: "figures/b.png", line: 7, exists: "missing" },
          { url: "figures/c.svg", line: 9, kind: "html" },
        ],
      },
    ],
  });
  return makeResult(path, report, [
    { ruleId: "image/exists", message: "Image `figures/b.png` not found", line: 7, question: 1 },
  ]);
}

const contentOf = (files: readonly OutputFile[], path: string) => {
  const file = files.find((f) => f.path === path);
  return file && "content" in file ? file.content : "";
};

describe("html folder reporter", () => {
  it("writes the class page, a page per report and the figures each page shows", () => {
    const files = htmlFolderReporter([groupResult()], context);
    expect(files.map((f) => ("content" in f ? f.path : { path: f.path, copyFrom: f.copyFrom }))).toEqual([
      "index.html",
      "g.html",
      {
        path: "g/reports/figures/a.png",
        copyFrom: { report: "g/reports/README.md", file: "reports/figures/a.png" },
      },
    ]);
  });

  it("shows each image as the image rules resolved it, and no image the rules did not find", () => {
    const page = contentOf(htmlFolderReporter([groupResult()], context), "g.html");
    expect(page).toContain(
      '<img class="figure" src="g/reports/figures/a.png" alt="found" data-image="reports/figures/a.png">',
    );
    expect(page).toContain(
      '<span class="figure-box missing" data-image-status="missing"><b>missing</b> <code>figures/b.png</code></span>',
    );
    expect(page).toContain(
      '<span class="figure-box found" data-image-status="found"><b>found</b> <code>figures/c.svg</code> <span class="muted">(not a PNG, JPEG, GIF, WebP, AVIF or BMP file: not shown)</span></span>',
    );
    expect(page.match(/<img /g)?.length).toBe(1);
  });

  it("renders GitHub-flavoured markdown, sanitized as GitHub sanitizes it", () => {
    const page = contentOf(htmlFolderReporter([groupResult()], context), "g.html");
    expect(page).toContain("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>");
    expect(page).toContain('<input type="checkbox" checked disabled> Create a git repository (M5)');
    expect(page).toContain('<a class="repository-link" title="../src/x.py in the repository">code</a>');
    expect(page).toContain("<a>js</a>");
    expect(page).toContain(
      '<a href="https://example.com/" rel="nofollow noopener noreferrer">https://example.com/</a>',
    );
    expect(page).not.toMatch(/<script>alert|onerror|javascript:/);
    expect(page).not.toContain("<script");
  });

  it("puts each finding beside the block it concerns, and the question's counts beside its heading", () => {
    const page = contentOf(htmlFolderReporter([groupResult()], context), "g.html");
    const row =
      /<div class="row has-findings"><div class="md">(.*?)<\/div><aside class="notes">(.*?)<\/aside>/s.exec(
        page,
      );
    expect(row?.[1]).toContain("<code>figures/b.png</code>");
    expect(row?.[2]).toContain("Image <code>figures/b.png</code> not found");
    expect(page).toMatch(/<div class="row" id="q1" data-question="1"><div class="md"><h3>Question 1<\/h3>/);
    expect(page).toContain('<span class="pill error">1 error</span>');
  });

  it("allows the class page's one script and the report page's own images, by its policy", () => {
    const files = htmlFolderReporter([groupResult(), groupResult("h/reports/README.md")], context);
    const hash = createHash("sha256").update(classScript).digest("base64");
    const index = contentOf(files, "index.html");
    expect(index).toContain(`script-src 'sha256-${hash}'`);
    expect(index).not.toContain("img-src");
    expect(index.match(/<script>/g)?.length).toBe(1);
    expect(index).toContain(`<script>${classScript}</script>`);
    expect(index).toContain('<a class="group-link" href="h.html" title="h/reports/README.md">h</a>');
    const page = contentOf(files, "g.html");
    expect(page).toMatch(
      /content="default-src 'none'; style-src 'sha256-[^']+'; img-src 'self'; base-uri 'none'; form-action 'none'"/,
    );
  });

  it("counts per question across the class, and marks each group with what the filters look for", () => {
    const questions = (state: "answered" | "empty") => [
      { number: 1, line: 10, state },
      { number: 2, line: 20, images: [{ url: "figures/x.png", line: 25, exists: "missing" as const }] },
    ];
    const a = makeResult("a/reports/README.md", makeReport({ questions: questions("empty") }), [
      { ruleId: "answer/filled", message: "Question 1 is not answered", line: 14, question: 1 },
      { ruleId: "answer/word-count", message: "Too short", line: 24, question: 2, severity: "warning" },
      { ruleId: "checklist/consistency", message: "Ticked", line: 24, question: 2, checklistItem: "dvc" },
    ]);
    const b = makeResult("b/reports/README.md", makeReport({ questions: questions("answered") }));
    const index = contentOf(htmlFolderReporter([a, b], context), "index.html");
    const rows = [...index.matchAll(/<tr data-q="(\d+)">(.*?)<\/tr>/g)].map((row) =>
      [...(row[2] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]?.replace(/<[^>]+>/g, "")),
    );
    expect(rows).toEqual([
      ["Question 1", "1", "1", "0", "0"],
      ["Question 2", "2", "0", "1", "2"],
    ]);
    expect(index).toContain(
      '<tbody class="group" data-group="a" data-year="2026" data-answered="1" data-errors="2" data-warnings="1" data-infos="0" data-missing="1" data-ticked="0" data-items="dvc" data-questions="1 2">',
    );
    // Question 1 of group a is grey, as the legend's "not answered", though its finding is an error.
    expect(index).toContain(
      '<a class="unanswered" data-q="1" href="a.html#q1" title="Question 1: 1 error">1</a>',
    );
  });

  it("names each page after its group: safe, unique whatever the letter case, never the class page", () => {
    const results = [
      "a/g 1/reports/README.md",
      "b/G-1/reports/README.md",
      "c/g-1/README.md",
      "index/reports/README.md",
      "../.hidden/reports/README.md",
      "reports/README.md",
    ].map((path) => makeResult(path, makeReport()));
    expect(pageNames(results, "/w")).toEqual([
      "g-1",
      "G-1-2",
      "g-1-3",
      "index-2",
      "hidden",
      "reports-README",
    ]);
  });

  it("keeps no script, event attribute, style or javascript: link for any mix of markdown and HTML", () => {
    const pieces = [
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      '<a href="javascript:alert(1)">',
      "</a>",
      "<svg onload=alert(1)>",
      '<div style="color:red">',
      "</div>",
      "<details>",
      "<summary>",
      "<!--",
      "-->",
      "[link](javascript:alert(1))",
      "![x](figures/a.png)",
      "| a |\n|---|\n| b |",
      "```\n",
      "`",
      "- [x] ",
      "\n",
      "\n\n",
      "text ",
      "<",
      ">",
      '"',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const report = makeReport({ text: parts.join("") });
        const page = contentOf(
          htmlFolderReporter([makeResult("g/reports/README.md", report)], context),
          "g.html",
        );
        const { tags, attributes } = markup(page.slice(page.indexOf("<body>")));
        expect(
          [...tags].filter((tag) => /^(script|svg|iframe|object|embed|form|meta|base|style)$/i.test(tag)),
        ).toEqual([]);
        expect([...attributes].filter((name) => /^(on|style)/i.test(name))).toEqual([]);
        expect(page).not.toMatch(/<[a-z]+\b[^<>]*\s(href|src)="\s*javascript:/i);
      }),
      { numRuns: 200 },
    );
  });
});
