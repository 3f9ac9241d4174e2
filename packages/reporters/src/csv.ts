import type { LintResult } from "@mlops-report/rules";
import { readerClause } from "@mlops-report/rules";
import { stringify } from "csv-stringify/sync";
import { EvidenceTally, type ItemEvidence, itemEvidence } from "./checklist-evidence.js";
import { githubVisible } from "./escape.js";
import { groupName, relativePath } from "./paths.js";
import { type QuestionGroup, questionGroups, questionStatus, worst } from "./questions.js";
import { type ResultList, wholeText } from "./results.js";
import { inOutputOrder } from "./sort.js";
import { questionTally } from "./summary.js";
import type { Reporter, StreamingReporter } from "./types.js";

type Cell = string | number;

/**
 * The verdict on a checklist item: its verdict's kind (`agrees`, `denied`, `not-described`, … as in
 * docs/verdicts.md); for an item without one (a config with no checks for it), its most severe consistency
 * finding's severity, or `ok` when there is none.
 */
export function itemVerdict(item: ItemEvidence): string {
  return item.verdict?.kind ?? worst(item.answers) ?? "ok";
}

/** `words: a reader sees 96 (it counts …); images: …`, where a reader's count differs from the one judged. */
function countNote(counts: QuestionGroup["counts"]): string {
  return (["words", "images"] as const)
    .flatMap((what) => {
      const clause = readerClause(counts[what]);
      return clause ? [`${what}: ${clause}`] : [];
    })
    .join("; ");
}

/** The columns every row has, whatever the class: which report, whose, and its totals. */
const REPORT_COLUMNS = [
  "report",
  "group folder",
  "group number",
  "group answer",
  "students",
  "template",
  "answered",
  "total",
  "errors",
  "warnings",
  "infos",
];

/** The gradebook's columns after the report's own: every question number and checklist id of the class. */
interface Columns {
  numbers: number[];
  ids: string[];
}

/** The question numbers (ascending) and checklist ids (in the order the sorted reports first show them). */
function columnsOf(list: ResultList, cwd: string): Columns {
  const numbers = new Set<number>();
  const evidence = new EvidenceTally();
  let position = 0;
  for (const { result } of inOutputOrder(list, cwd)) {
    for (const group of questionGroups(result).groups) numbers.add(group.question.number);
    evidence.add(result, position++);
  }
  return {
    numbers: [...numbers].sort((a, b) => a - b),
    ids: evidence.summary().map((row) => row.id),
  };
}

function header({ numbers, ids }: Columns): string[] {
  return [
    ...REPORT_COLUMNS,
    ...numbers.flatMap((n) => [`Q${n} words`, `Q${n} images`, `Q${n} status`, `Q${n} note`]),
    ...ids.flatMap((id) => [`${id} state`, `${id} verdict`]),
  ];
}

/** A report's row of figures. */
function rowCells(result: LintResult, { numbers, ids }: Columns, cwd: string): Cell[] {
  const path = relativePath(result.filePath, cwd);
  const tally = questionTally(result.report);
  const byNumber = new Map(questionGroups(result).groups.map((g) => [g.question.number, g]));
  const items = new Map(itemEvidence(result).map((item) => [item.id, item]));
  return [
    path,
    groupName(path),
    result.group.number ?? "",
    result.group.text ?? "",
    result.group.students.join(" "),
    result.report.template.year,
    tally.answered,
    tally.total,
    result.errorCount,
    result.warningCount,
    result.infoCount,
    ...numbers.flatMap((n): Cell[] => {
      const group = byNumber.get(n);
      if (!group) return ["", "", "absent", ""];
      const { counts } = group;
      return [
        counts.words.count ?? "",
        counts.images.count ?? "",
        questionStatus(group.question, group.diagnostics),
        countNote(counts),
      ];
    }),
    ...ids.flatMap((id): Cell[] => {
      const item = items.get(id);
      return item ? [item.state, itemVerdict(item)] : ["absent", ""];
    }),
  ];
}

/**
 * RFC 4180: CRLF line ends, fields quoted where they hold a comma, a quote or a line break. Report text is
 * untrusted: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'` before it, so that a spreadsheet
 * reads it as text, never as a formula; control characters but line breaks and tabs (ESC, NUL) are shown as
 * control pictures, as the `github` format shows them, so that printing the file sends no escape sequence. Each
 * record ends with its line break, so that records made apart join into one file.
 */
function toCsv(records: readonly (readonly Cell[])[]): string {
  const visible = (cell: Cell) => (typeof cell === "string" ? githubVisible(cell) : cell);
  return stringify(
    records.map((record) => record.map(visible)),
    {
      record_delimiter: "windows",
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}

/**
 * A gradebook, a report's records at a time in report order: `records` makes them of a report's row of figures.
 * The results are read twice, first for the columns.
 */
function* gradebookParts(
  list: ResultList,
  cwd: string,
  head: readonly string[],
  records: (cells: Cell[], students: readonly string[]) => Cell[][],
): Generator<string> {
  const columns = columnsOf(list, cwd);
  yield toCsv([[...head, ...header(columns)]]);
  for (const { result } of inOutputOrder(list, cwd))
    yield toCsv(records(rowCells(result, columns, cwd), result.group.students));
}

/** The gradebook: one row per report, its figures, per question its counts and status, per checklist id its state. */
export const csvParts: StreamingReporter = (list, context) =>
  gradebookParts(list, context.cwd, [], (cells) => [cells]);

/**
 * For a learning-management import: one row per study number, its group's figures beside it; a report that
 * gives no study number keeps one row with the student cell empty, so that no group goes missing.
 */
export const csvStudentsParts: StreamingReporter = (list, context) =>
  gradebookParts(list, context.cwd, ["student"], (cells, students) =>
    (students.length > 0 ? students : [""]).map((student) => [student, ...cells]),
  );

export const csv: Reporter = wholeText(csvParts);
export const csvStudents: Reporter = wholeText(csvStudentsParts);
