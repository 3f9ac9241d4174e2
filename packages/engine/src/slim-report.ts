import type { Report } from "@mlops-report/core";

/** How much of each report model a run keeps once its report is linted (as each reporter's entry says it needs). */
export type Detail = "full" | "slim";

/** What a run's outputs need together: the full model when any one of them reads the texts. */
export function detailFor(needs: readonly Detail[]): Detail {
  return needs.includes("full") ? "full" : "slim";
}

/**
 * The model without its texts (the source, answer text and blocks, prompts, links, code, comments), which only
 * the reporters that need the full model read: a class of 1,000 results then fits in memory, and in the cache, many
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
