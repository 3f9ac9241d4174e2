import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { pythonCsvRows, sofficeToXlsx, xlsxRows } from "@mlops-report/testing/spreadsheet";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { requireTools, shouldRunWith } from "@mlops-report/testing/tools";
import { describe, expect, it } from "vitest";

const HYPERLINK = '=HYPERLINK("http://x")';

/** Two groups: one whose answer to Question 1 is a spreadsheet formula, one plain. */
function classFolder(): string {
  return tempTree({
    ...cleanReportFiles("formula/", { 1: HYPERLINK, 2: "s123456 and S654321" }),
    ...cleanReportFiles("plain/", { 1: "Group 7", 2: "s111111" }),
  });
}

describe.runIf(shouldRunWith("python3"))("a gradebook of untrusted report text", () => {
  const root = classFolder();
  const run = runCli(["lint", "formula", "plain", "--format", "csv=out/gradebook.csv"], root);
  const file = join(root, "out", "gradebook.csv");

  it("writes the group's answer with a ' before it, quoted as RFC 4180 asks", () => {
    // The formula group gives no group number: answer/format's error.
    expect(run.code).toBe(1);
    const lines = readFileSync(file, "utf8").split("\r\n");
    expect(lines[1]).toMatch(
      /^formula\/reports\/README\.md,formula,,"'=HYPERLINK\(""http:\/\/x""\)",s123456 s654321,2026,/,
    );
    expect(lines[2]).toMatch(/^plain\/reports\/README\.md,plain,7,Group 7,s111111,2026,31,31,0,0,1,/);
    expect(lines.at(-1)).toBe("");
  });

  it("reads back as text with Python's csv module", () => {
    const rows = pythonCsvRows(file);
    expect(rows[1]!.slice(0, 5)).toEqual([
      "formula/reports/README.md",
      "formula",
      "",
      `'${HYPERLINK}`,
      "s123456 s654321",
    ]);
  });

  describe.runIf(shouldRunWith("soffice"))("in LibreOffice Calc", () => {
    it("stays text, where the same cell written raw becomes a formula", () => {
      requireTools("soffice");
      // The control: a cell written as a report would have it, not neutralized.
      const raw = join(root, "out", "raw.csv");
      writeFileSync(raw, `group answer\r\n"${HYPERLINK.replaceAll('"', '""')}"\r\n`);
      const [gradebook, control] = sofficeToXlsx([file, raw], join(root, "out")).map(xlsxRows);
      expect(gradebook![1]![3]).toEqual({ value: `'${HYPERLINK}`, formula: false });
      expect(gradebook!.flat().some((cell) => cell.formula)).toBe(false);
      expect(control![1]![0]!.formula).toBe(true);
    });
  });
});
