import type { Bounds } from "@mlops-report/core";
import { type JudgedCount, type QuestionCounts, readerClause } from "@mlops-report/rules";

/** What a question's answer has against what the question asks for, as an editor shows it beside the heading. */
export interface QuestionCount {
  number: number;
  /** 1-based line of the question's heading. */
  line: number;
  /** 1-based lines the question spans, heading to the end of its answer. */
  endLine: number;
  /** E.g. `187 words (200-300; a reader sees 180) · 1 of 1-3 images`: for a code lens or an inlay hint. */
  label: string;
  /** Markdown for a hover: the label, then per count a reader sees otherwise, why. */
  hover: string;
}

function range(bounds: Bounds): string {
  return bounds.min === bounds.max ? String(bounds.min) : `${bounds.min}-${bounds.max}`;
}

function countOf(judged: JudgedCount): string {
  return judged.count === null ? "?" : String(judged.count);
}

/** `(200-300; a reader sees 180)`: the range and a reader's count where it differs; empty when neither. */
function aside(judged: JudgedCount): string {
  const parts = [
    ...(judged.allowed ? [range(judged.allowed)] : []),
    ...(judged.reader ? [`a reader sees ${judged.reader.count}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/**
 * `187 words (200-300) · 1 of 1-3 images`, the counts the rules judge by; a count the question sets no range for
 * stands alone, and images nobody asked for and none written are left out.
 */
export function countLabel(counts: QuestionCounts): string {
  const { words, images } = counts;
  const parts = [`${countOf(words)} ${words.count === 1 ? "word" : "words"}${aside(words)}`];
  if (images.allowed) {
    const reader = images.reader ? ` (a reader sees ${images.reader.count})` : "";
    parts.push(`${countOf(images)} of ${range(images.allowed)} images${reader}`);
  } else if (images.count !== 0)
    parts.push(`${countOf(images)} ${images.count === 1 ? "image" : "images"}${aside(images)}`);
  return parts.join(" · ");
}

/** Markdown: the question and its label, then why a reader's count differs, per count. */
export function countHover(counts: QuestionCounts): string {
  const notes = (["words", "images"] as const).flatMap((what) => {
    const judged = counts[what];
    const reader = readerClause(judged);
    return reader
      ? [
          `${what === "words" ? "Words" : "Images"}: ${countOf(judged)} as the course checker counts them; ${reader}.`,
        ]
      : [];
  });
  return [`**Question ${counts.question}**: ${countLabel(counts)}`, ...notes].join("\n\n");
}

/** Each question's counts as labels and hovers, at its lines (`number`, `line`, `endLine` as the report has them). */
export function questionCounts(
  questions: readonly { number: number; line: number; endLine: number; counts: QuestionCounts }[],
): QuestionCount[] {
  return questions.map(({ number, line, endLine, counts }) => ({
    number,
    line,
    endLine,
    label: countLabel(counts),
    hover: countHover(counts),
  }));
}
