import { syntheticReport, TITLE, words } from "@mlops-report/testing/synthetic";
import { COURSE_TEMPLATE_YEARS } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";
import { type ParseOptions, parse as parseWith } from "./parse.js";
import type { FileProbe } from "./resolve.js";
import type { TemplateYearDefinition } from "./types.js";

/** Parses with the course years the presets define. */
const parse = (text: string, options: ParseOptions = {}) =>
  parseWith(text, { years: COURSE_TEMPLATE_YEARS, ...options });

const question = (text: string, n: number, options = {}) =>
  parse(text, options).questions.find((q) => q.number === n)!;

describe("template years", () => {
  it.each([
    [2023, 27, "Question 4 example spells `enviroment` (2023)"],
    [2024, 27, "Question 4 example spells `environment` (2024)"],
    [2025, 31, "no fingerprint of 2026 matched; taking 2025"],
    [2026, 31, "mentions uv (`uv.lock` / `uv add typer markdown`) (2026)"],
  ] as const)("detects %i with %i questions", (year, count, reason) => {
    const report = parse(syntheticReport({ year }));
    expect(report.template.year).toBe(year);
    expect(report.template.questionCount).toBe(count);
    expect(report.questions.map((q) => q.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(report.template.fingerprints).toContain(reason);
    expect(report.problems).toEqual([]);
  });

  it("reads front matter and hands the checker the text after its 43 characters", () => {
    const report = parse(syntheticReport({ year: 2023, answers: { 7: words(60) } }));
    expect(report.source.frontMatter?.raw).toBe("layout: default\nnav_exclude: true");
    expect(report.source.frontMatter?.range.end.line).toBe(5);
    expect(report.template.fingerprints).toContain("Jekyll front matter");
    expect(report.official).toEqual({
      year: 2023,
      skips: 43,
      expectedAnswers: 27,
      answers: 27,
      crashes: false,
    });
    expect(question(syntheticReport({ year: 2023, answers: { 7: words(60) } }), 7).answer.words).toEqual({
      official: 60,
      prose: 60,
    });
  });

  it("knows only the years it is given: a new year is data", () => {
    const with2027: TemplateYearDefinition[] = [
      ...COURSE_TEMPLATE_YEARS,
      {
        year: 2027,
        questionCount: 31,
        checkerSkips: 0,
        fingerprints: [{ in: "preamble", pattern: /2027 edition/i, says: "names the 2027 edition" }],
      },
    ];
    const text = syntheticReport({ year: 2026, title: "The 2027 edition" });
    expect(parseWith(text, { years: with2027 }).template.year).toBe(2027);
    expect(parseWith(text, { years: COURSE_TEMPLATE_YEARS }).template.year).toBe(2026);
    expect(parseWith(text).template).toMatchObject({ year: "unknown", questionCount: 31 });
    // An unknown year's checker is that of the nearest question count's first year.
    expect(
      parseWith(syntheticReport({ year: 2023 }), { years: COURSE_TEMPLATE_YEARS.slice(2) }).official,
    ).toEqual({
      year: 2025,
      skips: 0,
      expectedAnswers: 31,
      answers: 27,
      crashes: true,
    });
  });

  it("calls a report without question headings unknown and says it is not a report", () => {
    const report = parse("# Notes\n\nJust some text.\n");
    expect(report.template).toEqual({
      year: "unknown",
      questionCount: 0,
      answerStyle: "plain",
      fingerprints: ["no `### Question N` headings"],
    });
    expect(report.problems).toEqual([
      {
        kind: "not-a-report",
        message: "No `### Question N` headings: this does not look like an exam report",
        line: 1,
        column: 1,
      },
    ]);
  });
});

describe("the checklist, found by its items", () => {
  it("reads the items below stray top-level headings left from the template's preamble", () => {
    const text = syntheticReport({ year: 2025, checked: ["dvc"] }).replace(
      "### Week 1",
      "# uv add typer markdown\n# python report.py check\n\n### Week 1",
    );
    const report = parse(text);
    const items = report.checklist.sections.flatMap((section) => section.items);
    expect(items.filter((item) => item.state === "checked").map((item) => item.text)).toEqual([
      "Setup version control for your data or part of your data (M8)",
    ]);
    expect(report.problems.map((p) => p.kind)).not.toContain("checklist-unread");
  });

  it("says once why a checklist section with no readable item gives no checklist finding", () => {
    const text = syntheticReport({ year: 2025 }).replace(/^\* \[[ x]\] /gm, "* ");
    const report = parse(text);
    const line = text.split("\n").findIndex((l) => l.startsWith("## Overall project checklist")) + 1;
    expect(report.problems.filter((p) => p.kind === "checklist-unread")).toEqual([
      {
        kind: "checklist-unread",
        message:
          "The checklist section holds no item that reads as `- [x] …` or `- [ ] …`, so no checklist finding can be made",
        line,
        column: 1,
      },
    ]);
  });
});

describe("answers", () => {
  it("keeps the full stop after a bare URL, so that it still ends the sentence", () => {
    const text = syntheticReport({
      year: 2025,
      answers: { 24: "It runs at https://api.example.org/v1. We could add a cache." },
    });
    const q = parse(text).questions.find((x) => x.number === 24)!;
    expect(q.answer.blocks.map((b) => b.text)).toEqual(["It runs at . We could add a cache."]);
  });

  it("tells placeholder, empty and answered apart", () => {
    const text = syntheticReport({ year: 2026, answers: { 5: "", 6: words(120) } }).replace(
      "### Question 7",
      "<!-- to do -->\n\n### Question 7",
    );
    const report = parse(text);
    const states = Object.fromEntries(report.questions.map((q) => [q.number, q.answer.state]));
    expect([states[4], states[5], states[6]]).toEqual(["placeholder", "empty", "answered"]);
    // A comment is nothing a reader sees.
    expect(question(text, 6).answer.words.prose).toBe(120);
  });

  it("the placeholder quoted in the instructions belongs to no answer", () => {
    const report = parse(syntheticReport({ year: 2026 }));
    expect(report.questions[0]!.answer.state).toBe("placeholder");
    expect(report.questions.filter((q) => q.answer.state === "placeholder")).toHaveLength(31);
    expect(report.questions[0]!.answer.line).toBe(report.questions[0]!.line + 9);
  });

  it("keeps an answer written beside a leftover placeholder, which the checker counts as six more words", () => {
    const text = syntheticReport({
      year: 2025,
      answers: { 14: `--- question 14 fill here ---\n\n${words(210)}` },
    });
    const q = question(text, 14);
    expect(q.answer.state).toBe("answered");
    expect(q.answer.leftoverPlaceholder).toBe(true);
    expect(q.answer.words).toEqual({ official: 216, prose: 210 });
  });

  it("counts an unfilled placeholder as six words officially and as no prose", () => {
    const q = question(syntheticReport({ year: 2025 }), 27);
    expect(q.answer.words).toEqual({ official: 6, prose: 0 });
    expect(q.answer.blocks).toEqual([]);
  });

  it("recognises the `--- ... ---` wrapper and an unbalanced one", () => {
    const text = syntheticReport({
      year: 2026,
      answers: { 3: `--- ${words(5)} ---`, 4: `--- ${words(5)}`, 5: words(5) },
    });
    expect([3, 4, 5].map((n) => question(text, n).answer.wrapper)).toEqual(["dashes", "unbalanced", "none"]);
    expect(question(text, 3).answer.words).toEqual({ official: 7, prose: 5 });
    expect(question(text, 3).answer.text).toBe(words(5));
  });

  it("reads text on the `Answer:` line and a paragraph glued to it as the answer", () => {
    const base = syntheticReport({ year: 2026 });
    const sameLine = base.replace(
      "> Answer:\n\n--- question 7 fill here ---",
      "> Answer: We wrote seven tests.",
    );
    expect(question(sameLine, 7).answer.text).toBe("We wrote seven tests.");
    expect(question(sameLine, 7).answer.state).toBe("answered");
    const glued = base.replace(
      "> Answer:\n\n--- question 8 fill here ---",
      "> Answer:\nCoverage is 80 percent.",
    );
    expect(question(glued, 8).answer.text).toBe("Coverage is 80 percent.");
    expect(question(glued, 8).answer.blocks[0]!.line).toBe(question(glued, 8).line + 9);
  });

  it("splits an answer into blocks at paragraphs, list items, headings, table cells and <br>", () => {
    const answer = [
      "First paragraph with `dvc pull` and a [link text](https://example.com/x).",
      "",
      "* item one",
      "* item two",
      "",
      "#### A heading",
      "",
      "| tool | use |",
      "|---|---|",
      "| ruff | lint |",
      "",
      "<p>html text<br>after break</p>",
      "",
      "```bash",
      "docker build .",
      "```",
      "",
      "See https://example.com/page for more.",
    ].join("\n");
    const q = question(syntheticReport({ year: 2026, answers: { 9: answer } }), 9);
    expect(q.answer.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "First paragraph with dvc pull and a link text."],
      ["list-item", "item one"],
      ["list-item", "item two"],
      ["heading", "A heading"],
      ["table-cell", "tool"],
      ["table-cell", "use"],
      ["table-cell", "ruff"],
      ["table-cell", "lint"],
      ["html", "html text"],
      ["html", "after break"],
      ["paragraph", "See for more."],
    ]);
    expect(q.answer.blocks[0]!.code).toEqual([[21, 29]]);
    expect(q.answer.code).toEqual([{ lang: "bash", fenced: true, line: q.line + 24 }]);
    expect(q.answer.links).toEqual([
      { text: "link text", url: "https://example.com/x", line: q.line + 11, column: 39 },
    ]);
    expect(q.answer.words.prose).toBe(26);
  });

  it("does not end an answer at a `---` line under text (a setext heading) nor at a `####` heading", () => {
    const answer = `---\n${words(30)}\n---\n\n#### Details\n\n${words(20)}`;
    const q = question(syntheticReport({ year: 2026, answers: { 10: answer } }), 10);
    expect(q.answer.words.prose).toBe(51);
    // Opened with `---` but not closed with one.
    expect(q.answer.wrapper).toBe("unbalanced");
    expect(question(syntheticReport({ year: 2026, answers: { 10: answer } }), 11).answer.state).toBe(
      "placeholder",
    );
  });
});

