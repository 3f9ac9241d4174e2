import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import {
  applyEdits,
  findingsOfDiagnostics,
  findingsOfJson,
  LspClient,
  uriOf,
} from "@mlops-report/testing/lsp";
import { cleanReportFiles, words } from "@mlops-report/testing/synthetic";
import { afterEach, describe, expect, it } from "vitest";
import { FileChangeType } from "vscode-languageserver-protocol/node";

const README = "reports/README.md";
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

let client: LspClient | null = null;
afterEach(async () => {
  await client?.stop();
  client = null;
});

/** What `mlops-report lint --format json` finds in the report file as it is on disk now. */
function lintFindings(root: string, path = README) {
  return findingsOfJson(runCli(["lint", "--format", "json", path], root).stdout);
}

/** The 0-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle));
}

describe("language server: a synthetic report", () => {
  it("publishes the command's findings on open and the new ones after an edit", async () => {
    const root = tempTree(
      cleanReportFiles("", { 7: words(20), 20: "![r](figures/r.png)\n\n![gone](figures/gone.png)" }),
    );
    const path = join(root, README);
    const text = readFileSync(path, "utf8");
    client = await LspClient.start(root);
    await client.open(path, text);
    const opened = await client.diagnosticsOf(uriOf(path), 1);
    expect(findingsOfDiagnostics(opened)).toEqual(lintFindings(root));
    expect(findingsOfDiagnostics(opened).map((f) => f.ruleId)).toEqual([
      "checklist/marks",
      "answer/word-count",
      "image/exists",
    ]);
    const wordCount = opened.find((d) => d.code === "answer/word-count")!;
    expect(wordCount.source).toBe("mlops-report");
    expect(wordCount.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/answer\/word-count\.md$/);

    // Two one-line edits: the short answer grows into its range, and a placeholder is left beside another answer.
    const q7 = text.indexOf("### Question 7");
    const edited = (text.slice(0, q7) + text.slice(q7).replace(words(20), words(60))).replace(
      `${words(250)}\n\n![a]`,
      `${words(250)}\n\n--- question 29 fill here ---\n\n![a]`,
    );
    await client.change(path, 2, edited);
    const changed = await client.diagnosticsOf(uriOf(path), 2);
    writeFileSync(path, edited);
    expect(findingsOfDiagnostics(changed)).toEqual(lintFindings(root));
    expect(findingsOfDiagnostics(changed).map((f) => f.ruleId)).toEqual([
      "checklist/marks",
      "image/exists",
      "answer/placeholder-left",
    ]);
  });

  it("offers each safe fix and a fix-all that leaves the text --fix writes", async () => {
    const root = tempTree(
      cleanReportFiles("", {
        14: `${words(250)}\n\n![w](figures/w.png)\n\n--- question 14 fill here ---`,
        19: "Our bucket: `![b](figures/b.png)`",
        20: "![r](figures/r.png)",
      }),
    );
    renameSync(join(root, "reports/figures/r.png"), join(root, "reports/figures/R.png"));
    const path = join(root, README);
    const text = readFileSync(path, "utf8");
    client = await LspClient.start(root);
    await client.open(path, text);
    await client.diagnosticsOf(uriOf(path), 1);

    const line = lineOf(text, "Our bucket");
    const here = await client.codeActions(
      path,
      { start: { line, character: 0 }, end: { line, character: 40 } },
      ["quickfix"],
    );
    const quick = here.filter((a) => a.kind === "quickfix");
    expect(quick).toHaveLength(1);
    expect(quick[0]!.diagnostics?.map((d) => d.code)).toEqual(["image/in-code"]);
    const once = applyEdits(text, quick[0]!.edit!.changes![uriOf(path)]!);
    expect(once).toBe(text.replace("`![b](figures/b.png)`", "![b](figures/b.png)"));

    const all = (await client.codeActions(path, WHOLE, ["source.fixAll"])).filter((a) =>
      a.kind?.startsWith("source.fixAll"),
    );
    expect(all.map((a) => a.kind)).toEqual(["source.fixAll.mlops-report"]);
    const fixedByServer = applyEdits(text, all[0]!.edit!.changes![uriOf(path)]!);
    expect(runCli(["lint", "--fix", README], root).code).toBe(0);
    expect(fixedByServer).toBe(readFileSync(path, "utf8"));
    expect(fixedByServer).not.toBe(text);
  });

  it("shows each question's counts against its range as an inlay hint, a code lens and on hover", async () => {
    // Counted as the course checker counts: the image is a word too, which a reader does not see.
    const root = tempTree(cleanReportFiles("", { 14: `${words(186)}\n\n![w](figures/w.png)` }));
    const path = join(root, README);
    const text = readFileSync(path, "utf8");
    client = await LspClient.start(root);
    await client.open(path, text);
    await client.diagnosticsOf(uriOf(path), 1);
    const heading = lineOf(text, "### Question 14");
    const hints = await client.inlayHints(path, WHOLE);
    const hint = hints.find((h) => h.position.line === heading);
    expect(hint?.label).toBe("187 words (200-300; a reader sees 186) · 1 of 1-3 images");
    expect(hint?.position.character).toBe(text.split("\n")[heading]!.length);
    expect(hints).toHaveLength(31);
    const lens = (await client.codeLenses(path)).find((l) => l.range.start.line === heading);
    expect(lens?.command?.title).toBe("187 words (200-300; a reader sees 186) · 1 of 1-3 images");
    const hover = await client.hover(path, heading + 3, 2);
    expect(hover?.contents).toEqual({
      kind: "markdown",
      value: [
        "**Question 14**: 187 words (200-300; a reader sees 186) · 1 of 1-3 images",
        "Words: 187 as the course checker counts them; a reader sees 186 (it counts 1 link address).",
      ].join("\n\n"),
    });
  });

  it("lints again when a figure appears in the report's folder or a config file changes", async () => {
    const root = tempTree(cleanReportFiles("", { 20: "![r](figures/r.png)\n\n![new](figures/new.png)" }));
    const path = join(root, README);
    client = await LspClient.start(root);
    expect(client.registrations).toEqual([]);
    await client.open(path, readFileSync(path, "utf8"));
    const before = await client.diagnosticsOf(uriOf(path), 1);
    expect(before.map((d) => d.code)).toEqual(["checklist/marks", "image/exists"]);
    expect(client.registrations).toMatchObject([
      { method: "workspace/didChangeWatchedFiles", registerOptions: { watchers: [{ globPattern: "**/*" }] } },
    ]);

    const figure = join(root, "reports/figures/new.png");
    writeFileSync(figure, readFileSync(join(root, "reports/figures/r.png")));
    await client.filesChanged([{ uri: uriOf(figure), type: FileChangeType.Created }]);
    expect((await client.diagnosticsOf(uriOf(path), 1)).map((d) => d.code)).toEqual(["checklist/marks"]);

    rmSync(figure);
    const config = join(root, ".mlops-report.yaml");
    writeFileSync(
      config,
      "extends: mlops-report:2026\nrules:\n  image/exists: off\n  checklist/marks: off\n",
    );
    await client.filesChanged([
      { uri: uriOf(figure), type: FileChangeType.Deleted },
      { uri: uriOf(config), type: FileChangeType.Created },
    ]);
    expect((await client.diagnosticsOf(uriOf(path), 1)).map((d) => d.code)).toEqual([]);
  });

  it("watches the report's folder and config folders itself for an editor that cannot watch them", async () => {
    const root = tempTree(cleanReportFiles("", { 20: "![r](figures/r.png)\n\n![new](figures/new.png)" }));
    const path = join(root, README);
    client = await LspClient.start(root, { watchesFiles: false });
    await client.open(path, readFileSync(path, "utf8"));
    expect((await client.diagnosticsOf(uriOf(path), 1)).map((d) => d.code)).toEqual([
      "checklist/marks",
      "image/exists",
    ]);
    expect(client.registrations).toEqual([]);

    writeFileSync(join(root, "reports/figures/new.png"), readFileSync(join(root, "reports/figures/r.png")));
    await client.diagnosticsWith(uriOf(path), ["checklist/marks"]);
    writeFileSync(
      join(root, ".mlops-report.yaml"),
      "extends: mlops-report:2026\nrules:\n  checklist/marks: off\n",
    );
    await client.diagnosticsWith(uriOf(path), []);
  });

  it("says once that a markdown file is no report, and shows a broken config as one diagnostic", async () => {
    const root = tempTree({
      "NOTES.md": "# Notes\n\nNothing to see.\n",
      ...cleanReportFiles(),
      ".mlops-report.yaml": "rules:\n  answer/word-count: [loud]\n",
    });
    client = await LspClient.start(root);
    const notes = join(root, "NOTES.md");
    await client.open(notes, "# Notes\n\nNothing to see.\n");
    expect(await client.diagnosticsOf(uriOf(notes), 1)).toEqual([]);
    expect(client.messages).toEqual([
      'NOTES.md: not an exam report (no "### Question N" heading), so mlops-report does not lint it',
    ]);

    const path = join(root, README);
    await client.open(path, readFileSync(path, "utf8"));
    const broken = await client.diagnosticsOf(uriOf(path), 1);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({
      code: "config",
      severity: 1,
      range: { start: { line: 0, character: 0 } },
    });
    const run = runCli(["lint", README], root);
    expect(run.code).toBe(2);
    expect(broken[0]!.message).toBe(run.stderr.trimEnd());
  });
});

