import type { Image, Question } from "@mlops-report/core";
import type { Diagnostic, LintResult, RuleMeta } from "@mlops-report/rules";
import type { Element, Root, RootContent } from "hast";
import type { ItemEvidence } from "./checklist-evidence.js";
import { evidenceByLine, itemEvidenceNote } from "./html-evidence.js";
import { FIGURE_FORMATS, figureHref, figurePath, isFigureFile } from "./html-figures.js";
import { eachElement, nodeHtml, renderMarkdown, trusted } from "./html-markdown.js";
import {
  boundsText,
  checklistFlags,
  findingList,
  imageStatus,
  questionLabel,
  withCode,
  wordBar,
} from "./html-parts.js";
import { html, SafeHtml } from "./html-template.js";
import { relativePath } from "./paths.js";
import { questionStatus } from "./questions.js";
import { plural, questionTally } from "./summary.js";

/** A repository file the page shows: where its copy goes in the folder, and its repository-relative path. */
export interface FigureCopy {
  path: string;
  file: string;
}

export interface ReportPageOptions {
  /** The page's name in the folder: its file is `<name>.html`, its figures are under `<name>/`. */
  name: string;
  rules: ReadonlyMap<string, RuleMeta>;
  cwd: string;
  /** The class page to link back to, or null. */
  classPage: string | null;
}

export interface ReportPage {
  title: string;
  body: SafeHtml;
  figures: FigureCopy[];
}

/** The model's image that a rendered `<img>` is: the one written where it stands, else one of its URL on its line. */
function imageFinder(images: readonly Image[]): (element: Element) => Image | undefined {
  const byPlace = new Map(images.map((image) => [`${image.line}:${image.column}`, image]));
  return (element) => {
    const start = element.position?.start;
    if (!start) return undefined;
    const src = element.properties.src;
    return (
      byPlace.get(`${start.line}:${start.column}`) ??
      images.find((image) => image.line === start.line && image.url === src)
    );
  };
}

/**
 * An image as the folder shows it: the copy of its file when the image rules found the file and it is a figure
 * format, else a box that says why nothing is shown.
 */
function figure(
  image: Image | undefined,
  element: Element,
  name: string,
  figures: Map<string, FigureCopy>,
): string {
  const alt = typeof element.properties.alt === "string" ? element.properties.alt : "";
  if (image === undefined)
    return html`<span class="figure-box not-checked" data-image-status="not-checked"><b>image</b> ${alt} <span class="muted">(not known to the image rules: not shown)</span></span>`
      .value;
  const { status, label, detail } = imageStatus(image);
  if (status === "found" && image.resolved !== null && isFigureFile(image.resolved)) {
    const path = figurePath(name, image.resolved);
    figures.set(path, { path, file: image.resolved });
    const size = ["width", "height"].map((key) => {
      const value = element.properties[key];
      return typeof value === "number" || typeof value === "string" ? html` ${key}="${String(value)}"` : "";
    });
    return html`<img class="figure" src="${figureHref(name, image.resolved)}" alt="${alt}"${size} data-image="${image.resolved}">`
      .value;
  }
  const why = status === "found" ? `not a ${FIGURE_FORMATS} file: not shown` : detail;
  return html`<span class="figure-box ${status}" data-image-status="${status}"><b>${label}</b> <code>${image.url}</code>${why ? html` <span class="muted">(${why})</span>` : ""}</span>`
    .value;
}

/** A link into the repository leads nowhere in the folder: it keeps its text and says where it pointed. */
function isRepositoryLink(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("#") && !href.startsWith("//");
}

function adjustLink(element: Element): void {
  const href = element.properties.href;
  if (typeof href !== "string") return;
  if (isRepositoryLink(href)) {
    delete element.properties.href;
    element.properties.className = ["repository-link"];
    element.properties.title = `${href} in the repository`;
  } else if (!href.startsWith("#")) element.properties.rel = ["nofollow", "noopener", "noreferrer"];
}

function itemNote(flags: readonly Diagnostic[], evidence: ItemEvidence | undefined): string {
  if (flags.length === 0 && evidence === undefined) return "";
  return html`<div class="item-note">${flags.map(
    (d) =>
      html`<span class="flag ${d.severity}">⚑ ${withCode(d.message)} <span class="muted">(line ${d.line}, <code>${d.ruleId}</code>)</span></span>`,
  )}${itemEvidenceNote(evidence)}</div>`.value;
}

/** Images, links and checklist items made what the folder shows; returns the diagnostics shown at their item. */
function annotate(
  tree: Root,
  result: LintResult,
  name: string,
  figures: Map<string, FigureCopy>,
): Set<Diagnostic> {
  const findImage = imageFinder(result.report.images);
  const items = new Set(
    result.report.checklist.sections.flatMap((section) => section.items.map((item) => item.line)),
  );
  const flags = checklistFlags(result);
  const evidence = evidenceByLine(result);
  const shownAtItem = new Set<Diagnostic>();
  eachElement(tree, (element, parent, index) => {
    if (element.tagName === "img") {
      parent.children[index] = trusted(figure(findImage(element), element, name, figures));
      return;
    }
    if (element.tagName === "a") adjustLink(element);
    const line = element.position?.start.line;
    if (element.tagName !== "li" || line === undefined || !items.has(line)) return;
    const itemFlags = flags.get(line) ?? [];
    for (const d of itemFlags) if (d.line === line) shownAtItem.add(d);
    const note = itemNote(itemFlags, evidence.get(line));
    if (note !== "") element.children.push(trusted(note));
  });
  return shownAtItem;
}