describe("an indented list (a real-report shape)", () => {
  it("renders as code, so it is no prose block, yet its words count as read", () => {
    const answer = `${words(4)}:\n\n    - ${words(10)}\n\n    - ${words(10, 3)}\n\n\`\`\`\nfenced words do not count\n\`\`\``;
    const q = question(syntheticReport({ year: 2026, answers: { 13: answer } }), 13);
    expect(q.answer.blocks.map((b) => b.text)).toEqual([`${words(4)}:`]);
    expect(q.answer.code.map((c) => c.fenced)).toEqual([false, true]);
    expect(q.answer.words.prose).toBe(24);
  });
});

describe("constraints read from the prompt", () => {
  it("reads words and images as each year states them", () => {
    const y23 = parse(syntheticReport({ year: 2023 }));
    const c = (n: number) => y23.questions[n - 1]!.constraints;
    expect(c(1)).toEqual({});
    expect(c(14)).toEqual({
      words: { min: 200, max: 300 },
      images: { min: 1, max: 3 },
      sourceText: "Answer length: 200-300 words + 1 to 3 screenshots",
    });
    expect(c(19)).toEqual({ images: { min: 1, max: 2 }, sourceText: "Insert 1-2 images" });
    expect(c(20)).toEqual({ images: { min: 1, max: 1 }, sourceText: "Upload one image" });
    expect(c(25)).toEqual({
      words: { min: 200, max: 400 },
      images: { min: 1, max: 1 },
      sourceText: "Answer length: 200-400 words; Include a figure",
    });
    const y26 = parse(syntheticReport({ year: 2026 }));
    expect(y26.questions[27]!.constraints.words).toEqual({ min: 0, max: 200 });
    expect(y26.questions[20]!.constraints).toEqual({
      images: { min: 1, max: 2 },
      sourceText: "Upload 1-2 images",
    });
  });

  it("keeps the prompt's bold text and example", () => {
    const q = question(syntheticReport({ year: 2024 }), 4);
    expect(q.prompt).toBe("Describe what you did for question 4, in your own words.");
    expect(q.example).toBe("To get a complete copy of our development environment, one would run ...");
    expect(q.section).toBe("Coding environment");
  });
});

