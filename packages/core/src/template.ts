import type { Template, TemplateYearDefinition } from "./types.js";

interface Evidence {
  questionHeadings: number;
  hasFrontMatter: boolean;
  /** Text before the first question: title, instructions, checklist. */
  preamble: string;
  /** The prompts of all questions, joined. */
  prompts: string;
}

/** The years whose question count is nearest to `headings`, in year order; on a tie, the smaller count. */
export function nearestFamily(
  headings: number,
  years: readonly TemplateYearDefinition[],
): TemplateYearDefinition[] {
  let best: number | null = null;
  for (const { questionCount } of years) {
    const distance = Math.abs(questionCount - headings);
    const bestDistance = best === null ? Number.POSITIVE_INFINITY : Math.abs(best - headings);
    if (distance < bestDistance || (distance === bestDistance && best !== null && questionCount < best))
      best = questionCount;
  }
  return years.filter((y) => y.questionCount === best).sort((a, b) => a.year - b.year);
}

/**
 * Detects the course year of the template a report fills, saying which fingerprints decided it: among the years
 * with the nearest question count, the latest whose fingerprints match; when none matches, the year that has no
 * fingerprints of its own (the first of its count), else the latest.
 */
export function detectTemplate(
  e: Evidence,
  years: readonly TemplateYearDefinition[],
): Omit<Template, "answerStyle"> {
  if (e.questionHeadings === 0)
    return { year: "unknown", questionCount: 0, fingerprints: ["no `### Question N` headings"] };
  const family = nearestFamily(e.questionHeadings, years);
  if (family.length === 0)
    return {
      year: "unknown",
      questionCount: e.questionHeadings,
      fingerprints: ["no course year is known (no year preset)"],
    };
  const count = family[0]!.questionCount;
  const fingerprints = [`${e.questionHeadings} question headings (${count}-question template)`];
  if (e.hasFrontMatter) fingerprints.push("Jekyll front matter");

  let matched: TemplateYearDefinition | null = null;
  for (const year of family) {
    const found = year.fingerprints.filter((f) =>
      f.pattern.test(f.in === "preamble" ? e.preamble : e.prompts),
    );
    for (const f of found) fingerprints.push(`${f.says} (${year.year})`);
    if (found.length > 0) matched = year;
  }
  if (matched) return { year: matched.year, questionCount: count, fingerprints };
  const plain = family.find((y) => y.fingerprints.length === 0);
  const chosen = plain ?? family[family.length - 1]!;
  const others = family.filter((y) => y.fingerprints.length > 0).map((y) => y.year);
  fingerprints.push(
    others.length > 0
      ? `no fingerprint of ${others.join(", ")} matched; taking ${chosen.year}`
      : `the only ${count}-question year`,
  );
  return { year: chosen.year, questionCount: count, fingerprints };
}
