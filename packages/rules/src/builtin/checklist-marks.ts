import type { ChecklistItem, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Finding } from "../types.js";
import { matchesIn } from "./positions.js";
import { at, escapeRegExp } from "./util.js";

/** Where the item's `[mark]` stands; the whole item when it cannot be found. */
function markRange(report: Report, item: ChecklistItem): ReturnType<typeof at> {
  const pattern = new RegExp(`\\[${escapeRegExp(item.mark)}\\]`, "g");
  for (const m of matchesIn(report, item.range, pattern)) return at(m.range);
  return at(item.range);
}

function* forgottenChecklist(report: Report): Generator<Finding> {
  const items = report.checklist.sections.flatMap((s) => s.items);
  if (items.length === 0 || items.some((item) => item.state !== "unchecked")) return;
  const answered = report.questions.filter((q) => q.answer.state === "answered").length;
  if (answered * 2 <= report.questions.length) return;
  yield {
    message: `No checklist item is ticked, yet ${answered} of ${report.questions.length} questions are answered: tick with [x] each item your project did`,
    line: report.checklist.line ?? items[0]!.line,
    column: 1,
    // A hint, not a fault: some groups did little of the checklist.
    severity: "info",
  };
}

export const checklistMarks = defineRule({
  meta: {
    id: "checklist/marks",
    description:
      "Checklist items are ticked with `[x]` or left as `[ ]`: other marks do not render as checkboxes",
    docs: "docs/rules/checklist/marks.md",
    defaultSeverity: "warning",
  },
  *check({ report, checklistId }) {
    for (const section of report.checklist.sections) {
      for (const item of section.items) {
        if (item.state !== "other") continue;
        yield {
          message: `Checklist mark [${item.mark}] is not a checkbox, so GitHub shows it as text and the course's tools read it as unticked: write [x] if the item is done, or [ ] if not`,
          ...markRange(report, item),
          checklistItem: checklistId(item),
        };
      }
    }
    yield* forgottenChecklist(report);
  },
});
