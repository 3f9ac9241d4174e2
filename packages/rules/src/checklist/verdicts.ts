import type { ChecklistItem, Report, RepositoryView } from "@mlops-report/core";
import { itemsById } from "../checklist-ids.js";
import type { CompiledConsistency } from "../config/derive.js";
import type { CheckKind } from "../config/load.js";
import type { EvalContext } from "../dsl/index.js";
import type { EvidenceStore } from "../evidence/store.js";
import type { RepositoryHit } from "../repository/context.js";
import type { RepositoryEvidence } from "../repository/evidence.js";
import { describeHit, type ItemRepositoryEvidence, itemRepositoryEvidence } from "../repository/items.js";
import type { Finding, Severity } from "../types.js";
import { evalContext, type Quote, type Quotes } from "./answer-context.js";
import { fillMessage, locate, placeAtQuote, quoteEvidence, referencesOf } from "./messages.js";
import { type AnswersSay, judge, type RepositoryShows, type VerdictRow } from "./verdict.js";

/** One checklist item's verdict: what each source says, how they agree, and the finding that follows, if any. */
export interface ItemVerdict {
  id: string;
  item: ChecklistItem;
  answers: AnswersSay;
  repository: RepositoryShows;
  row: VerdictRow;
  /** One line per piece of evidence the verdict rests on. */
  reasons: string[];
  finding: (Finding & { severity?: Severity }) | null;
}

export interface VerdictInputs {
  report: Report;
  repository: RepositoryView | null;
  checklist: ReadonlyMap<string, RegExp>;
  repositoryEvidence: ReadonlyMap<string, RepositoryEvidence>;
  consistency: readonly CompiledConsistency[];
  evidenceStore: EvidenceStore | null;
}

type Checks = Partial<Record<CheckKind, CompiledConsistency>>;

/** The derived checks of each id: the answers' half of its verdict. */
function checksById(consistency: readonly CompiledConsistency[]): Map<string, Checks> {
  const out = new Map<string, Checks>();
  for (const c of consistency) {
    if (!c.item) continue;
    const checks = out.get(c.item.id) ?? {};
    checks[c.item.kind] = c;
    out.set(c.item.id, checks);
  }
  return out;
}

/** A check's outcome: `skip` when its `when` does not hold, else whether its assertion held, with the quotes. */
interface Outcome {
  result: "skip" | "holds" | "fails";
  quotes: Quotes;
}

function run(c: CompiledConsistency | undefined, ctx: EvalContext, quotes: Quotes, guard = true): Outcome {
  quotes.denial = null;
  quotes.mention = null;
  quotes.hedge = null;
  if (!c || (guard && c.when && !c.when.evaluate(ctx))) return { result: "skip", quotes: { ...quotes } };
  const result = c.assert.evaluate(ctx) ? "holds" : "fails";
  return { result, quotes: { ...quotes } };
}

/** The hedge quote of an id's described check: evaluated for its quotes alone. */
function hedgeOf(checks: Checks, ctx: EvalContext, quotes: Quotes): Quote | null {
  const hedged = checks.described?.item?.hedged;
  quotes.hedge = null;
  return hedged?.(ctx) ? quotes.hedge : null;
}

interface AnswersReading {
  say: AnswersSay;
  /** The check whose message a finding about the answers uses, and its outcome's quotes. */
  check: CompiledConsistency | null;
  quotes: Quotes;
}

const NO_QUOTES: Quotes = { denial: null, mention: null, hedge: null };

function readTicked(checks: Checks, ctx: EvalContext, quotes: Quotes): AnswersReading {
  const denied = run(checks.denied, ctx, quotes);
  if (denied.result === "fails")
    return { say: "denied", check: checks.denied ?? null, quotes: denied.quotes };
  const described = run(checks.described, ctx, quotes);
  if (described.result === "fails") {
    const hedge = hedgeOf(checks, ctx, quotes);
    if (hedge) return { say: "hedged", check: checks.described ?? null, quotes: { ...NO_QUOTES, hedge } };
    return { say: "absent", check: checks.described ?? null, quotes: described.quotes };
  }
  if (described.result === "holds") {
    const say = described.quotes.denial && described.quotes.mention ? "mixed" : "described";
    return { say, check: null, quotes: described.quotes };
  }
  // The described check's `when` asks that its first question be answered; `answer/filled` reports that it is not.
  return { say: checks.described ? "unanswered" : "not-asked", check: null, quotes: NO_QUOTES };
}