describe("checklist", () => {
  it("reads sections, module tags, wrapped items and raw marks", () => {
    const report = parse(
      syntheticReport({
        year: 2026,
        checked: ["git"],
        marks: { dvc: "X", docker: "(X)", ci: "%", deploy: "", drift: "-" },
      }),
    );
    expect(report.checklist.sections.map((s) => [s.title, s.items.length])).toEqual([
      ["Week 1", 4],
      ["Week 2", 4],
      ["Week 3", 1],
      ["Extra", 1],
    ]);
    const items = report.checklist.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.mark, i.state])).toEqual([
      ["x", "checked"],
      [" ", "unchecked"],
      ["X", "checked"],
      ["(X)", "other"],
      [" ", "unchecked"],
      ["%", "other"],
      ["", "other"],
      [" ", "unchecked"],
      ["-", "other"],
      [" ", "unchecked"],
    ]);
    expect(items[1]).toMatchObject({
      text: "Remember to either fill out the `requirements.txt`/`requirements_dev.txt` files or keeping your `pyproject.toml`/`uv.lock` up-to-date with whatever dependencies that you are using (M2+M6)",
      module: "M2+M6",
      line: 14,
      column: 1,
    });
    expect(items[0]!.module).toBe("M5");
  });

  it("keeps `## Week 1` headings (promoted from `###`) inside the checklist", () => {
    const text = syntheticReport({ year: 2025, checked: ["ci"] }).replace(/^### (Week \d|Extra)$/gm, "## $1");
    const report = parse(text);
    expect(report.checklist.sections.map((s) => s.title)).toEqual(["Week 1", "Week 2", "Week 3", "Extra"]);
    expect(report.checklist.sections[1]!.items.filter((i) => i.state === "checked")).toHaveLength(1);
  });

  it("reads a checklist placed after the questions, whose lists are then text outside any question", () => {
    const text = [
      `# ${TITLE}`,
      "",
      "## Group information",
      "",
      "### Question 1",
      "",
      "> **Enter the group number.**",
      ">",
      "> Answer:",
      "",
      "We are group 7.",
      "",
      "## Overall project checklist",
      "",
      "### Week 1",
      "",
      "* [x] Create a git repository (M5)",
      "* [ ] Set up version control for your data (M8)",
      "",
    ].join("\n");
    const report = parse(text);
    expect(report.checklist.sections.map((s) => [s.title, s.line])).toEqual([["Week 1", 15]]);
    expect(report.checklist.sections[0]!.items.map((i) => [i.state, i.module, i.line, i.range.end])).toEqual([
      ["checked", "M5", 17, { line: 17, column: 35, offset: 229 }],
      ["unchecked", "M8", 18, { line: 18, column: 48, offset: 277 }],
    ]);
    // The `### Week 1` heading and the list, each once.
    expect(report.problems.filter((p) => p.kind === "text-outside-question").map((p) => p.line)).toEqual([
      15, 17,
    ]);
  });

  it("has no items for 2023/2024 module tags, which that template does not have", () => {
    const items = parse(syntheticReport({ year: 2023 })).checklist.sections.flatMap((s) => s.items);
    expect(items.every((i) => i.module === null)).toBe(true);
  });
});

