import type { ChecklistItem, Question, Report, RepositoryView } from "@mlops-report/core";
import { builtinFunctions } from "../dsl/builtin-functions.js";
import type { EvalContext, FunctionRegistry, Term } from "../dsl/index.js";
import type { EvidenceHit } from "../evidence/index.js";
import { answerEvidence, type EvidenceStore, termsKey } from "../evidence/store.js";
import { repositoryScope } from "../repository/context.js";

/** A piece of evidence a message can quote: the term found (null for an image), its sentence or source line. */
export interface Quote {
  question: number;
  term: string | null;
  text: string;
  line: number;
}

/**
 * What one rule's evaluation came across, for its message: the first denial, the first assertion, and the first
 * plan, wish or attempt (a hedge) among the hits it counted.
 */
export interface Quotes {
  denial: Quote | null;
  mention: Quote | null;
  hedge: Quote | null;
}

/** What the report-side functions read: one report, with the answers' evidence looked up once per report. */
export interface ReportScope {
  report: Report;
  /** The checklist items by id. */
  items: ReadonlyMap<string, ChecklistItem>;
  /** What the messages quote: a function that finds evidence fills the slot it decided, if still empty. */
  quotes: Quotes;
  question(n: number): Question | undefined;
  /** How many checklist items are ticked, whatever their ids. */
  ticked: number;
  /** What the answer to question `n` says of the terms. */
  hits(n: number, terms: readonly Term[]): EvidenceHit[];
}

export function evalContext(
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
  quotes: Quotes,
  repository: RepositoryView | null,
  store: EvidenceStore | null,
  functions: FunctionRegistry = builtinFunctions,
): EvalContext {
  const question = (n: number): Question | undefined => report.questions.find((q) => q.number === n);
  const blocks = (n: number) => question(n)?.answer.blocks ?? [];
  const ticked = report.checklist.sections.reduce(
    (n, s) => n + s.items.filter((i) => i.state === "checked").length,
    0,
  );
  // The presets ask about the same answer and terms in up to six expressions per checklist item: each such
  // pair is looked up once per report, in the store of past runs when there is one, else analysed.
  const found = new Map<string, EvidenceHit[]>();
  const hits = (n: number, terms: readonly Term[]): EvidenceHit[] => {
    const key = `${n}\n${termsKey(terms)}`;
    let result = found.get(key);
    if (!result) {
      result = answerEvidence(blocks(n), terms, store);
      found.set(key, result);
    }
    return result;
  };
  return functions.context({
    report: { report, items, quotes, question, ticked, hits },
    repository: repositoryScope(repository, report.source.path, { hits: [], incomplete: false }),
  });
}
