import type { Report } from "@mlops-report/core";

/** How much of each report model a run keeps once its report is linted. */
export type Detail = "full" | "slim";

/** The HTML page shows answer text and SARIF quotes source lines; the other formats read counts and states only. */
export function detailFor(formats: readonly string[]): Detail {
  return formats.some((format) => format === "html" || format === "sarif") ? "full" : "slim";
}

/**
 * The model without its texts (the source, answer text and blocks, prompts, links, code, comments), which only
 * the HTML and SARIF reporters read: a class of 1,000 results then fits in memory, and in the cache, many
 * times over. Every count, state, position, image and checklist item stays.
 */
export function slimReport(report: Report): Report {
  return {
    ...report,
    source: { ...report.source, text: "" },
    comments: [],
    questions: report.questions.map((question) => ({
      ...question,
      prompt: "",
      example: null,
      answer: { ...question.answer, text: "", blocks: [], links: [], code: [] },
    })),
  };
}
