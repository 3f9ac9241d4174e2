import type { LintResult } from "@mlops-report/rules";
import type pc from "picocolors";
import { type EvidenceRow, itemEvidence, repositoryLabel } from "./checklist-evidence.js";
import { terminalSafe } from "./escape.js";
import { truncateText, wrapText } from "./text-width.js";

type Colors = ReturnType<typeof pc.createColors>;

const width = 80;
const MARKS = { checked: "[x]", unchecked: "[ ]", other: "[?]" } as const;

/**
 * `  line 26 [x] dvc` and under it what the answers and the repository say, for `--show-evidence`.
 * Items neither the answers nor the repository say anything about are left out.
 */
export function itemEvidenceLines(result: LintResult, c: Colors): string[] {
  const items = itemEvidence(result).filter((item) => item.answers.length > 0 || item.repository !== null);
  if (items.length === 0) return [];
  const lines = [c.bold("  Checklist evidence")];
  for (const item of items) {
    lines.push(`    line ${item.line} ${MARKS[item.state]} ${c.bold(terminalSafe(item.id))}`);
    const notes = [
      ...item.answers.map((a) => `answers: ${a.message}`),
      ...(repositoryLabel(item) === null ? [] : [`repository: ${repositoryLabel(item)}`]),
    ];
    for (const note of notes) {
      const wrapped = wrapText(terminalSafe(note), width - 8);
      lines.push(...wrapped.map((line) => `      ${c.dim(line)}`));
    }
  }
  return lines;
}

/** `dvc   14 ticked · 12 described · 15 trace · 13 shown`, one id a line. */
export function evidenceTableLines(rows: readonly EvidenceRow[], c: Colors): string[] {
  if (rows.length === 0) return [];
  const idWidth = Math.min(24, Math.max(...rows.map((r) => r.id.length)));
  const n = (value: number | null) => (value === null ? "-" : String(value)).padStart(3);
  return [
    c.bold("Checklist by id: groups that ticked · described · have a trace · show it in the repository"),
    ...rows.map(
      (r) =>
        `    ${truncateText(terminalSafe(r.id), idWidth).padEnd(idWidth)}  ${n(r.ticked)} ·${n(r.described)} ·${n(r.trace)} ·${n(r.shown)}  of ${r.reports}`,
    ),
  ];
}