interface Row {
  nodes: RootContent[];
  start: number;
  question: Question | null;
  diagnostics: Diagnostic[];
}

/** The rendered report cut at its top-level blocks, each with the question that starts in it. */
function rows(tree: Root, questions: readonly Question[]): Row[] {
  const found: Row[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.line;
    const last = found.at(-1);
    if (start === undefined || last === undefined) {
      if (last) last.nodes.push(node);
      else found.push({ nodes: [node], start: start ?? 1, question: null, diagnostics: [] });
      continue;
    }
    found.push({ nodes: [node], start, question: null, diagnostics: [] });
  }
  const seen = new Set<number>();
  for (const question of questions) {
    if (seen.has(question.number)) continue;
    seen.add(question.number);
    const row = rowAt(found, question.line);
    if (row && row.question === null) row.question = question;
  }
  // A question's prompt stays beside its heading, so that the question's notes have room beside both.
  const kept: Row[] = [];
  let heading: Row | null = null;
  for (const row of found) {
    const first = row.nodes[0];
    if (heading && !row.question && first?.type === "element" && first.tagName === "blockquote") {
      heading.nodes.push(...row.nodes);
      heading = null;
      continue;
    }
    heading = row.question ? row : null;
    kept.push(row);
  }
  return kept;
}

/** The block a line falls in: the last that starts at or before it (the first for a line above them all). */
function rowAt(list: readonly Row[], line: number): Row | undefined {
  let at = list[0];
  for (const row of list) {
    if (row.start > line) break;
    at = row;
  }
  return at;
}

function questionChip(question: Question, diagnostics: readonly Diagnostic[]): SafeHtml {
  const status = questionStatus(question, diagnostics);
  const { words, images } = question.constraints;
  const answer = question.answer;
  return html`<div class="question-chip ${status}"><div class="chip-head"><b>Question ${question.number}</b><span class="pill ${status}">${questionLabel(question, diagnostics)}</span></div>
<div class="chip-line">${plural(answer.words.prose, "word")}${words ? html` <span class="muted">· allowed ${boundsText(words)}</span>` : ""}</div>${words ? wordBar(answer.words.prose, words) : ""}${
    images || answer.images.length > 0
      ? html`<div class="chip-line">${plural(answer.imageCount.prose, "image")}${images ? html` <span class="muted">· allowed ${boundsText(images)}</span>` : ""}</div>`
      : ""
  }</div>`;
}

function rowHtml(
  row: Row,
  byQuestion: ReadonlyMap<number, Diagnostic[]>,
  rules: ReadonlyMap<string, RuleMeta>,
): SafeHtml {
  const question = row.question;
  const notes = html`${question ? questionChip(question, byQuestion.get(question.number) ?? []) : ""}${findingList(row.diagnostics, rules)}`;
  const markup = nodeHtml({ type: "root", children: row.nodes });
  return html`<div class="row${row.diagnostics.length > 0 ? " has-findings" : ""}"${question ? html` id="q${question.number}" data-question="${question.number}"` : ""}><div class="md">${new SafeHtml(markup)}</div><aside class="notes">${notes}</aside></div>`;
}

function bar(result: LintResult, name: string, path: string, classPage: string | null): SafeHtml {
  const tally = questionTally(result.report);
  return html`<header class="bar">${classPage ? html`<a class="back" href="${classPage}">← Class</a>` : ""}<span class="group">${name}</span><span class="muted bar-path">${path}</span><span class="counts"><span class="pill ${result.errorCount > 0 ? "error" : "ok"}" data-count="errors">${plural(result.errorCount, "error")}</span><span class="pill ${result.warningCount > 0 ? "warning" : "ok"}" data-count="warnings">${plural(result.warningCount, "warning")}</span><span class="pill ${result.infoCount > 0 ? "info" : "ok"}" data-count="infos">${result.infoCount} info</span><span class="pill ${tally.answered < tally.total ? "unanswered" : "ok"}" data-count="answered">answered ${tally.answered}/${tally.total}</span></span></header>`;
}

/**
 * One report's page for graders: the report as GitHub renders it, each finding beside the block it concerns,
 * each checklist item with its findings and evidence, and the figures it shows (to be copied beside the page).
 */
export function reportPage(result: LintResult, options: ReportPageOptions): ReportPage {
  const path = relativePath(result.filePath, options.cwd);
  const tree = renderMarkdown(result.report.source.text, result.report.source.frontMatter);
  const figures = new Map<string, FigureCopy>();
  const shownAtItem = annotate(tree, result, options.name, figures);
  const blocks = rows(tree, result.report.questions);
  for (const d of result.diagnostics) if (!shownAtItem.has(d)) rowAt(blocks, d.line)?.diagnostics.push(d);
  const byQuestion = new Map<number, Diagnostic[]>();
  for (const d of result.diagnostics)
    if (d.question !== null) byQuestion.set(d.question, [...(byQuestion.get(d.question) ?? []), d]);
  const body = html`${bar(result, options.name, path, options.classPage)}
<main class="report-page" data-report="${path}">
<div class="markdown-body">${blocks.map((row) => rowHtml(row, byQuestion, options.rules))}</div>
</main>`;
  return { title: `${options.name}: ${path}`, body, figures: [...figures.values()] };
}
