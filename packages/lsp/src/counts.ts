import type { Bounds, Constraints, Question, Report } from "@mlops-report/core";

/** What a question's answer has against what the question asks for, as an editor shows it beside the heading. */
export interface QuestionCount {
  number: number;
  /** 1-based line of the question's heading. */
  line: number;
  /** 1-based lines the question spans, heading to the end of its answer. */
  endLine: number;
  /** E.g. `187 words (200-300) · 1 of 1-3 images`. */
  label: string;
}

/** How the answer rules count: as a reader sees the answer, or as the course checker does. */
export type Counting = "prose" | "official";

function range(bounds: Bounds): string {
  return bounds.min === bounds.max ? String(bounds.min) : `${bounds.min}-${bounds.max}`;
}

function countOf(value: number | null): string {
  return value === null ? "?" : String(value);
}

/** `187 words (200-300) · 1 of 1-3 images`; a count the question sets no range for stands alone. */
export function countLabel(question: Question, constraints: Constraints, counting: Counting): string {
  const words = question.answer.words[counting];
  const images = question.answer.imageCount[counting];
  const parts = [`${countOf(words)} ${words === 1 ? "word" : "words"}`];
  if (constraints.words) parts[0] += ` (${range(constraints.words)})`;
  if (constraints.images) parts.push(`${countOf(images)} of ${range(constraints.images)} images`);
  else if (images !== 0) parts.push(`${countOf(images)} ${images === 1 ? "image" : "images"}`);
  return parts.join(" · ");
}

/** The counts of every question of the report, with the constraints the config sets (else the prompt's). */
export function questionCounts(
  report: Report,
  constraintsOf: (question: Question) => Constraints,
  counting: Counting,
): QuestionCount[] {
  return report.questions.map((question) => ({
    number: question.number,
    line: question.line,
    endLine: question.range.end.line,
    label: countLabel(question, constraintsOf(question), counting),
  }));
}