function readUnticked(checks: Checks, ctx: EvalContext, quotes: Quotes): AnswersReading {
  const unticked = run(checks.unticked, ctx, quotes);
  if (unticked.result === "fails") {
    // An info needs evidence that agrees: a mention beside a denial, a plan or an attempt of the same work in the
    // same questions ("we experimented with it, but it was never merged") is no sign of work done.
    const denied = checks.unticked?.item?.denied?.(ctx) === true;
    if (denied || hedgeOf(checks, ctx, quotes)) return { say: "mixed", check: null, quotes: unticked.quotes };
    return { say: "described", check: checks.unticked ?? null, quotes: unticked.quotes };
  }
  // Read without the ticked-item guards: a denial or a plan keeps the repository's info away too.
  const denied = run(checks.denied, ctx, quotes, false);
  if (denied.result === "fails") return { say: "denied", check: null, quotes: denied.quotes };
  const described = run(checks.described, ctx, quotes, false);
  if (described.result === "fails") {
    const hedge = hedgeOf(checks, ctx, quotes);
    if (hedge) return { say: "hedged", check: null, quotes: { ...NO_QUOTES, hedge } };
  }
  const asked = checks.unticked ?? checks.described ?? checks.denied;
  return { say: asked ? "absent" : "not-asked", check: null, quotes: NO_QUOTES };
}

function repositoryShows(
  found: ItemRepositoryEvidence | undefined,
  view: RepositoryView | null,
): RepositoryShows {
  if (view === null || view.unreadable() !== null) return "unknown";
  if (!found) return "not-checked";
  if (found.shows?.found) return "shows";
  if (found.trace?.found) return "trace";
  // Only `trace` can say there is nothing: `shows` is narrow, and its absence says only that the work is not
  // clearly the group's. A ticked item's trace alone is searched.
  if (found.trace) return found.trace.complete ? "nothing" : "unknown";
  return "not-checked";
}

/** The first file or line behind the repository's state, for messages and reasons. */
function repositoryHit(found: ItemRepositoryEvidence | undefined): RepositoryHit | null {
  if (found?.shows?.found) return found.shows.hits[0] ?? null;
  if (found?.trace?.found) return found.trace.hits[0] ?? null;
  return null;
}

const HEDGED_MESSAGE =
  "Checklist line {line} ticks {item}, but Question {question} only plans, tries or considers it: {hedge}. Describe what was done, or untick it";
const CONTRADICTED_MESSAGE =
  "Checklist line {line} ticks {item} and the repository has {evidence}, but Question {question} denies {term}: {denial}. Correct the answer, or untick it";
const DESCRIBED_NO_TRACE_MESSAGE =
  "Checklist line {line} ticks {item} and Question {question} describes it, but the repository has {absent}";
const NO_TRACE_MESSAGE = "Checklist line {line} ticks {item}, but the repository has {absent}";
const UNTICKED_SHOWN_MESSAGE =
  "Checklist line {line} leaves {item} unticked, but the repository has {present}: {file}";

/** The lower of two severities: a contradicted denial is never reported above a warning. */
function atMost(a: Severity, b: Severity): Severity {
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  return rank[a] <= rank[b] ? a : b;
}

function findingOf(
  v: Omit<ItemVerdict, "finding" | "reasons">,
  reading: AnswersReading,
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
  found: ItemRepositoryEvidence | undefined,
): ItemVerdict["finding"] {
  const { row, item } = v;
  if (row.severity === null) return null;
  const hit = repositoryHit(found);
  const extra = {
    absent: found?.evidence.absent ?? "",
    present: found?.evidence.present ?? "",
    file: hit ? describeHit(hit) : "",
    evidence: hit
      ? found?.shows?.found
        ? `${found.evidence.present}: ${describeHit(hit)}`
        : `a trace of it: ${describeHit(hit)}`
      : "",
  };
  const refs = reading.check
    ? referencesOf(reading.check)
    : [{ kind: "checklist" as const, id: v.id, offset: 0 }];
  const fill = (message: string) => fillMessage(message, refs, items, reading.quotes, extra);
  const atItem = {
    line: item.range.start.line,
    column: item.range.start.column,
    endLine: item.range.end.line,
    endColumn: item.range.end.column,
    checklistItem: v.id,
  };
  const atAnswers = (message: string, quote: Quote | null) => ({
    ...placeAtQuote(
      reading.check ? locate(reading.check.assert, report, items) : { message: "", ...atItem },
      report,
      quote,
    ),
    checklistItem: v.id,
    message: fill(message),
  });
  const check = reading.check;
  // An answers' row whose check a config turned off reports nothing.
  if (row.rule === "checklist/consistency" && check === null) return null;
  switch (row.kind) {
    case "denied":
      return { ...atAnswers(check!.message, reading.quotes.denial), severity: check!.severity };
    case "denied-contradicted":
      return {
        ...atAnswers(CONTRADICTED_MESSAGE, reading.quotes.denial),
        severity: atMost(check!.severity, "warning"),
      };
    case "not-described":
      return { ...atAnswers(check!.message, null), severity: check!.severity };
    case "not-described-no-trace": {
      const base = atAnswers(check!.message, null);
      return {
        ...base,
        message: `${base.message}. Nor does the repository show it: it has ${extra.absent}`,
        severity: check!.severity,
      };
    }
    case "hedged":
    case "hedged-no-trace": {
      const base = atAnswers(HEDGED_MESSAGE, reading.quotes.hedge);
      const message =
        row.kind === "hedged"
          ? base.message
          : `${base.message}. Nor does the repository show it: it has ${extra.absent}`;
      return { ...base, message, severity: check!.severity };
    }
    case "unticked-described": {
      const base = atAnswers(check!.message, reading.quotes.mention);
      const also = v.repository === "shows" ? `. The repository has ${extra.present} too: ${extra.file}` : "";
      return { ...base, message: `${base.message}${also}`, severity: check!.severity };
    }
    case "described-no-trace":
      return { ...atItem, message: fill(DESCRIBED_NO_TRACE_MESSAGE) };
    case "no-trace":
      return { ...atItem, message: fill(NO_TRACE_MESSAGE) };
    case "unticked-shown":
      return { ...atItem, message: fill(UNTICKED_SHOWN_MESSAGE), severity: "info" };
    case "agrees":
      return null;
  }
}

