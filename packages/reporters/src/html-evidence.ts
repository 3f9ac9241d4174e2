import type { LintResult } from "@mlops-report/rules";
import { type EvidenceRow, type ItemEvidence, itemEvidence, repositoryLabel } from "./checklist-evidence.js";
import { html, type SafeHtml } from "./html-template.js";

/** Per checklist line: the item's evidence, for the grid. */
export function evidenceByLine(result: LintResult): Map<number, ItemEvidence> {
  return new Map(itemEvidence(result).map((item) => [item.line, item]));
}

/** Under a checklist item: its id and what the repository shows of it. */
export function itemEvidenceNote(item: ItemEvidence | undefined): SafeHtml | "" {
  if (!item) return "";
  const repository = repositoryLabel(item);
  return html`<span class="evidence"><code>${item.id}</code>${repository === null ? "" : html` · repository: ${repository}`}</span>`;
}

const cell = (value: number | null): string => (value === null ? "–" : String(value));

/** The class table per checklist id: groups that ticked it, described it, and show it in the repository. */
export function evidenceTable(rows: readonly EvidenceRow[]): SafeHtml | "" {
  if (rows.length === 0) return "";
  return html`<section class="class-summary"><h4>Checklist by id: ticked, described, shown in the repository</h4>
<div class="table-wrap"><table class="class-evidence">
<thead><tr><th>Id</th><th class="num">Reports</th><th class="num">Ticked</th><th class="num">Described</th><th class="num">Trace in repository</th><th class="num">Shown in repository</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr><td><code>${r.id}</code></td><td class="num">${r.reports}</td><td class="num">${r.ticked}</td><td class="num">${r.described}</td><td class="num">${cell(r.trace)}</td><td class="num">${cell(r.shown)}</td></tr>`,
  )}</tbody></table></div></section>`;
}
