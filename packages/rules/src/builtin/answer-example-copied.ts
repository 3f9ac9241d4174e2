import { memoizeText, type Question, type Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import { matchesIn } from "./positions.js";
import { at, atAnswer, escapeRegExp } from "./util.js";

/**
 * What the examples leave for the student to fill in: `...`, `…`, and placeholders of two or more capital X
 * (`sXXXXXX`). A single `X` is left out: it is too common in real answers (`curl -X POST`).
 */
const GAP_SOURCE = String.raw`\.{3,}|…|\bs?X{2,}\b`;
const TOKEN = new RegExp(String.raw`${GAP_SOURCE}|[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*`, "gu");
const IS_GAP = new RegExp(`^(?:${GAP_SOURCE})$`, "u");
const HAS_GAP = new RegExp(GAP_SOURCE, "u");

/** Below this many words an example is too short to tell a copy from an answer that happens to agree. */
const MIN_EXAMPLE_WORDS = 5;

interface Token {
  /** Lower-cased word, or null for a gap. */
  word: string | null;
  raw: string;
}

/** `HAS_GAP.test(text)`; literal searches settle most answers without the regex. */
function holdsGap(text: string): boolean {
  return text.includes("...") || text.includes("…") || (text.includes("XX") && HAS_GAP.test(text));
}

/** A token can only be a gap when it starts as one does: `.`, `…`, `s` or `X`. */
function isGap(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return (c === 0x2e || c === 0x2026 || c === 0x73 || c === 0x58) && IS_GAP.test(raw);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const raw = m[0];
    tokens.push({ word: isGap(raw) ? null : raw.toLowerCase(), raw });
  }
  return tokens;
}

interface Example {
  /** The lower-cased words, gaps left out. */
  words: string[];
  /** The neighbours of the example's gaps (see `gapContexts`): without any, no answer can hold a copied gap. */
  contexts: ReadonlySet<string>;
}

/** Examples are the template's text, the same in every report of a year: each is tokenized once. */
const tokenizeExample = memoizeText((text): Example => {
  const tokens = tokenize(text);
  return { words: tokens.flatMap((t) => (t.word === null ? [] : [t.word])), contexts: gapContexts(tokens) };
});

const BOUNDARY = "\u0000";
const contextKey = (before: Token | undefined, after: Token | undefined): string =>
  `${before ? (before.word ?? "…") : BOUNDARY} ${after ? (after.word ?? "…") : BOUNDARY}`;

/** The words around each gap of the example (`used ... for`), for gaps with a word beside them. */
function gapContexts(example: readonly Token[]): Set<string> {
  const contexts = new Set<string>();
  example.forEach((t, i) => {
    if (t.word !== null) return;
    const before = example[i - 1];
    const after = example[i + 1];
    // A gap needs a word beside it to say anything about where it came from.
    if (before?.word || after?.word) contexts.add(contextKey(before, after));
  });
  return contexts;
}

/**
 * The first gap of the answer that stands between the same words as a gap of the example (`used ... for`):
 * the example's skeleton with its dots still in. Returns the token index of that gap.
 */
function copiedGap(contexts: ReadonlySet<string>, answer: Token[]): number | null {
  if (contexts.size === 0) return null;
  const i = answer.findIndex(
    (t, i) => t.word === null && contexts.has(contextKey(answer[i - 1], answer[i + 1])),
  );
  return i < 0 ? null : i;
}

/** How many words (gaps left out) `tokenize` finds, without making the tokens. */
const WORD_COUNT_TOKEN = new RegExp(TOKEN.source, "gu");
function countWords(text: string): number {
  let n = 0;
  WORD_COUNT_TOKEN.lastIndex = 0;
  for (let m = WORD_COUNT_TOKEN.exec(text); m !== null; m = WORD_COUNT_TOKEN.exec(text))
    if (!isGap(m[0])) n++;
  return n;
}

/**
 * An example's word count, once per text: the length checks settle most answers with it alone, so that a cold
 * run need not tokenize every example.
 */
