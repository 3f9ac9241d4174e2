/** Compiles evidence terms to global regexes, once per term. */

export type Term = string | RegExp;

const stringTerms = new Map<string, RegExp | null>();
const regexTerms = new WeakMap<RegExp, RegExp>();
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const WHITESPACE = /\s+/;
const WORD_START = /^\w/;
const WORD_END = /\w$/;

/**
 * A string term matches case-insensitively on word boundaries; its words match across any whitespace and
 * its punctuation literally ("weights & biases"). A boundary is only required where the term starts or ends
 * with a word character, so ".dvc" still matches "data.dvc".
 */
function compileString(term: string): RegExp | null {
  const words = term.trim().split(WHITESPACE).filter(Boolean);
  if (words.length === 0) return null;
  const body = words.map((w) => w.replace(SPECIAL, "\\$&")).join("\\s+");
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  const source = `${WORD_START.test(first) ? "\\b" : ""}${body}${WORD_END.test(last) ? "\\b" : ""}`;
  return new RegExp(source, "gi");
}

/**
 * A global regex for the term; a RegExp term keeps its own flags (plus `g`) and its own engine (an untrusted
 * config's matches in linear time, and must go on doing so on report text), and is never mutated.
 */
export function compileTerm(term: Term): RegExp | null {
  if (typeof term === "string") {
    if (!stringTerms.has(term)) stringTerms.set(term, compileString(term));
    return stringTerms.get(term) ?? null;
  }
  let re = regexTerms.get(term);
  if (!re) {
    const Engine = term.constructor as RegExpConstructor;
    re = new Engine(term.source, term.flags.includes("g") ? term.flags : `${term.flags}g`);
    regexTerms.set(term, re);
  }
  return re;
}