describe("language server: hostile documents", () => {
  it("lints no document over the report size limit, and says why in one diagnostic", async () => {
    const root = tempTree(cleanReportFiles());
    const path = join(root, README);
    const text = readFileSync(path, "utf8");
    client = await LspClient.start(root);
    await client.open(path, text);
    expect((await client.diagnosticsOf(uriOf(path), 1)).map((d) => d.code)).toEqual(["checklist/marks"]);
    const huge = text + "x".repeat(3 * 1024 * 1024 - Buffer.byteLength(text));
    await client.change(path, 2, huge);
    expect(await client.diagnosticsOf(uriOf(path), 2)).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: "limit",
        source: "mlops-report",
        message: "reports/README.md: too large (3 MB; the limit is 1 MB)",
      },
    ]);
    expect(runCli(["lint", README], tempTree({ [README]: huge })).stderr).toBe(
      "mlops-report: error: reports/README.md: too large (3 MB; the limit is 1 MB)\n",
    );
    await client.change(path, 3, text);
    expect((await client.diagnosticsOf(uriOf(path), 3)).map((d) => d.code)).toEqual(["checklist/marks"]);
  });

  it("gives up a document at the time limit, and lints and answers for the others meanwhile", async () => {
    // Lines of lists nested 20 deep: the markdown parser takes some 20 s on these 100 KB.
    const root = tempTree({
      ...cleanReportFiles("slow/", { 1: `${"- ".repeat(20)}x\n`.repeat(2500) }),
      ...cleanReportFiles("good/"),
    });
    const slow = join(root, "slow", README);
    const good = join(root, "good", README);
    client = await LspClient.start(root, { initializationOptions: { timeLimit: 1 } });
    await client.open(slow, readFileSync(slow, "utf8"));
    await client.open(good, readFileSync(good, "utf8"));
    expect(await client.diagnosticsOf(uriOf(slow), 1)).toMatchObject([
      {
        code: "limit",
        message:
          "slow/reports/README.md: not linted: it took longer than the time limit of 1 s per report (--time-limit)",
      },
    ]);
    expect((await client.diagnosticsOf(uriOf(good), 1)).map((d) => d.code)).toEqual(["checklist/marks"]);
    const heading = lineOf(readFileSync(good, "utf8"), "### Question 14");
    expect((await client.hover(good, heading + 3, 2))?.contents).toMatchObject({ kind: "markdown" });
    // Its analysis is the limit's diagnostic: no counts to show.
    expect(await client.hover(slow, 0, 0)).toBeNull();
  });

  it("answers a hover while hundreds of opened documents wait to be linted", async () => {
    const count = 300;
    const root = tempTree(
      Object.assign({}, ...Array.from({ length: count }, (_, i) => cleanReportFiles(`g${i}/`))),
    );
    const text = readFileSync(join(root, "g0", README), "utf8");
    client = await LspClient.start(root);
    for (let i = 0; i < count; i++) await client.open(join(root, `g${i}`, README), text);
    const heading = lineOf(text, "### Question 14");
    const hover = await client.hover(join(root, `g${count - 1}`, README), heading + 3, 2);
    expect(hover?.contents).toMatchObject({ kind: "markdown" });
    // Each document opened was linted as it opened, before the hover could be answered: not so any more.
    expect(client.publishCount).toBeLessThan(count / 2);
    expect((await client.diagnosticsOf(uriOf(join(root, "g0", README)), 1)).map((d) => d.code)).toEqual([
      "checklist/marks",
    ]);
  });
});