describe("images", () => {
  const answer = [
    "![wandb](figures/wandb.png)",
    '<img src="figures/bucket.png" alt="bucket" width="500">',
    "`![in span](figures/span.png)`",
    "![ref][arch]",
    "![remote](https://example.com/a.png)",
    "![spaced](figures/my chart.png)",
    "![encoded](figures/my%20chart.png) ![angle](<figures/my chart.png>)",
    "![root](/docs/overview.png) ![case](figures/WANDB.png) ![gone](figures/none.png) ![out](../../secret.png)",
    "",
    "[arch]: figures/arch.png",
  ].join("\n");
  const files = new Map<string, string[]>([
    ["/repo", [".git", "reports", "docs"]],
    ["/repo/reports", ["README.md", "figures"]],
    ["/repo/reports/figures", ["wandb.png", "bucket.png", "arch.png", "my chart.png"]],
    ["/repo/docs", ["overview.png"]],
  ]);
  const probe: FileProbe = { list: (dir) => files.get(dir) ?? null };
  const text = syntheticReport({ year: 2026, answers: { 14: answer } });
  const q = question(text, 14, { path: "/repo/reports/README.md", files: probe });

  it("finds every kind, in source order, with positions", () => {
    expect(q.answer.images.map((im) => [im.alt, im.kind, im.syntax])).toEqual([
      ["wandb", "markdown", "markdown"],
      ["bucket", "html", "html"],
      ["in span", "in-code", "markdown"],
      ["ref", "reference", "reference"],
      ["remote", "remote", "markdown"],
      ["spaced", "unrendered", "markdown"],
      ["encoded", "markdown", "markdown"],
      ["angle", "markdown", "markdown"],
      ["root", "markdown", "markdown"],
      ["case", "markdown", "markdown"],
      ["gone", "markdown", "markdown"],
      ["out", "markdown", "markdown"],
    ]);
    const first = q.answer.images[0]!;
    expect([first.line, first.column, first.range.end.column]).toEqual([q.line + 11, 1, 28]);
    expect(q.answer.images[2]!.column).toBe(2);
  });

  it("resolves as GitHub renders: relative, rooted, %-decoded, <...>, case-sensitive", () => {
    expect(q.answer.images.map((im) => [im.resolved, im.exists, im.actualPath ?? null])).toEqual([
      ["reports/figures/wandb.png", "exists", null],
      ["reports/figures/bucket.png", "exists", null],
      // In code and unrendered: resolved as if they rendered.
      ["reports/figures/span.png", "missing", null],
      ["reports/figures/arch.png", "exists", null],
      [null, "not-checked", null],
      ["reports/figures/my chart.png", "exists", null],
      ["reports/figures/my chart.png", "exists", null],
      ["reports/figures/my chart.png", "exists", null],
      ["docs/overview.png", "exists", null],
      ["reports/figures/WANDB.png", "case-mismatch", "reports/figures/wandb.png"],
      ["reports/figures/none.png", "missing", null],
      ["../secret.png", "outside-repository", null],
    ]);
  });

  it("records the code span or block around an in-code image", () => {
    const inSpan = q.answer.images[2]!;
    const { start, end } = inSpan.code!.range;
    expect(inSpan.code!.kind).toBe("span");
    expect(text.slice(start.offset, end.offset)).toBe("`![in span](figures/span.png)`");
    const block = question(
      syntheticReport({ year: 2026, answers: { 5: "```\n![b](figures/b.png)\n```" } }),
      5,
    );
    expect(block.answer.images.map((im) => im.code?.kind)).toEqual(["block"]);
    expect(q.answer.images.filter((im) => im.code !== undefined)).toHaveLength(1);
  });

  it("marks a case mismatch with several candidate files as ambiguous", () => {
    const twins: FileProbe = {
      list: (dir) => (dir === "/repo/reports/figures" ? ["plot.png", "Plot.png"] : (files.get(dir) ?? null)),
    };
    const image = question(syntheticReport({ year: 2026, answers: { 14: "![p](figures/PLOT.png)" } }), 14, {
      path: "/repo/reports/README.md",
      files: twins,
    }).answer.images[0]!;
    expect([image.exists, image.actualPath, image.ambiguousCase]).toEqual([
      "case-mismatch",
      "reports/figures/plot.png",
      true,
    ]);
    expect(q.answer.images.some((im) => im.ambiguousCase)).toBe(false);
  });

  it("counts rendered images in prose and the checker's regex matches officially", () => {
    // Rendered: markdown, html, reference, remote, encoded, angle, root, case, gone, out.
    expect(q.answer.imageCount).toEqual({ official: 10, prose: 10 });
  });

  it("takes escaped image syntax as no image at all", () => {
    const escaped = question(
      syntheticReport({ year: 2026, answers: { 14: "\\![esc](figures/a b.png) and \\![e2](x.png)" } }),
      14,
    );
    expect(escaped.answer.images).toEqual([]);
    expect(escaped.answer.imageCount.prose).toBe(0);
  });

  it("finds the same images whatever was parsed before (no regex state left between parses)", () => {
    const withCode = syntheticReport({
      year: 2026,
      answers: { 14: "`![a](figures/a.png)` and `![b](figures/b.png)`" },
    });
    const alone = parse(withCode).images.filter((im) => im.kind === "in-code").length;
    parse(syntheticReport({ year: 2026, answers: { 5: "`![x](figures/x.png)` text" } }));
    expect(parse(withCode).images.filter((im) => im.kind === "in-code")).toHaveLength(alone);
    expect(alone).toBe(2);
  });

  it("does not look anything up without a path", () => {
    const plain = question(text, 14);
    expect(plain.answer.images.every((im) => im.exists === "not-checked" && im.resolved === null)).toBe(true);
  });
});

