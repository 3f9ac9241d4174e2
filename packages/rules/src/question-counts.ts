import type { Bounds, Constraints, Question, Report } from "@mlops-report/core";
import { imageCountDifferences, wordCountDifferences } from "./builtin/official-count.js";
import { COUNTING } from "./builtin/util.js";
import type { RuleSetting } from "./engine/lint.js";
import type { Counting, JudgedCount, QuestionCounts } from "./types.js";

/** What the course checker cannot count at all: the report makes it stop with an error. */
const CHECKER_FAILS = "it stops with an error on this report";

/**
 * The count a counting rule judges an answer by (its `counting` option), the range it holds it to, and, with the
 * course checker's count, what a reader sees where that differs and why. The one place every surface (findings,
 * reporters, `inspect`, the editor) takes a question's word and image counts from.
 */
export function judgedCount(
  report: Report,
  question: Question,
  what: "words" | "images",
  counting: Counting,
  allowed: Bounds | undefined,
): JudgedCount {
  const counts = what === "words" ? question.answer.words : question.answer.imageCount;
  const count = counting === "official" ? counts.official : counts.prose;
  const judged: JudgedCount = { count, counting, allowed: allowed ?? null };
  if (counting === "official" && count !== counts.prose) {
    const why =
      count === null
        ? [CHECKER_FAILS]
        : what === "words"
          ? wordCountDifferences(report, question)
          : imageCountDifferences(report, question);
    judged.reader = { count: counts.prose, why };
  }
  return judged;
}

/** `a reader sees 96 (it counts 13 list bullets and symbols)`, or null when a reader sees the judged count. */
export function readerClause(judged: JudgedCount): string | null {
  if (!judged.reader) return null;
  const why = judged.reader.why.length > 0 ? ` (${judged.reader.why.join(", ")})` : "";
  return `a reader sees ${judged.reader.count}${why}`;
}

/** The `counting` option a rule runs with, whether or not it is turned on. */
function countingOf(settings: readonly RuleSetting[] | undefined, ruleId: string): Counting {
  const value = settings?.find((s) => s.rule.meta.id === ruleId)?.options.counting;
  return value === "prose" || value === "official" ? value : COUNTING.counting.default;
}

/**
 * Every question's counts as `answer/word-count` and `answer/image-count` judge them, in report order, against the
 * constraints that apply (the config's, else the prompt's).
 */
export function questionCounts(
  report: Report,
  settings: readonly RuleSetting[] | undefined,
  constraints: (question: Question) => Constraints,
): QuestionCounts[] {
  const words = countingOf(settings, "answer/word-count");
  const images = countingOf(settings, "answer/image-count");
  return report.questions.map((question) => {
    const allowed = constraints(question);
    return {
      question: question.number,
      line: question.line,
      words: judgedCount(report, question, "words", words, allowed.words),
      images: judgedCount(report, question, "images", images, allowed.images),
    };
  });
}