const exampleWordCount = memoizeText(countWords);

/** Length of the longest common subsequence of two word lists. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      row[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * How much of the longer of the two texts their common words in order make up: 1 for a copy, low for an answer
 * that shares a few words with the example or fills the example's gaps with sentences of its own.
 */
function similarity(example: readonly string[], answer: readonly string[], threshold: number): number {
  const longer = Math.max(example.length, answer.length);
  // The common words cannot outnumber the shorter list: skip the quadratic count when it cannot reach the bar.
  if (Math.min(example.length, answer.length) / longer < threshold) return 0;
  return commonInOrder(example, answer) / longer;
}

const MARKUP = "[\\s*_~`]*";

/** Where the copied gap stands in the source, found by its neighbouring words; null when markup hides it. */
function gapInSource(report: Report, q: Question, answer: Token[], i: number): ReturnType<typeof at> | null {
  const parts = [answer[i - 1], answer[i], answer[i + 1]]
    .filter((t): t is Token => t !== undefined)
    .map((t) => (t.word === null ? `(?:${GAP_SOURCE})` : escapeRegExp(t.raw)));
  const pattern = new RegExp(parts.join(MARKUP), "giu");
  for (const m of matchesIn(report, q.answer.range, pattern)) return at(m.range);
  return null;
}

export const answerExampleCopied = defineRule({
  meta: {
    id: "answer/example-copied",
    description: "No answer repeats the prompt's example text instead of answering",
    docs: "docs/rules/answer/example-copied.md",
    defaultSeverity: "warning",
  },
  options: {
    similarity: {
      type: "number",
      default: 0.8,
      minimum: 0,
      description:
        "How alike an answer and its example must be to count as a copy, from 0 to 1: the words they share in the same order, divided by the word count of the longer of the two.",
    },
  },
  *check({ report, options }) {
    for (const q of report.questions) {
      if (q.answer.state !== "answered" || !q.example) continue;
      // Most answers hold no gap and are far longer than their example: both checks can stop before tokenizing.
      const mayHoldGap = holdsGap(q.answer.text);
      const exampleCount = exampleWordCount(q.example);
      const lengths =
        Math.min(exampleCount, q.answer.words.prose) / Math.max(exampleCount, q.answer.words.prose, 1);
      if (!mayHoldGap && (exampleCount < MIN_EXAMPLE_WORDS || lengths < options.similarity)) continue;
      // Without a gap to find, only the similarity needs the answer's tokens, and only when the word counts
      // (as `similarity` compares them first) leave it a chance.
      if (!mayHoldGap || tokenizeExample(q.example).contexts.size === 0) {
        if (exampleCount < MIN_EXAMPLE_WORDS) continue;
        const answerCount = countWords(q.answer.text);
        const longer = Math.max(exampleCount, answerCount);
        if (Math.min(exampleCount, answerCount) / longer < options.similarity) continue;
      }
      const { words: exampleWords, contexts } = tokenizeExample(q.example);
      const answer = tokenize(q.answer.text);
      const gap = mayHoldGap ? copiedGap(contexts, answer) : null;
      if (gap !== null) {
        const quoted = [answer[gap - 1], answer[gap], answer[gap + 1]]
          .filter((t): t is Token => t !== undefined)
          .map((t) => t.raw)
          .join(" ");
        yield {
          ...atAnswer(q),
          ...gapInSource(report, q, answer, gap),
          message: `Question ${q.number} still holds the prompt's example with its gaps left in ("${quoted}"): replace it with your own answer`,
        };
        continue;
      }
      if (exampleWords.length < MIN_EXAMPLE_WORDS) continue;
      const answerWords = answer.flatMap((t) => (t.word === null ? [] : [t.word]));
      const score = similarity(exampleWords, answerWords, options.similarity);
      if (score === 0 || score < options.similarity) continue;
      yield {
        message: `Question ${q.number} repeats the prompt's example (${Math.floor(score * 100)}% of the words, in the same order): write your own answer instead`,
        ...atAnswer(q),
      };
    }
  },
});
