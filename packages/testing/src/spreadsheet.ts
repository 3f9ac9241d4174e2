/** Reading the CSV gradebook back as a grader's tools do: Python's `csv` module, and LibreOffice Calc. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { runOk } from "./tools.js";

/** Every row of a CSV file as Python's `csv.reader` reads it (UTF-8, `newline=""` as its docs ask). */
export function pythonCsvRows(path: string): string[][] {
  const script = [
    "import csv, json, sys",
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:",
    "    print(json.dumps(list(csv.reader(f, strict=True))))",
  ].join("\n");
  return JSON.parse(runOk("python3", ["-c", script, path], { cwd: tmpdir() }).stdout) as string[][];
}

/**
 * Converts CSV files to `.xlsx` with LibreOffice Calc's own import (comma, double quote, UTF-8; its other
 * settings as they come, formulas evaluated) into `folder`; returns the new files' paths. Its profile is a fresh
 * folder, so that no other LibreOffice run shares it.
 */
export function sofficeToXlsx(paths: readonly string[], folder: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), "mlops-report-soffice-"));
  runOk(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--infilter=CSV:44,34,76",
      "--convert-to",
      "xlsx",
      "--outdir",
      folder,
      ...paths,
    ],
    { cwd: folder },
  );
  return paths.map((path) => join(folder, basename(path).replace(/\.csv$/, ".xlsx")));
}

/** One cell of a sheet: its value (a number for a numeric cell, null for none), and whether it holds a formula. */
export interface SheetCell {
  value: string | number | null;
  formula: boolean;
}

/** The first sheet of an `.xlsx` file, read with Python's zipfile and XML parser: rows of cells, gaps filled. */
export function xlsxRows(path: string): SheetCell[][] {
  const script = String.raw`
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
book = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in book.namelist():
    for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
rows = []
for row in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter("{%s}row" % NS["m"]):
    cells = []
    for c in row.findall("m:c", NS):
        kind, v = c.get("t", "n"), c.find("m:v", NS)
        if kind == "s":
            value = shared[int(v.text)]
        elif kind == "inlineStr":
            value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
        elif v is None:
            value = None
        elif kind in ("str", "e"):
            value = v.text
        else:
            value = float(v.text)
        while len(cells) < column(c.get("r")):
            cells.append({"value": None, "formula": False})
        cells.append({"value": value, "formula": c.find("m:f", NS) is not None})
    rows.append(cells)
print(json.dumps(rows))
`;
  return JSON.parse(runOk("python3", ["-c", script, path], { cwd: tmpdir() }).stdout) as SheetCell[][];
}

/** A cell as text, as the CSV wrote it (JSON reads `42.0` as 42, which prints as `42`); an empty cell as "". */
export function cellText(cell: SheetCell | undefined): string {
  return cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
}
