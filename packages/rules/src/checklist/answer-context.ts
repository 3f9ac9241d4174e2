import type { ChecklistItem, Image, Question, Report, RepositoryView } from "@mlops-report/core";
import type { EvalContext, Term } from "../dsl/index.js";
import { type EvidenceHit, isGenericCue } from "../evidence/index.js";
import { answerEvidence, type EvidenceStore, termsKey } from "../evidence/store.js";
import { repositoryFunctions } from "../repository/context.js";

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

/** The images `images()` counts: those that render (not written in code, not mangled into text). */
const SHOWN_IMAGE_KINDS: ReadonlySet<Image["kind"]> = new Set(["markdown", "reference", "html", "remote"]);

export function evalContext(
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
  quotes: Quotes,
  repository: RepositoryView | null,
  store: EvidenceStore | null,
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
  // The first hit of each kind is kept: with `or` short-circuiting, that is the one that decided the result.
  const evidence = (n: number, terms: readonly Term[], status: "asserted" | "negated"): boolean => {
    const hit = hits(n, terms).find((h) => h.status === status);
    const slot = status === "negated" ? "denial" : "mention";
    if (hit && !quotes[slot])
      quotes[slot] = { question: n, term: hit.term, text: hit.sentence, line: hit.line };
    return hit !== undefined;
  };
  return {
    checked: (id) => items.get(id)?.state === "checked",
    unchecked: (id) => items.get(id)?.state === "unchecked",
    answered: (n) => question(n)?.answer.state === "answered",
    words: (n) => question(n)?.answer.words.prose ?? 0,
    images: (n) => {
      const q = question(n);
      const count = q?.answer.imageCount.prose ?? 0;
      const image = q?.answer.images.find((im) => SHOWN_IMAGE_KINDS.has(im.kind));
      if (image && !quotes.mention) {
        const text = report.source.text.slice(image.range.start.offset, image.range.end.offset);
        quotes.mention = { question: n, term: null, text, line: image.line };
      }
      return count;
    },
    mentions: (n, terms: readonly Term[]) => evidence(n, terms, "asserted"),
    negated: (n, terms: readonly Term[]) => evidence(n, terms, "negated"),
    count: (n, terms: readonly Term[]) => {
      const found = hits(n, terms);
      // A general statement of what the work is good for is no plan or attempt of it.
      const hedge = found.find((h) => h.status === "hypothetical" && !isGenericCue(h.cue));
      if (hedge && !quotes.hedge)
        quotes.hedge = { question: n, term: hedge.term, text: hedge.sentence, line: hedge.line };
      return found.length;
    },
    answers: () => report.questions.map((q) => q.number),
    matches: (n, re) => {
      const q = question(n);
      if (!q) return false;
      // Searches the answer as written, code included: commands in code blocks are evidence too.
      const text = report.source.text.slice(q.answer.range.start.offset, q.answer.range.end.offset);
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m && !quotes.mention) {
        const start = text.lastIndexOf("\n", m.index) + 1;
        const end = text.indexOf("\n", m.index);
        const line = q.answer.range.start.line + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
        const source = text.slice(start, end < 0 ? undefined : end).trim();
        quotes.mention = { question: n, term: m[0], text: source, line };
      }
      return m !== null;
    },
    ticked: () => ticked,
    ...repositoryFunctions(repository, report.source.path, { hits: [], incomplete: false }),
  };
}