describe.skipIf(!HAS_CORPUS)("language server: a corpus report", () => {
  it("publishes the same findings as lint --format json, before and after a one-line edit", async () => {
    const report = corpusReports().find((r) => r.isRepo)!;
    // A copy of the group's repository: the edited report is linted from disk too.
    const root = mkdtempSync(join(tmpdir(), "mlops-report-lsp-"));
    cpSync(dirname(dirname(report.path)), root, { recursive: true });
    const path = join(root, README);
    client = await LspClient.start(root);
    await client.open(path, report.text);
    const opened = await client.diagnosticsOf(uriOf(path), 1);
    expect(findingsOfDiagnostics(opened)).toEqual(lintFindings(root));

    const lines = report.text.split("\n");
    const answerLine = lines.findIndex(
      (line, i) => i > lineOf(report.text, "### Question 1") && /^\w/.test(line),
    );
    lines[answerLine] = "![missing](figures/missing-figure-from-an-edit.png)";
    const edited = lines.join("\n");
    await client.change(path, 2, edited);
    const changed = await client.diagnosticsOf(uriOf(path), 2);
    writeFileSync(path, edited);
    expect(findingsOfDiagnostics(changed)).toEqual(lintFindings(root));
    expect(findingsOfDiagnostics(changed)).toContainEqual(
      expect.objectContaining({ ruleId: "image/exists", line: answerLine + 1 }),
    );
  });
});
