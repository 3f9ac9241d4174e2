import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { LspClient } from "@mlops-report/testing/lsp";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Question 4 (100-200 words) in twelve bullets of eight words: a reader sees 96 words, too short; the course
 * checker counts the bullets too, 108, and answer/word-count, counting as it does, finds nothing. Every surface
 * must show 108, with the 96 beside it and why.
 */
const BULLETS = Array.from({ length: 12 }, (_, i) => `- ${words(8, i * 8)}`).join("\n");
const WHY = "it counts 12 list bullets and symbols";

describe("one number per question, on every surface", () => {
  const root = tempTree(cleanReportFiles("", { 4: BULLETS }));
  const out = (name: string) => join(root, "out", name);
  const run = runCli(
    ["lint", "--format", "json=out/r.json", "--format", "html=out/r.html", "--format", "csv=out/r.csv"],
    root,
  );
  let client: LspClient | null = null;
  afterAll(async () => {
    await client?.stop();
  });

  it("finds nothing about Question 4: the rule judges by the course checker's 108", () => {
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(out("r.json"), "utf8")).results[0];
    expect(result.diagnostics.filter((d: { question: number | null }) => d.question === 4)).toEqual([]);
    expect(result.questions.counts.find((c: { question: number }) => c.question === 4)).toEqual({
      question: 4,
      status: "ok",
      words: {
        count: 108,
        counting: "official",
        allowed: { min: 100, max: 200 },
        reader: { count: 96, why: [WHY] },
      },
      images: { count: 0, counting: "official", allowed: null },
    });
  });

  it("HTML: the card shows 108 and its bar, a reader's 96 under it", () => {
    const page = readFileSync(out("r.html"), "utf8");
    const card = page.slice(page.indexOf('data-question="4"'), page.indexOf('data-question="5"'));
    expect(card).toContain("<span>Words</span><span><b>108</b>");
    expect(card).toContain('data-words="108" data-min="100" data-max="200"');
    expect(card).toContain(`<div class="muted reader-count">a reader sees 96 (${WHY})</div>`);
  });

  it("CSV: Question 4's words are 108, the note gives a reader's 96 and why", () => {
    const [header, row] = readFileSync(out("r.csv"), "utf8")
      .split("\r\n")
      .map((line) => line.split(","));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell("Q4 words"), cell("Q4 status"), cell("Q4 note")]).toEqual([
      "108",
      "ok",
      `words: a reader sees 96 (${WHY})`,
    ]);
  });

  it("inspect: 108 words, a reader's 96 on the line under it", () => {
    const inspected = runCli(["inspect", "reports/README.md"], root);
    expect(inspected.code).toBe(0);
    const lines = inspected.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith("  Q4 "));
    expect(lines[at]).toMatch(/^ {2}Q4 {3}answered {4}108 words \(100-200\) +line \d+$/);
    expect(lines[at + 1]).toBe(`       words: a reader sees 96 (${WHY})`);
  });

  it("the editor's hover and lens: 108, a reader's 96 beside it, and why", async () => {
    const path = join(root, "reports", "README.md");
    const text = readFileSync(path, "utf8");
    client = await LspClient.start(root);
    await client.open(path, text);
    const heading = text.split("\n").findIndex((line) => line.includes("### Question 4"));
    const hover = await client.hover(path, heading + 3, 2);
    expect(hover?.contents).toEqual({
      kind: "markdown",
      value: [
        "**Question 4**: 108 words (100-200; a reader sees 96)",
        `Words: 108 as the course checker counts them; a reader sees 96 (${WHY}).`,
      ].join("\n\n"),
    });
    const lens = (await client.codeLenses(path)).find((l) => l.range.start.line === heading);
    expect(lens?.command?.title).toBe("108 words (100-200; a reader sees 96)");
  });
});
