import type { ChecklistItem, Report, RepositoryView } from "@mlops-report/core";
import type { ItemVerdict } from "../checklist/verdicts.js";
import { itemsById } from "../checklist-ids.js";
import { builtinFunctions } from "../dsl/builtin-functions.js";
import type { ChecklistEvidence } from "../types.js";
import { type RepositoryFindings, type RepositoryHit, repositoryScope } from "./context.js";
import { forYear, type RepositoryEvidence } from "./evidence.js";

/** What the repository says of one checklist item that has repository evidence. */
export interface ItemRepositoryEvidence {
  id: string;
  item: ChecklistItem;
  evidence: RepositoryEvidence;
  /** Whether the repository holds a trace of the work (null: no such check this year), and where. */
  trace: { found: boolean; complete: boolean; hits: RepositoryHit[] } | null;
  /** Whether the repository clearly shows the group's own work (null: no such check this year), and where. */
  shows: { found: boolean; hits: RepositoryHit[] } | null;
}

function evaluate(
  expr: NonNullable<ReturnType<typeof forYear>>,
  view: RepositoryView,
  reportPath: string,
): { found: boolean; findings: RepositoryFindings } {
  const findings: RepositoryFindings = { hits: [], incomplete: false };
  // Evidence expressions name no question or item: only the repository side is there to read.
  const scope = { report: null, repository: repositoryScope(view, reportPath, findings) };
  const found = expr.evaluate(builtinFunctions.context(scope));
  return { found, findings };
}

const memo = new WeakMap<Report, WeakMap<RepositoryView, ItemRepositoryEvidence[]>>();

/**
 * Per checklist item with an id and repository evidence: what the repository shows, evaluated once per report
 * and view (the rule and the reporters both ask).
 */
export function itemRepositoryEvidence(
  report: Report,
  view: RepositoryView,
  itemIds: ReadonlyMap<string, ChecklistItem>,
  evidence: ReadonlyMap<string, RepositoryEvidence>,
): ItemRepositoryEvidence[] {
  let byView = memo.get(report);
  const known = byView?.get(view);
  if (known) return known;
  const out: ItemRepositoryEvidence[] = [];
  for (const [id, item] of itemIds) {
    const entry = evidence.get(id);
    if (!entry) continue;
    // Only a ticked item's trace is ever judged: an unticked one is not searched for it.
    const traceExpr = item.state === "checked" ? forYear(entry.trace, report.template.year) : null;
    const showsExpr = forYear(entry.shows, report.template.year);
    if (!forYear(entry.trace, report.template.year) && !showsExpr) continue;
    const trace = traceExpr ? evaluate(traceExpr, view, report.source.path) : null;
    const shows = showsExpr ? evaluate(showsExpr, view, report.source.path) : null;
    out.push({
      id,
      item,
      evidence: entry,
      trace: trace && {
        found: trace.found,
        complete: !trace.findings.incomplete,
        hits: trace.found ? trace.findings.hits : [],
      },
      shows: shows && { found: shows.found, hits: shows.found ? shows.findings.hits : [] },
    });
  }
  out.sort((a, b) => a.item.line - b.item.line);
  if (!byView) {
    byView = new WeakMap();
    memo.set(report, byView);
  }
  byView.set(view, out);
  return out;
}

/** Every checklist item with an id, in checklist order, with what the repository (if any) shows of it. */
export function checklistEvidence(
  report: Report,
  view: RepositoryView | null,
  checklist: ReadonlyMap<string, RegExp>,
  evidence: ReadonlyMap<string, RepositoryEvidence>,
  verdicts: readonly ItemVerdict[] = [],
): ChecklistEvidence[] {
  const verdictOf = new Map(verdicts.map((v) => [v.id, v]));
  const items = itemsById(report, checklist);
  const shown = new Map(
    view ? itemRepositoryEvidence(report, view, items, evidence).map((e) => [e.id, e]) : [],
  );
  return [...items]
    .sort(([, a], [, b]) => a.line - b.line)
    .map(([id, item]) => {
      const found = shown.get(id);
      const verdict = verdictOf.get(id);
      return {
        ...(verdict
          ? {
              verdict: {
                kind: verdict.row.kind,
                answers: verdict.answers,
                repository: verdict.repository,
                severity: verdict.row.severity,
                rule: verdict.row.rule,
                reasons: verdict.reasons,
              },
            }
          : {}),
        id,
        line: item.line,
        text: item.text,
        state: item.state,
        repository: found
          ? {
              trace: found.trace && {
                found: found.trace.found,
                complete: found.trace.complete,
                files: found.trace.hits,
              },
              shows: found.shows && { found: found.shows.found, files: found.shows.hits },
            }
          : null,
      };
    });
}

/** `src/train.py`, or `src/train.py line 3 ("import wandb")` for a content match. */
export function describeHit(hit: RepositoryHit): string {
  return hit.line === undefined ? hit.path : `${hit.path} line ${hit.line} ("${hit.text ?? ""}")`;
}
