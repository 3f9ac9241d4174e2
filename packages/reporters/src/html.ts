import type { ChecklistItem, Image, Question, Report } from "@mlops-report/core";
import {
  type Diagnostic,
  type LintResult,
  type QuestionCounts,
  type RuleMeta,
  readerClause,
} from "@mlops-report/rules";
import { evidenceSummary, type ItemEvidence } from "./checklist-evidence.js";
import { type CheckFailures, type ClassSummary, classSummary, showsClassSummary } from "./class-summary.js";
import { evidenceByLine, evidenceTable, itemEvidenceNote } from "./html-evidence.js";
import {
  boundsText,
  checklistFlags,
  coordinate,
  countLabel,
  findingList,
  imageStatus,
  questionLabel,
  type ReportFacts,
  reportFacts,
  ruleTitle,
  withCode,
  wordBar,
} from "./html-parts.js";
import { htmlDocument } from "./html-shell.js";
import { htmlStyle } from "./html-style.js";
import { html, type SafeHtml } from "./html-template.js";
import { groupName, relativePath } from "./paths.js";
import { questionGroups, questionStatus, worst } from "./questions.js";
import { sortResults } from "./sort.js";
import { plural, templateLabel, totals } from "./summary.js";
import type { Reporter, ReporterContext } from "./types.js";

function imageList(images: readonly Image[]): SafeHtml {
  if (images.length === 0) return html`<ul class="images"><li class="empty">no images</li></ul>`;
  return html`<ul class="images">${images.map((image) => {
    const { status, label, detail } = imageStatus(image);
    return html`<li data-image-status="${status}"><span class="status ${status}">${label}</span><span class="path"><code>${image.url}</code>${detail ? html` <span class="muted">(${detail})</span>` : ""}</span></li>`;
  })}</ul>`;
}

function questionCard(
  question: Question,
  counts: QuestionCounts,
  diagnostics: readonly Diagnostic[],
  anchor: string,
  rules: ReadonlyMap<string, RuleMeta>,
): SafeHtml {
  const answer = question.answer;
  const status = questionStatus(question, diagnostics);
  const pill = questionLabel(question, diagnostics);
  const words = counts.words.allowed;
  const images = counts.images.allowed;
  const wordCount = counts.words.count;
  const readerWords = readerClause(counts.words);
  const readerImages = readerClause(counts.images);
  return html`<article class="card ${status}" id="${anchor}" data-question="${question.number}">
<div class="card-head"><div><div class="card-title">Question ${question.number}</div>${
    question.section ? html`<div class="card-section">${question.section}</div>` : ""
  }</div><span class="pill ${status}">${pill}</span></div>
<div class="metric words"><div class="metric-label"><span>Words</span><span><b>${wordCount ?? "?"}</b>${
    words
      ? html` <span class="muted">· allowed ${boundsText(words)}</span>`
      : html` <span class="muted">· no length stated</span>`
  }</span></div>${words && wordCount !== null ? wordBar(wordCount, words) : ""}${
    readerWords ? html`<div class="muted reader-count">${withCode(readerWords)}</div>` : ""
  }</div>
${
  images || answer.images.length > 0
    ? html`<div class="metric images"><div class="metric-label"><span>Images</span><span><b>${counts.images.count ?? "?"}</b>${
        images ? html` <span class="muted">· allowed ${boundsText(images)}</span>` : ""
      }</span></div>${
        readerImages ? html`<div class="muted reader-count">${withCode(readerImages)}</div>` : ""
      }${imageList(answer.images)}</div>`
    : ""
}
${findingList(diagnostics, rules)}${
  answer.state === "answered"
    ? html`<details><summary>Answer text</summary><div class="answer-text">${answer.text}</div></details>`
    : ""
}
</article>`;
}

/** The item's text without the module tag at its end, which the grid shows in its own column. */
function itemText(item: ChecklistItem): string {
  const tag = item.module === null ? "" : ` (${item.module})`;
  return tag !== "" && item.text.endsWith(tag) ? item.text.slice(0, -tag.length) : item.text;
}

function checklistItem(item: ChecklistItem, flags: readonly Diagnostic[], evidence?: ItemEvidence): SafeHtml {
  const severity = worst(flags);
  const classes = ["checklist-item", item.state, flags.length > 0 ? "flagged" : "", severity ?? ""]
    .filter((c) => c !== "")
    .join(" ");
  const mark = item.state === "checked" ? "✓" : item.state === "other" ? "?" : "";
  return html`<li class="${classes}" data-line="${item.line}"><span class="mark" title="[${item.mark}]">${mark}</span><span class="item-text">${withCode(itemText(item))}${
    item.state === "other" ? html` <span class="muted">(marked <code>[${item.mark}]</code>)</span>` : ""
  }</span><span class="module">${item.module ?? ""}</span>${flags.map(
    (d) => html`<span class="flag">⚑ ${withCode(d.message)}</span>`,
  )}${itemEvidenceNote(evidence)}</li>`;
}

