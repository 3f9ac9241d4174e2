/** What each gradebook (`--format csv`) row must hold, as the JSON output of the same run gives it. */

interface JsonCount {
  count: number | null;
  reader?: { count: number; why: string[] };
}

export interface JsonResult {
  filePath: string;
  template: { year: number | "unknown" };
  errorCount: number;
  warningCount: number;
  infoCount: number;
  questions: {
    answered: number;
    total: number;
    counts: { question: number; status: string; words: JsonCount; images: JsonCount }[];
  };
  group: { text: string | null; number: string | null; students: string[] };
  checklist?: { id: string; state: string; answers: { severity: string }[]; verdict?: { kind: string } }[];
}

/** A cell a spreadsheet would run as a formula is written with a `'` before it. */
const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const severityRank = ["error", "warning", "info"];

/** The gradebook's cells for one JSON result, by column name, for the columns the header names. */
export function expectedCells(result: JsonResult, header: readonly string[]): Map<string, string> {
  const cells = new Map<string, string>([
    ["report", result.filePath],
    ["group number", result.group.number ?? ""],
    ["group answer", neutral(result.group.text ?? "")],
    ["students", result.group.students.join(" ")],
    ["template", String(result.template.year)],
    ["answered", String(result.questions.answered)],
    ["total", String(result.questions.total)],
    ["errors", String(result.errorCount)],
    ["warnings", String(result.warningCount)],
    ["infos", String(result.infoCount)],
  ]);
  const counts = new Map(result.questions.counts.map((c) => [c.question, c]));
  const items = new Map((result.checklist ?? []).map((item) => [item.id, item]));
  for (const column of header) {
    const question = column.match(/^Q(\d+) (words|images|status)$/);
    if (question) {
      const entry = counts.get(Number(question[1]));
      const field = question[2] as "words" | "images" | "status";
      const value = !entry
        ? field === "status"
          ? "absent"
          : ""
        : field === "status"
          ? entry.status
          : entry[field].count;
      cells.set(column, value === null ? "" : String(value));
    }
    const item = column.match(/^(.+) (state|verdict)$/);
    if (item && !question) {
      const entry = items.get(item[1]!);
      const worst = severityRank.find((s) => entry?.answers.some((a) => a.severity === s)) ?? "ok";
      const verdict = entry?.verdict?.kind ?? worst;
      cells.set(column, item[2] === "state" ? (entry?.state ?? "absent") : entry ? verdict : "");
    }
  }
  return cells;
}

/**
 * The reader's counts a `Qn note` cell must name: `words: a reader sees N` for each count whose JSON has a
 * reader's, nothing when neither has one.
 */
export function expectedNoteParts(result: JsonResult, question: number): string[] {
  const entry = result.questions.counts.find((c) => c.question === question);
  if (!entry) return [];
  return (["words", "images"] as const).flatMap((what) => {
    const reader = entry[what].reader;
    return reader ? [`${what}: a reader sees ${reader.count}`] : [];
  });
}
