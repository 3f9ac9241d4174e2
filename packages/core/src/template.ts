import type { Template, TemplateYear } from "./types.js";

interface Evidence {
  questionHeadings: number;
  hasFrontMatter: boolean;
  /** Text before the first question: title, instructions, checklist. */
  preamble: string;
  /** The prompts of all questions, joined. */
  prompts: string;
}

/** Detects the course year of the template a report fills, saying which fingerprints decided it. */
export function detectTemplate(e: Evidence): Omit<Template, "answerStyle"> {
  const fingerprints: string[] = [];
  if (e.questionHeadings === 0)
    return { year: "unknown", questionCount: 0, fingerprints: ["no `### Question N` headings"] };

  // Both wordings hold "answer length:"; the anchored pattern is slow on long prompts, so look for that first.
  const mentionsLength = /answer length:/i.test(e.prompts);
  const recommended = mentionsLength && /Recommended answer length:/i.test(e.prompts);
  const plainLength =
    mentionsLength &&
    /(^|[^d] )Answer length:/im.test(
      recommended ? e.prompts.replace(/Recommended answer length:/gi, "") : e.prompts,
    );
  let family: 27 | 31;
  if (e.questionHeadings <= 29) {
    family = 27;
    fingerprints.push(`${e.questionHeadings} question headings (27-question template)`);
  } else {
    family = 31;
    fingerprints.push(`${e.questionHeadings} question headings (31-question template)`);
  }
  if (e.hasFrontMatter) fingerprints.push("Jekyll front matter (2023/2024 template)");
  if (plainLength && !recommended) fingerprints.push("prompts say `Answer length:` (2023/2024 wording)");
  if (recommended) fingerprints.push("prompts say `Recommended answer length:` (2025/2026 wording)");

  let year: TemplateYear;
  if (family === 27) {
    if (/development enviroment/.test(e.prompts)) {
      year = 2023;
      fingerprints.push("Question 4 example spells `enviroment` (2023)");
    } else if (/development environment/.test(e.prompts)) {
      year = 2024;
      fingerprints.push("Question 4 example spells `environment` (2024)");
    } else {
      year = 2024;
      fingerprints.push("the Question 4 example that tells 2023 from 2024 is gone; taking the later year");
    }
  } else {
    const uv = /uv\.lock|uv add typer markdown/.test(e.preamble);
    const q3 = /Did you end up using any open-source frameworks/i.test(e.prompts);
    const drift = /collection of input-output data/i.test(e.preamble);
    if (uv) fingerprints.push("mentions uv (`uv.lock` / `uv add typer markdown`) (2026)");
    if (q3) fingerprints.push("Question 3 asks about open-source frameworks (2026 wording)");
    if (drift) fingerprints.push("checklist asks to collect input-output data (2026)");
    year = uv || q3 || drift ? 2026 : 2025;
    if (year === 2025)
      fingerprints.push("none of the 2026 additions (uv, Question 3 wording, input-output data)");
  }
  return { year, questionCount: family, fingerprints };
}
