import type { ChecklistItem, Report } from "@mlops-report/core";
import type { CompiledConsistency } from "../config/derive.js";
import type { CompiledExpression, Reference } from "../dsl/index.js";
import type { Finding } from "../types.js";
import { sliceWholeCharacters } from "../whole-characters.js";
import type { Quote, Quotes } from "./answer-context.js";

/** Where a failed assertion points: the answer or checklist line it names first. */
export function locate(
  expr: CompiledExpression,
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
): Finding {
  for (const ref of expr.references) {
    if (ref.kind === "question") {
      const q = report.questions.find((x) => x.number === ref.number);
      if (q) {
        const { start, end } = q.answer.range;
        return {
          message: "",
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          question: q.number,
        };
      }
    } else {
      const item = items.get(ref.id);
      if (item) return { message: "", line: item.line, column: item.column, checklistItem: ref.id };
    }
  }
  return { message: "", line: 1, column: 1 };
}

/** What a consistency rule names: its `when`'s references, then its `assert`'s. */
export function referencesOf(c: CompiledConsistency): Reference[] {
  return [...(c.when?.references ?? []), ...c.assert.references];
}

/** The checklist id a consistency rule is about: the first one its `when`, else its `assert`, names. */
export function itemIdOf(c: CompiledConsistency): string | null {
  const ref = referencesOf(c).find((r) => r.kind === "checklist");
  return ref?.kind === "checklist" ? ref.id : null;
}

/** The evidence a message quotes: `{denial}`'s, else `{mention}`'s, else `{hedge}`'s, else none. */
export function quotedBy(message: string, quotes: Quotes): Quote | null {
  if (message.includes("{denial}")) return quotes.denial;
  if (message.includes("{mention}")) return quotes.mention;
  if (message.includes("{hedge}")) return quotes.hedge;
  return null;
}

/**
 * A finding that quotes an answer sits at the quoted line, under the quoted question, so that it is listed
 * with the text it talks about; other findings keep the place the expression names.
 */
export function placeAtQuote(at: Finding, report: Report, quote: Quote | null): Finding {
  const q = quote && report.questions.find((x) => x.number === quote.question);
  if (!quote || !q) return at;
  const line = {
    line: quote.line,
    column: 1,
    endLine: quote.line,
    endColumn: lineLength(report, quote.line) + 1,
  };
  return { message: "", ...line, question: q.number };
}

/** Length of a 1-based source line, without its line ending. */
function lineLength(report: Report, line: number): number {
  const text = report.source.text;
  let start = 0;
  for (let n = 1; n < line && start !== -1; n++) start = text.indexOf("\n", start) + 1 || -1;
  if (start === -1) return 0;
  const end = text.indexOf("\n", start);
  return (end === -1 ? text.length : end) - start - (text[end - 1] === "\r" ? 1 : 0);
}

/** Longest quoted text; a longer sentence is cut to a window around the term. */
const QUOTE_LENGTH = 160;

/** `"sentence" (line N)`, shortened around the term when the sentence is long. */
export function quoteEvidence(quote: Quote): string {
  const { text, term } = quote;
  let shown = text;
  if (text.length > QUOTE_LENGTH) {
    const at = Math.max(0, term === null ? 0 : text.toLowerCase().indexOf(term.toLowerCase()));
    let start = Math.max(0, Math.min(at - 60, text.length - QUOTE_LENGTH));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + QUOTE_LENGTH);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > at + (term?.length ?? 0)) end = space;
    }
    shown = `${start > 0 ? "…" : ""}${sliceWholeCharacters(text, start, end).trim()}${end < text.length ? "…" : ""}`;
  }
  return `"${shown}" (line ${quote.line})`;
}

/**
 * The placeholders of a message. `{item}` and `{line}`: the first checklist item the rule names, quoted, and
 * its line. `{denial}`, `{mention}` and `{hedge}`: the first denying, asserting and hedging evidence the
 * evaluation found, quoted with its line. `{term}` and `{question}`: the term (quoted, or "an image") and
 * question of that evidence, the denial first; without evidence, `{question}` is the first question the rule
 * names. `extra` fills further placeholders (the repository's part of a verdict).
 */
export function fillMessage(
  message: string,
  refs: readonly Reference[],
  items: ReadonlyMap<string, ChecklistItem>,
  quotes: Quotes,
  extra: Readonly<Record<string, string>> = {},
): string {
  const itemRef = refs.find((r) => r.kind === "checklist");
  const questionRef = refs.find((r) => r.kind === "question");
  const item = itemRef?.kind === "checklist" ? items.get(itemRef.id) : undefined;
  const evidence = quotes.denial ?? quotes.mention ?? quotes.hedge;
  const question = evidence?.question ?? (questionRef?.kind === "question" ? questionRef.number : undefined);
  const values: Record<string, string> = {
    item: item ? `"${item.text}"` : "the checklist item",
    line: item ? String(item.line) : "?",
    question: question === undefined ? "?" : String(question),
    term: evidence ? (evidence.term === null ? "an image" : `"${evidence.term}"`) : "?",
    denial: quotes.denial ? quoteEvidence(quotes.denial) : "?",
    mention: quotes.mention ? quoteEvidence(quotes.mention) : "?",
    hedge: quotes.hedge ? quoteEvidence(quotes.hedge) : "?",
    ...extra,
  };
  // One pass, so that a placeholder inside quoted text is left alone.
  return message.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
