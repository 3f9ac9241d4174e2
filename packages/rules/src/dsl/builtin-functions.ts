import type { Image } from "@mlops-report/core";
import type { ReportScope } from "../checklist/answer-context.js";
import { isGenericCue } from "../evidence/index.js";
import { defineFunction, FunctionRegistry } from "./functions.js";
import type { Term } from "./types.js";

/** The images `images()` counts: those that render (not written in code, not mangled into text). */
const SHOWN_IMAGE_KINDS: ReadonlySet<Image["kind"]> = new Set(["markdown", "reference", "html", "remote"]);

/** Whether the answer asserts (or denies) one of the terms; the first such hit is kept for the message. */
function evidence(
  scope: ReportScope,
  n: number,
  terms: readonly Term[],
  status: "asserted" | "negated",
): boolean {
  // With `or` short-circuiting, the first hit of each kind is the one that decided the result.
  const hit = scope.hits(n, terms).find((h) => h.status === status);
  const slot = status === "negated" ? "denial" : "mention";
  if (hit && !scope.quotes[slot])
    scope.quotes[slot] = { question: n, term: hit.term, text: hit.sentence, line: hit.line };
  return hit !== undefined;
}

/**
 * The functions of the expression language, in the order the docs and error messages list them. A new function
 * is one entry here: the checker, the evaluator, the docs' table and the repository functions all read this list.
 */
export const BUILTIN_FUNCTIONS = [
  defineFunction({
    name: "checked",
    params: ["checklist"],
    returns: "boolean",
    summary: "the item is ticked",
    reads: "report",
    evaluate: (scope, id) => scope.items.get(id)?.state === "checked",
  }),
  defineFunction({
    name: "unchecked",
    params: ["checklist"],
    returns: "boolean",
    summary: "the item is left empty",
    reads: "report",
    evaluate: (scope, id) => scope.items.get(id)?.state === "unchecked",
  }),
  defineFunction({
    name: "answered",
    params: ["question"],
    returns: "boolean",
    summary: "the question has an answer (not only the placeholder)",
    reads: "report",
    evaluate: (scope, n) => scope.question(n)?.answer.state === "answered",
  }),
  defineFunction({
    name: "words",
    params: ["question"],
    returns: "number",
    summary: "words in the answer",
    reads: "report",
    evaluate: (scope, n) => scope.question(n)?.answer.words.prose ?? 0,
  }),
  defineFunction({
    name: "images",
    params: ["question"],
    returns: "number",
    summary: "images in the answer",
    reads: "report",
    evaluate: (scope, n) => {
      const q = scope.question(n);
      const count = q?.answer.imageCount.prose ?? 0;
      const image = q?.answer.images.find((im) => SHOWN_IMAGE_KINDS.has(im.kind));
      if (image && !scope.quotes.mention) {
        const text = scope.report.source.text.slice(image.range.start.offset, image.range.end.offset);
        scope.quotes.mention = { question: n, term: null, text, line: image.line };
      }
      return count;
    },
  }),
  defineFunction({
    name: "mentions",
    params: ["question", "term"],
    rest: "term",
    returns: "boolean",
    summary: "the answer mentions one of the terms",
    reads: "report",
    evaluate: (scope, n, terms) => evidence(scope, n, terms, "asserted"),
  }),
  defineFunction({
    name: "negated",
    params: ["question", "term"],
    rest: "term",
    returns: "boolean",
    summary: 'the answer denies one of the terms ("we did not use DVC")',
    reads: "report",
    evaluate: (scope, n, terms) => evidence(scope, n, terms, "negated"),
  }),
  defineFunction({
    name: "count",
    params: ["question", "term"],
    rest: "term",
    returns: "number",
    summary: "how many times the terms occur in the answer",
    reads: "report",
    evaluate: (scope, n, terms) => {
      const found = scope.hits(n, terms);
      // A general statement of what the work is good for is no plan or attempt of it.
      const hedge = found.find((h) => h.status === "hypothetical" && !isGenericCue(h.cue));
      if (hedge && !scope.quotes.hedge)
        scope.quotes.hedge = { question: n, term: hedge.term, text: hedge.sentence, line: hedge.line };
      return found.length;
    },
  }),
  defineFunction({
    name: "matches",
    params: ["question", "regex"],
    returns: "boolean",
    summary: "the regex matches the answer's text",
    reads: "report",
    evaluate: (scope, n, re) => {
      const q = scope.question(n);
      if (!q) return false;
      // Searches the answer as written, code included: commands in code blocks are evidence too.
      const text = scope.report.source.text.slice(q.answer.range.start.offset, q.answer.range.end.offset);
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m && !scope.quotes.mention) {
        const start = text.lastIndexOf("\n", m.index) + 1;
        const end = text.indexOf("\n", m.index);
        const line = q.answer.range.start.line + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
        const source = text.slice(start, end < 0 ? undefined : end).trim();
        scope.quotes.mention = { question: n, term: m[0], text: source, line };
      }
      return m !== null;
    },
  }),
  defineFunction({
    name: "ticked",
    params: [],
    returns: "number",
    summary: "how many checklist items of the report are ticked, whatever their ids",
    reads: "report",
    evaluate: (scope) => scope.ticked,
  }),
  defineFunction({
    name: "exists",
    params: ["glob"],
    returns: "boolean",
    summary: "the repository has a file the glob matches",
    reads: "repository",
    evaluate: (scope, glob) => {
      const first = scope.matching(glob)[0];
      if (first !== undefined) scope.findings.hits.push({ path: first });
      return first !== undefined;
    },
  }),
  defineFunction({
    name: "contains",
    params: ["glob", "regex"],
    returns: "boolean",
    summary: "a text file the glob matches matches the regex",
    reads: "repository",
    evaluate: (scope, glob, re) => {
      // The view keeps every search it made: an editor's re-lint of the same report asks it nothing twice.
      const result = scope.view.search(glob, re, scope.except);
      if (result.match) scope.findings.hits.push({ ...result.match });
      else if (!result.complete) scope.findings.incomplete = true;
      return result.match !== null;
    },
  }),
  defineFunction({
    name: "files",
    params: ["glob"],
    returns: "number",
    summary: "how many repository files the glob matches",
    reads: "repository",
    evaluate: (scope, glob) => {
      const found = scope.matching(glob);
      if (found[0] !== undefined) scope.findings.hits.push({ path: found[0] });
      return found.length;
    },
  }),
] as const;

export const builtinFunctions = FunctionRegistry.builtin(BUILTIN_FUNCTIONS);