describe("source", () => {
  it("strips a BOM, keeps CRLF, and gives the same model as LF", () => {
    const answers = { 7: words(60), 14: `${words(220)}\n\n![a](figures/a.png)` };
    const lf = parse(syntheticReport({ year: 2024, answers }));
    const crlf = parse(syntheticReport({ year: 2024, answers, eol: "\r\n", bom: true }));
    expect(crlf.source.hadBom).toBe(true);
    expect(crlf.source.lineEnding).toBe("crlf");
    expect(lf.source.lineEnding).toBe("lf");
    const shape = (r: typeof lf) =>
      r.questions.map((q) => [
        q.number,
        q.line,
        q.answer.state,
        q.answer.words,
        q.answer.imageCount,
        q.answer.line,
      ]);
    expect(shape(crlf)).toEqual(shape(lf));
    expect(crlf.checklist.sections.flatMap((s) => s.items.map((i) => i.line))).toEqual(
      lf.checklist.sections.flatMap((s) => s.items.map((i) => i.line)),
    );
  });
});

describe("structure problems", () => {
  it("reports a renamed title, a missing title and notes appended to a question heading", () => {
    const renamed = parse(syntheticReport({ year: 2026, title: "Our Project" }));
    expect(renamed.problems.map((p) => [p.kind, p.line, p.message])).toEqual([
      [
        "heading-renamed",
        1,
        "The title reads `# Our Project`; the template's is `# Exam template for 02476 Machine Learning Operations`",
      ],
    ]);
    const missing = parse(
      syntheticReport({ year: 2026, title: null }).replace(
        "### Question 12\n",
        "### Question 12 -> ask Sam\n",
      ),
    );
    expect(missing.problems.map((p) => [p.kind, p.question ?? null, p.message])).toEqual([
      [
        "title-missing",
        null,
        "The report has no title; the template's is `# Exam template for 02476 Machine Learning Operations`",
      ],
      ["heading-renamed", 12, "The heading `### Question 12 -> ask Sam` should read `### Question 12`"],
    ]);
    expect(missing.questions.map((q) => q.number)).toHaveLength(31);
  });

  it("reports missing, duplicated and out-of-order questions and text outside any question", () => {
    const text = syntheticReport({ year: 2026 })
      .replace("### Question 5\n", "### Question 4\n")
      .replace("### Question 12\n", "### Question 13\n")
      .replace(
        "### Question 13\n\n> **Describe what you did for question 13",
        "### Question 12\n\n> **Describe what you did for question 13",
      )
      .replace(
        "> In the following section we ask about deployment.\n",
        "> In the following section we ask about deployment.\n\nStray notes here.\n",
      );
    const report = parse(text);
    const lines = (n: number) => report.questions.filter((q) => q.number === n).map((q) => q.line);
    expect(report.questions.map((q) => q.number).slice(3, 13)).toEqual([4, 4, 6, 7, 8, 9, 10, 11, 13, 12]);
    expect(report.problems.map((p) => [p.kind, p.line, p.message])).toEqual([
      ["question-duplicated", lines(4)[1], `Question 4 appears twice (first at line ${lines(4)[0]})`],
      ["question-missing", lines(6)[0], "Question 5 is missing: there is no `### Question 5` heading"],
      ["question-out-of-order", lines(12)[0], "Question 12 comes after Question 13"],
      ["text-outside-question", lines(23)[0]! - 2, "Text outside any question: no answer owns it"],
    ]);
  });

  it("reports when the course checker would find a different number of answers", () => {
    // A deleted `> Answer:` line merges two of the checker's answers.
    const text = syntheticReport({ year: 2026 }).replace(
      "> Answer:\n\n--- question 5 fill here ---",
      "--- question 5 fill here ---",
    );
    const report = parse(text);
    expect(report.official.crashes).toBe(true);
    expect(report.official.answers).toBe(30);
    expect(question(text, 5).answer.state).toBe("placeholder");
    expect(report.problems.map((p) => p.kind)).toEqual(["answer-count-mismatch"]);
    expect(report.questions.every((q) => q.answer.words.official === null)).toBe(true);
  });
});
