import type { StructureProblemKind } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Severity } from "../types.js";
import { fillsOtherTemplate } from "./util.js";

/** Problems that change what the course's scripts see are the rule's level; cosmetic ones are warnings. */
const COSMETIC = new Set<StructureProblemKind>([
  "heading-renamed",
  "title-missing",
  "checklist-missing",
  "checklist-unread",
  "text-outside-question",
]);

export const templateStructure = defineRule({
  meta: {
    id: "template/structure",
    description:
      "The report keeps the template's structure: every question once, in order, headings as given",
    docs: "docs/rules/template/structure.md",
    defaultSeverity: "error",
  },
  *check({ report, expected }) {
    const { year, questionCount } = report.template;
    if (expected && fillsOtherTemplate(report, expected)) {
      // One finding instead of a flood: the other questions' numbers mean other things in this report.
      yield {
        message: `This report fills the ${year} template (${questionCount} questions), but the config is for ${expected.year} (${expected.questionCount} questions): lint it with --year ${year}`,
        line: 1,
        column: 1,
      };
      return;
    }
    for (const p of report.problems) {
      const severity: Severity | undefined = COSMETIC.has(p.kind) ? "warning" : undefined;
      yield {
        message: p.message,
        line: p.line,
        column: p.column,
        question: p.question ?? null,
        ...(severity ? { severity } : {}),
      };
    }
  },
});