function checklistGrid(result: LintResult): SafeHtml {
  const sections = result.report.checklist.sections;
  if (sections.length === 0) return html`<p class="empty">No checklist found in this report.</p>`;
  const flags = checklistFlags(result);
  const evidence = evidenceByLine(result);
  return html`<div class="checklist">${sections.map((section) => {
    const ticked = section.items.filter((item) => item.state === "checked").length;
    return html`<section class="week panel"><h4><span>${section.title}</span><span class="muted">${ticked}/${section.items.length} ticked</span></h4><ul>${section.items.map(
      (item) => checklistItem(item, flags.get(item.line) ?? [], evidence.get(item.line)),
    )}</ul></section>`;
  })}</div>`;
}

function overviewFacts(result: LintResult, facts: ReportFacts): SafeHtml {
  const report: Report = result.report;
  const imageParts = [
    `${facts.images.missing} missing`,
    `${facts.images["in-code"]} in code`,
    ...(facts.images.unrendered > 0 ? [`${facts.images.unrendered} as text`] : []),
    ...(facts.images.remote > 0 ? [`${facts.images.remote} remote`] : []),
  ];
  return html`<dl class="facts panel">
<div><dt>Template</dt><dd>${templateLabel(report)} <small>${report.template.questionCount} questions</small></dd></div>
<div><dt>Questions answered</dt><dd>${facts.tally.answered}/${facts.tally.total}</dd></div>
<div><dt>Findings</dt><dd>${plural(result.errorCount, "error")}, ${plural(result.warningCount, "warning")}${
    result.infoCount > 0 ? html` <small>${result.infoCount} info</small>` : ""
  }</dd></div>
<div><dt>Images</dt><dd>${facts.images.found} found <small>${imageParts.join(", ")}</small></dd></div>
<div><dt>Checklist</dt><dd>${facts.ticked}/${facts.items} ticked <small>${plural(facts.flagged, "item")} flagged</small></dd></div>
</dl>`;
}

function reportSection(
  result: LintResult,
  anchor: string,
  cwd: string,
  rules: ReadonlyMap<string, RuleMeta>,
): SafeHtml {
  const facts = reportFacts(result, cwd);
  const { groups, reportWide } = questionGroups(result);
  const status = worst(result.diagnostics) ?? "ok";
  return html`<section class="report" id="${anchor}" data-report="${facts.path}">
<div class="report-head"><h2>${facts.path}</h2><span class="pill ${status}">${countLabel(result.diagnostics)}</span></div>
${overviewFacts(result, facts)}
<h3>Report-wide findings</h3>
${reportWide.length > 0 ? html`<div class="panel">${findingList(reportWide, rules)}</div>` : html`<p class="empty">None.</p>`}
<h3>Questions</h3>
${groups.length > 0 ? html`<div class="cards">${groups.map(({ question, counts, diagnostics }) => questionCard(question, counts, diagnostics, `${anchor}-q${question.number}`, rules))}</div>` : html`<p class="empty">No questions found in this report.</p>`}
<h3>Checklist</h3>
${checklistGrid(result)}
</section>`;
}

