import type { LintResult } from "@mlops-report/rules";
import { readerClause } from "@mlops-report/rules";
import { stringify } from "csv-stringify/sync";
import { evidenceSummary, type ItemEvidence, itemEvidence } from "./checklist-evidence.js";
import { githubVisible } from "./escape.js";
import { groupName, relativePath } from "./paths.js";
import { type QuestionGroup, questionGroups, questionStatus, worst } from "./questions.js";
import { sortResults } from "./sort.js";
import { questionTally } from "./summary.js";
import type { Reporter } from "./types.js";

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

interface Gradebook {
  header: string[];
  /** One row per report, in report order, with the report's study numbers. */
  rows: { students: readonly string[]; cells: Cell[] }[];
}

/** Every question number and checklist id of the class, and per report its row of figures. */
function gradebook(results: readonly LintResult[], cwd: string): Gradebook {
  const sorted = sortResults(results, cwd);
  const byReport = sorted.map((result) => ({ result, groups: questionGroups(result).groups }));
  const numbers = [...new Set(byReport.flatMap(({ groups }) => groups.map((g) => g.question.number)))].sort(
    (a, b) => a - b,
  );
  const ids = evidenceSummary(sorted).map((row) => row.id);
  const header = [
    ...REPORT_COLUMNS,
    ...numbers.flatMap((n) => [`Q${n} words`, `Q${n} images`, `Q${n} status`, `Q${n} note`]),
    ...ids.flatMap((id) => [`${id} state`, `${id} verdict`]),
  ];
  const rows = byReport.map(({ result, groups }) => {
    const path = relativePath(result.filePath, cwd);
    const tally = questionTally(result.report);
    const byNumber = new Map(groups.map((g) => [g.question.number, g]));
    const items = new Map(itemEvidence(result).map((item) => [item.id, item]));
    const cells: Cell[] = [
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
    return { students: result.group.students, cells };
  });
  return { header, rows };
}

/**
 * RFC 4180: CRLF line ends, fields quoted where they hold a comma, a quote or a line break. Report text is
 * untrusted: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a `'` before it, so that a spreadsheet
 * reads it as text, never as a formula; control characters but line breaks and tabs (ESC, NUL) are shown as
 * control pictures, as the `github` format shows them, so that printing the file sends no escape sequence.
 */
function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const visible = (cell: Cell) => (typeof cell === "string" ? githubVisible(cell) : cell);
  return stringify(
    [header, ...rows].map((row) => row.map(visible)),
    {
      record_delimiter: "windows",
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}

/** The gradebook: one row per report, its figures, per question its counts and status, per checklist id its state. */
export const csv: Reporter = (results, context) => {
  const { header, rows } = gradebook(results, context.cwd);
  return toCsv(
    header,
    rows.map((row) => row.cells),
  );
};

/**
 * For a learning-management import: one row per study number, its group's figures beside it; a report that
 * gives no study number keeps one row with the student cell empty, so that no group goes missing.
 */
export const csvStudents: Reporter = (results, context) => {
  const { header, rows } = gradebook(results, context.cwd);
  return toCsv(
    ["student", ...header],
    rows.flatMap((row) =>
      (row.students.length > 0 ? row.students : [""]).map((student) => [student, ...row.cells]),
    ),
  );
};
