import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCli } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { expectedCells, expectedNoteParts, type JsonResult } from "@mlops-report/testing/gradebook";
import { SHARED } from "@mlops-report/testing/setting";
import { cellText, pythonCsvRows, sofficeToXlsx, xlsxRows } from "@mlops-report/testing/spreadsheet";
import { requireTools, shouldRunWith } from "@mlops-report/testing/tools";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Every corpus report linted once to JSON, the gradebook and the student layout; the gradebook read back by
 * Python's csv module and by LibreOffice Calc holds the JSON's values, cell for cell.
 */
describe.runIf(HAS_CORPUS && shouldRunWith("python3"))("the gradebook of the corpus", () => {
  const out = mkdtempSync(join(tmpdir(), "mlops-report-gradebook-"));
  const corpus = `${SHARED}corpus`;
  const paths = corpusReports().map((report) => relative(corpus, report.path));
  // Linted before the tests, not while they are collected: a skipped suite's body still runs, and without the
  // corpus there is nothing to read back.
  let run: ReturnType<typeof runCli>;
  let results: JsonResult[] = [];
  beforeAll(() => {
    run = runCli(
      [
        "lint",
        ...paths,
        "--quiet",
        "--format",
        `json=${out}/results.json`,
        "--format",
        `csv=${out}/gradebook.csv`,
        "--format",
        `csv-students=${out}/students.csv`,
      ],
      corpus,
    );
    results = (JSON.parse(readFileSync(`${out}/results.json`, "utf8")) as { results: JsonResult[] }).results;
  });

  /** Checks a sheet's rows (header first) against the JSON: one row per result, every known cell equal. */
  function expectJsonValues(rows: readonly string[][], source: string): void {
    const [header, ...body] = rows;
    expect(body.length, source).toBe(results.length);
    for (const [i, result] of results.entries()) {
      const row = new Map(header!.map((column, c) => [column, body[i]![c] ?? ""]));
      for (const [column, value] of expectedCells(result, header!))
        expect(`${result.filePath} ${column}: ${row.get(column)}`, source).toBe(
          `${result.filePath} ${column}: ${value}`,
        );
      for (const { question } of result.questions.counts) {
        const note = row.get(`Q${question} note`) ?? "";
        const parts = expectedNoteParts(result, question);
        if (parts.length === 0) expect(note, `${result.filePath} Q${question}`).toBe("");
        for (const part of parts) expect(note, `${result.filePath} Q${question}`).toContain(part);
      }
    }
  }

  it("lints every report, and the JSON gives each its counts and group", () => {
    expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    expect(results.length).toBe(paths.length);
    expect(results.every((r) => r.questions.counts.length > 0)).toBe(true);
  });

  it("reads back with Python's csv module with the JSON's values", () => {
    expectJsonValues(pythonCsvRows(`${out}/gradebook.csv`), "python csv");
  });

  it("gives one student-layout row per study number, the group's row beside it", () => {
    const gradebook = pythonCsvRows(`${out}/gradebook.csv`);
    const students = pythonCsvRows(`${out}/students.csv`);
    expect(students[0]).toEqual(["student", ...gradebook[0]!]);
    const expected = gradebook.slice(1).flatMap((row, i) => {
      const ids = results[i]!.group.students;
      return (ids.length > 0 ? ids : [""]).map((id) => [id, ...row]);
    });
    expect(students.slice(1)).toEqual(expected);
  });

  describe.runIf(shouldRunWith("soffice"))("in LibreOffice Calc", () => {
    it("reads back with the JSON's values, and no cell is a formula", () => {
      requireTools("soffice");
      const [xlsx] = sofficeToXlsx([`${out}/gradebook.csv`], out);
      const sheet = xlsxRows(xlsx!);
      expect(sheet.flat().filter((cell) => cell.formula)).toEqual([]);
      expectJsonValues(
        sheet.map((row) => row.map(cellText)),
        "LibreOffice",
      );
    });
  });
});