/** Each report's anchor, named after its group (`group-alpha`), unique within the page. */
function reportAnchors(results: readonly LintResult[], cwd: string): Map<string, string> {
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const result of results) {
    const path = relativePath(result.filePath, cwd);
    const base = `group-${groupName(path).replace(/[^A-Za-z0-9_-]+/g, "-")}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    anchors.set(path, anchor);
  }
  return anchors;
}

function classOverview(
  results: readonly LintResult[],
  cwd: string,
  anchors: ReadonlyMap<string, string>,
): SafeHtml {
  const rows = results.map((result) => {
    const facts = reportFacts(result, cwd);
    const { groups } = questionGroups(result);
    const anchor = anchors.get(facts.path) ?? "";
    const cells = groups.map(({ question, diagnostics }) => {
      const status = questionStatus(question, diagnostics);
      const label = questionLabel(question, diagnostics);
      return html`<a class="${status}" href="#${anchor}-q${question.number}" title="Question ${question.number}: ${label}">${question.number}</a>`;
    });
    return html`<tr><td><a href="#${anchor}" title="${facts.path}">${groupName(facts.path)}</a></td><td>${String(result.report.template.year)}</td><td class="num">${facts.tally.answered}/${facts.tally.total}</td><td class="num">${result.errorCount}</td><td class="num">${result.warningCount}</td><td class="num">${facts.images.missing}</td><td class="num">${facts.ticked}/${facts.items}</td></tr>
<tr class="strip-row"><td colspan="7"><div class="strip">${cells}</div></td></tr>`;
  });
  return html`<section class="overview"><h3>Class overview</h3>
<p class="legend muted">Questions: <span class="key ok"></span> no finding <span class="key warning"></span> warning <span class="key error"></span> error <span class="key unanswered"></span> not answered</p>
<div class="table-wrap"><table class="class-overview">
<thead><tr><th>Group</th><th>Template</th><th class="num">Answered</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Images missing</th><th class="num">Ticked</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

function checkRows(
  label: string,
  checks: readonly CheckFailures[],
  rules: ReadonlyMap<string, RuleMeta>,
): SafeHtml[] {
  return checks.map(
    (check, index) =>
      html`<tr><td>${index === 0 ? label : ""}</td><td><code title="${ruleTitle(check.ruleId, rules)}">${check.ruleId}</code></td><td class="num">${check.errors}</td><td class="num">${check.warnings}</td></tr>`,
  );
}

function tickBar(ticked: number, reports: number): SafeHtml {
  const share = reports === 0 ? 0 : ticked / reports;
  return html`<svg class="tickbar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${ticked} of ${reports} ticked"><rect class="track" x="0" y="0" width="100" height="10" rx="2"/><rect class="count" x="0" y="0" width="${coordinate(share * 100)}" height="10" rx="2"/></svg>`;
}

/** The class summary under the overview table: failing checks per question, checklist ticks, most errors. */
export function classSummarySection(
  summary: ClassSummary,
  hrefOf: (filePath: string) => string,
  rules: ReadonlyMap<string, RuleMeta>,
): SafeHtml {
  const checks = [
    ...checkRows("Report-wide", summary.reportWide, rules),
    ...summary.questions.flatMap((q) => checkRows(`Question ${q.question}`, q.checks, rules)),
  ];
  return html`<section class="class-summary"><h3>Class summary</h3>
<p class="muted">${plural(summary.reports, "report")}, ${summary.reportsWithErrors} with errors.</p>
<h4>Groups failing each check</h4>
${
  checks.length > 0
    ? html`<div class="table-wrap"><table class="class-checks">
<thead><tr><th>Where</th><th>Check</th><th class="num">Groups with an error</th><th class="num">With a warning only</th></tr></thead>
<tbody>${checks}</tbody></table></div>`
    : html`<p class="empty">No check fails in any group.</p>`
}
<h4>Checklist: groups that ticked each item</h4>
${
  summary.checklist.length > 0
    ? html`<div class="table-wrap"><table class="class-checklist">
<thead><tr><th>Section</th><th>Item</th><th>Ticked</th></tr></thead>
<tbody>${summary.checklist.map(
        (item) =>
          html`<tr><td>${item.section}</td><td>${withCode(item.text)}</td><td>${tickBar(item.ticked, item.reports)}${item.ticked}/${item.reports}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No checklist in any report.</p>`
}
<h4>Most errors</h4>
${
  summary.mostErrors.length > 0
    ? html`<div class="table-wrap"><table class="class-most-errors">
<thead><tr><th class="num">Errors</th><th class="num">Warnings</th><th>Report</th></tr></thead>
<tbody>${summary.mostErrors.map(
        (group) =>
          html`<tr><td class="num">${group.errors}</td><td class="num">${group.warnings}</td><td><a href="${hrefOf(group.filePath)}" title="${group.filePath}">${groupName(group.filePath)}</a></td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No group has errors.</p>`
}
</section>`;
}

function page(results: readonly LintResult[], context: ReporterContext): string {
  const rules = new Map(context.rules.map((meta) => [meta.id, meta]));
  const sum = totals(results);
  const anchors = reportAnchors(results, context.cwd);
  const title =
    results.length === 1 && results[0]
      ? `mlops-report: ${relativePath(results[0].filePath, context.cwd)}`
      : `mlops-report: ${plural(results.length, "report")}`;
  const body = html`<main>
<header class="page-head"><div><h1>Exam report check</h1><div class="muted">${plural(sum.reports, "report")} · ${plural(sum.errors, "error")} · ${plural(sum.warnings, "warning")} · questions answered ${sum.answered}/${sum.questions}</div></div></header>
${results.length > 1 ? classOverview(results, context.cwd, anchors) : ""}
${showsClassSummary(results, context) ? classSummarySection(classSummary(results, context.cwd), (path) => `#${anchors.get(path) ?? ""}`, rules) : ""}
${showsClassSummary(results, context) ? evidenceTable(evidenceSummary(results)) : ""}
${results.map((result) => reportSection(result, anchors.get(relativePath(result.filePath, context.cwd)) ?? "", context.cwd, rules))}
<footer>Generated by mlops-report ${context.toolVersion}</footer>
</main>`;
  return htmlDocument(title, htmlStyle, body);
}

/** One self-contained page: no script, no external resource, every piece of report text escaped. */
export const htmlReporter: Reporter = (results, context) => page(sortResults(results, context.cwd), context);