function reasonsOf(
  answers: AnswersSay,
  quotes: Quotes,
  repository: RepositoryShows,
  found: ItemRepositoryEvidence | undefined,
): string[] {
  const quote = quotes.denial ?? quotes.mention ?? quotes.hedge;
  const hit = repositoryHit(found);
  return [
    `answers: ${answers}${quote ? ` (Question ${quote.question}: ${quoteEvidence(quote)})` : ""}`,
    `repository: ${repository}${hit ? ` (${describeHit(hit)})` : repository === "nothing" && found ? ` (${found.evidence.absent})` : ""}`,
  ];
}

function computeVerdicts(inputs: VerdictInputs): ItemVerdict[] {
  const { report, repository, checklist, repositoryEvidence, consistency, evidenceStore } = inputs;
  if (checklist.size === 0 || report.checklist.sections.length === 0) return [];
  const items = itemsById(report, checklist);
  const quotes: Quotes = { ...NO_QUOTES };
  const ctx = evalContext(report, items, quotes, repository, evidenceStore);
  const checks = checksById(consistency);
  const shown = new Map(
    repository
      ? itemRepositoryEvidence(report, repository, items, repositoryEvidence).map((e) => [e.id, e])
      : [],
  );
  const anyTicked = [...items.values()].some((item) => item.state === "checked");
  const out: ItemVerdict[] = [];
  for (const [id, item] of [...items].sort(([, a], [, b]) => a.line - b.line)) {
    const own = checks.get(id) ?? {};
    const reading =
      item.state === "checked"
        ? readTicked(own, ctx, quotes)
        : item.state === "unchecked"
          ? readUnticked(own, ctx, quotes)
          : { say: "not-asked" as const, check: null, quotes: NO_QUOTES };
    const found = shown.get(id);
    const repo = repositoryShows(found, repository);
    const row = judge(item.state, reading.say, repo, anyTicked);
    const verdict = { id, item, answers: reading.say, repository: repo, row };
    out.push({
      ...verdict,
      reasons: reasonsOf(reading.say, reading.quotes, repo, found),
      finding: findingOf(verdict, reading, report, items, found),
    });
  }
  return out;
}

const INPUT_KEYS: readonly (keyof VerdictInputs)[] = [
  "report",
  "repository",
  "checklist",
  "repositoryEvidence",
  "consistency",
  "evidenceStore",
];

const memo = new WeakMap<Report, { inputs: VerdictInputs; verdicts: ItemVerdict[] }>();

/**
 * Every checklist item's verdict, computed once per report and inputs: the answers' rule, the repository's rule
 * and the result's per-item evidence all read the same verdicts.
 */
export function checklistVerdicts(inputs: VerdictInputs): ItemVerdict[] {
  const known = memo.get(inputs.report);
  const same = known && INPUT_KEYS.every((key) => known.inputs[key] === inputs[key]);
  if (same) return known.verdicts;
  const verdicts = computeVerdicts(inputs);
  const kept = Object.fromEntries(INPUT_KEYS.map((key) => [key, inputs[key]])) as unknown as VerdictInputs;
  memo.set(inputs.report, { inputs: kept, verdicts });
  return verdicts;
}
