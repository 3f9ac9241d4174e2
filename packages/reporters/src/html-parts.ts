import type { Bounds, Image, Question } from "@mlops-report/core";
import type { Diagnostic, LintResult, RuleMeta } from "@mlops-report/rules";
import { type HtmlPart, html, type SafeHtml } from "./html-template.js";
import { relativePath } from "./paths.js";
import { plural, questionTally } from "./summary.js";

/** Pieces that the one-page report and the graders' folder of pages draw alike. */

export function countLabel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const infos = diagnostics.length - errors - warnings;
  const parts = [
    ...(errors > 0 ? [plural(errors, "error")] : []),
    ...(warnings > 0 ? [plural(warnings, "warning")] : []),
  ];
  if (parts.length > 0) return parts.join(", ");
  return infos > 0 ? `${infos} info` : "OK";
}

/** Markdown code spans (`like this`) shown as code; every piece is still escaped. */
export function withCode(text: string): SafeHtml {
  const pieces = text.split(/`([^`]+)`/);
  return html`${pieces.map((piece, index) => (index % 2 === 1 ? html`<code>${piece}</code>` : piece))}`;
}

/** Rounded so that SVG coordinates print the same everywhere. */
export function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function boundsText(bounds: Bounds): string {
  return bounds.min === bounds.max ? String(bounds.min) : `${bounds.min}–${bounds.max}`;
}

const barWidth = 300;

/** The allowed band shaded on a track and the actual count drawn over it. */
export function wordBar(count: number, bounds: Bounds): SafeHtml {
  const min = Math.min(bounds.min, bounds.max);
  const max = Math.max(bounds.min, bounds.max);
  const scale = Math.max(max * 1.25, count * 1.05, 10);
  const x = (value: number) => Math.min(barWidth, (value / scale) * barWidth);
  const countClass = count >= min && count <= max ? "in" : "out";
  return html`<svg class="wordbar" viewBox="0 0 ${barWidth} 16" preserveAspectRatio="none" role="img" aria-label="${count} words; ${min} to ${max} allowed" data-words="${count}" data-min="${min}" data-max="${max}">
<rect class="track" x="0" y="3" width="${barWidth}" height="10" rx="3"/>
<rect class="band" x="${coordinate(x(min))}" y="1" width="${coordinate(x(max) - x(min))}" height="14"/>
<line class="edge" x1="${coordinate(x(min))}" x2="${coordinate(x(min))}" y1="0" y2="16"/>
<line class="edge" x1="${coordinate(x(max))}" x2="${coordinate(x(max))}" y1="0" y2="16"/>
<rect class="count ${countClass}" x="0" y="5" width="${coordinate(x(count))}" height="6" rx="2"/>
</svg>`;
}

export type ImageStatus = "found" | "missing" | "in-code" | "unrendered" | "remote" | "not-checked";

export function imageStatus(image: Image): { status: ImageStatus; label: string; detail: string | null } {
  if (image.kind === "in-code") return { status: "in-code", label: "in code", detail: "renders as code" };
  if (image.kind === "unrendered")
    return { status: "unrendered", label: "as text", detail: "does not render" };
  if (image.kind === "remote") return { status: "remote", label: "remote", detail: "not fetched" };
  switch (image.exists) {
    case "exists":
      return { status: "found", label: "found", detail: null };
    case "missing":
      return { status: "missing", label: "missing", detail: null };
    case "case-mismatch":
      return {
        status: "missing",
        label: "missing",
        detail: image.actualPath ? `letter case differs from ${image.actualPath}` : "letter case differs",
      };
    case "outside-repository":
      return { status: "missing", label: "outside", detail: "outside the repository" };
    default:
      return { status: "not-checked", label: "not checked", detail: null };
  }
}

export function ruleTitle(ruleId: string, rules: ReadonlyMap<string, RuleMeta>): string {
  return rules.get(ruleId)?.description ?? ruleId;
}

export function findingList(
  diagnostics: readonly Diagnostic[],
  rules: ReadonlyMap<string, RuleMeta>,
): HtmlPart {
  if (diagnostics.length === 0) return null;
  return html`<ul class="findings">${diagnostics.map(
    (d) =>
      html`<li class="finding ${d.severity}"><span class="dot ${d.severity}"></span><div><div class="message">${withCode(d.message)}</div><div class="finding-meta">line ${d.line}:${d.column} · ${d.severity} · <code title="${ruleTitle(d.ruleId, rules)}">${d.ruleId}</code>${d.checklistItem ? html` · item <code>${d.checklistItem}</code>` : ""}</div></div></li>`,
  )}</ul>`;
}

/** What a question's pill says: its findings, or its state when it has none and is not answered. */
export function questionLabel(question: Question, diagnostics: readonly Diagnostic[]): string {
  const state = question.answer.state;
  if (state === "answered" || diagnostics.length > 0) return countLabel(diagnostics);
  return state === "placeholder" ? "placeholder left" : "not answered";
}

/**
 * The checklist findings of each item, by the item's line: a finding about an item by its id (a consistency
 * finding sits at the answer it quotes), else a checklist finding at the item's own line.
 */
export function checklistFlags(result: LintResult): Map<number, Diagnostic[]> {
  const lineOfId = new Map(Object.entries(result.checklistIds ?? {}));
  const flags = new Map<number, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const line = d.checklistItem === null ? undefined : lineOfId.get(d.checklistItem);
    const at = line ?? (d.ruleId.startsWith("checklist/") ? d.line : undefined);
    if (at === undefined) continue;
    const list = flags.get(at) ?? [];
    list.push(d);
    flags.set(at, list);
  }
  return flags;
}

export interface ReportFacts {
  path: string;
  tally: { answered: number; total: number };
  images: Record<ImageStatus, number>;
  ticked: number;
  items: number;
  flagged: number;
}

export function reportFacts(result: LintResult, cwd: string): ReportFacts {
  const images: Record<ImageStatus, number> = {
    found: 0,
    missing: 0,
    "in-code": 0,
    unrendered: 0,
    remote: 0,
    "not-checked": 0,
  };
  // The answers' images only: the template's own instructions show image syntax in code, too.
  for (const image of result.report.images) if (image.question !== null) images[imageStatus(image).status]++;
  const items = result.report.checklist.sections.flatMap((section) => section.items);
  const flags = checklistFlags(result);
  return {
    path: relativePath(result.filePath, cwd),
    tally: questionTally(result.report),
    images,
    ticked: items.filter((item) => item.state === "checked").length,
    items: items.length,
    flagged: items.filter((item) => flags.has(item.line)).length,
  };
}
