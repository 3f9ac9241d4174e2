import type { LintResult, RuleMeta } from "@mlops-report/rules";
import { evidenceSummary } from "./checklist-evidence.js";
import { classSummary } from "./class-summary.js";
import { classSummarySection } from "./html.js";
import { evidenceTable } from "./html-evidence.js";
import { imageStatus, questionLabel, reportFacts } from "./html-parts.js";
import { html, type SafeHtml } from "./html-template.js";
import { relativePath } from "./paths.js";
import { questionGroups, questionStatus } from "./questions.js";
import { compareStrings } from "./sort.js";
import { plural, totals } from "./summary.js";

/** One group of the class page, with the name of its page in the folder. */
export interface ClassEntry {
  result: LintResult;
  name: string;
}

/** Findings of these rules say an answer's length or image count is outside its question's range. */
const COUNT_RULES = new Set(["answer/word-count", "answer/image-count"]);

interface QuestionRow {
  number: number;
  answered: number;
  unanswered: number;
  outOfRange: number;
  imagesMissing: number;
}

/** Per question across the class: how many groups answered it, left it, missed its range, miss an image of it. */
function questionRows(results: readonly LintResult[]): QuestionRow[] {
  const rows = new Map<number, QuestionRow>();
  for (const result of results) {
    for (const { question, diagnostics } of questionGroups(result).groups) {
      const row = rows.get(question.number) ?? {
        number: question.number,
        answered: 0,
        unanswered: 0,
        outOfRange: 0,
        imagesMissing: 0,
      };
      rows.set(question.number, row);
      if (question.answer.state === "answered") row.answered++;
      else row.unanswered++;
      if (diagnostics.some((d) => COUNT_RULES.has(d.ruleId) && d.severity !== "info")) row.outOfRange++;
      if (question.answer.images.some((image) => imageStatus(image).status === "missing"))
        row.imagesMissing++;
    }
  }
  return [...rows.values()].sort((a, b) => a.number - b.number);
}

function pageHref(name: string): string {
  return `${encodeURIComponent(name)}.html`;
}

/** A sortable column: its label, the data attribute it sorts by, and whether it sorts most first. */
function header(label: string, key: string, numeric: boolean): SafeHtml {
  return html`<th${numeric ? html` class="num"` : ""}><button type="button" data-sort="${key}"${numeric ? html` data-first="descending"` : ""}>${label}</button></th>`;
}

function groupBody({ result, name }: ClassEntry, cwd: string): SafeHtml {
  const facts = reportFacts(result, cwd);
  const { groups } = questionGroups(result);
  const items = [
    ...new Set(result.diagnostics.flatMap((d) => (d.checklistItem === null ? [] : [d.checklistItem]))),
  ];
  const questions = [
    ...new Set(result.diagnostics.flatMap((d) => (d.question === null ? [] : [d.question]))),
  ];
  const year = String(result.report.template.year);
  const cells = groups.map(({ question, diagnostics }) => {
    const status = questionStatus(question, diagnostics);
    return html`<a class="${status}" data-q="${question.number}" href="${pageHref(name)}#q${question.number}" title="Question ${question.number}: ${questionLabel(question, diagnostics)}">${question.number}</a>`;
  });
  return html`<tbody class="group" data-group="${name}" data-year="${year}" data-answered="${facts.tally.answered}" data-errors="${result.errorCount}" data-warnings="${result.warningCount}" data-infos="${result.infoCount}" data-missing="${facts.images.missing}" data-ticked="${facts.ticked}" data-items="${items.sort(compareStrings).join(" ")}" data-questions="${questions.sort((a, b) => a - b).join(" ")}">
<tr><td><a class="group-link" href="${pageHref(name)}" title="${facts.path}">${name}</a></td><td>${year}</td><td class="num">${facts.tally.answered}/${facts.tally.total}</td><td class="num">${result.errorCount}</td><td class="num">${result.warningCount}</td><td class="num">${result.infoCount}</td><td class="num">${facts.images.missing}</td><td class="num">${facts.ticked}/${facts.items}</td></tr>
<tr class="strip-row"><td colspan="8"><div class="strip">${cells}</div></td></tr>
</tbody>`;
}

function filters(results: readonly LintResult[]): SafeHtml {
  const ids = new Set<string>();
  const numbers = new Set<number>();
  for (const result of results) {
    for (const id of Object.keys(result.checklistIds ?? {})) ids.add(id);
    for (const d of result.diagnostics) {
      if (d.checklistItem !== null) ids.add(d.checklistItem);
      if (d.question !== null) numbers.add(d.question);
    }
  }
  return html`<div class="filters panel">
<label><input type="checkbox" id="filter-errors"> Errors only</label>
<label>Findings about checklist item <select id="filter-item"><option value="">any</option>${[...ids].sort(compareStrings).map((id) => html`<option value="${id}">${id}</option>`)}</select></label>
<label>Findings about question <select id="filter-question"><option value="">any</option>${[...numbers].sort((a, b) => a - b).map((n) => html`<option value="${String(n)}">${String(n)}</option>`)}</select></label>
<span class="muted"><span id="shown-count">${results.length}</span> of ${plural(results.length, "group")} shown</span>
</div>`;
}

function questionTable(results: readonly LintResult[]): SafeHtml {
  const rows = questionRows(results);
  return html`<section class="class-questions"><h3>Questions across the class</h3>
<div class="table-wrap"><table class="questions">
<thead><tr><th>Question</th><th class="num">Answered</th><th class="num">Not answered</th><th class="num">Count out of range</th><th class="num">Images missing</th></tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr data-q="${String(row.number)}"><td>Question ${row.number}</td><td class="num">${row.answered}</td><td class="num">${row.unanswered > 0 ? html`<span class="count unanswered">${row.unanswered}</span>` : "0"}</td><td class="num">${row.outOfRange}</td><td class="num">${row.imagesMissing}</td></tr>`,
  )}</tbody></table></div></section>`;
}

/** The class page of the folder: every group with a link to its page, sortable and filtered in the browser. */
export function classPage(
  entries: readonly ClassEntry[],
  cwd: string,
  rules: ReadonlyMap<string, RuleMeta>,
  toolVersion: string,
): SafeHtml {
  const results = entries.map((entry) => entry.result);
  const sum = totals(results);
  const nameOf = new Map(entries.map((entry) => [relativePath(entry.result.filePath, cwd), entry.name]));
  return html`<main class="class-page">
<header class="page-head"><div><h1>Class: ${plural(sum.reports, "report")}</h1><div class="muted">${plural(sum.errors, "error")} · ${plural(sum.warnings, "warning")} · ${sum.infos} info · questions answered ${sum.answered}/${sum.questions}</div></div></header>
${filters(results)}
<p class="legend muted">Questions: <span class="key ok"></span> no finding <span class="key info"></span> info <span class="key warning"></span> warning <span class="key error"></span> error <span class="key unanswered"></span> not answered</p>
<div class="table-wrap"><table class="groups">
<thead><tr>${header("Group", "group", false)}${header("Template", "year", false)}${header("Answered", "answered", true)}${header("Errors", "errors", true)}${header("Warnings", "warnings", true)}${header("Info", "infos", true)}${header("Images missing", "missing", true)}${header("Ticked", "ticked", true)}</tr></thead>
${entries.map((entry) => groupBody(entry, cwd))}
</table></div>
${questionTable(results)}
${classSummarySection(classSummary(results, cwd), (path) => pageHref(nameOf.get(path) ?? ""), rules)}
${evidenceTable(evidenceSummary(results))}
<footer>Generated by mlops-report ${toolVersion}</footer>
</main>`;
}
