import { type ParseOptions, parse, type Report, type TemplateYearDefinition } from "@mlops-report/core";

/**
 * The course years as the year presets define them (a test of the presets checks that they still do), for tests
 * that parse reports without loading the presets.
 */
export const COURSE_TEMPLATE_YEARS: readonly TemplateYearDefinition[] = [
  {
    year: 2023,
    questionCount: 27,
    checkerSkips: 43,
    fingerprints: [
      { in: "prompts", pattern: /development enviroment/i, says: "Question 4 example spells `enviroment`" },
    ],
  },
  {
    year: 2024,
    questionCount: 27,
    checkerSkips: 43,
    fingerprints: [
      { in: "prompts", pattern: /development environment/i, says: "Question 4 example spells `environment`" },
    ],
  },
  { year: 2025, questionCount: 31, checkerSkips: 0, fingerprints: [] },
  {
    year: 2026,
    questionCount: 31,
    checkerSkips: 0,
    fingerprints: [
      {
        in: "preamble",
        pattern: /uv\.lock|uv add typer markdown/i,
        says: "mentions uv (`uv.lock` / `uv add typer markdown`)",
      },
      {
        in: "prompts",
        pattern: /Did you end up using any open-source frameworks/i,
        says: "Question 3 asks about open-source frameworks",
      },
      {
        in: "preamble",
        pattern: /collection of input-output data/i,
        says: "checklist asks to collect input-output data",
      },
    ],
  },
];

/** Parses a report as the command does, with the course years the presets define. */
export function parseReport(text: string, options: ParseOptions = {}): Report {
  return parse(text, { years: COURSE_TEMPLATE_YEARS, ...options });
}
