import { checklistVerdicts } from "../checklist/verdicts.js";
import { defineRule } from "../define-rule.js";

const RULE_ID = "checklist/repository";

/**
 * The checklist against the repository around the report, where the answers are no part of the verdict
 * (docs/rules/checklist/verdicts.md): a ticked item with no trace of its work, and an unticked item whose work
 * the repository clearly shows. Where the evidence is unclear it says nothing: a search cut short by a limit, an
 * item the template's own files would seem to prove, a mark other than ticked/empty. A repository that cannot be
 * read at all gets one finding that says so, and no verdict on any item.
 */
export const checklistRepository = defineRule({
  meta: {
    id: RULE_ID,
    description: "The checklist agrees with what the repository around the report holds",
    docs: "docs/rules/checklist/repository.md",
    defaultSeverity: "warning",
  },
  *check(context) {
    const { repository, report } = context;
    if (repository === null) return;
    // A repository nothing of which can be listed is said once, not as an item after item with no trace.
    const unreadable = repository.unreadable();
    if (unreadable !== null) {
      if (report.checklist.sections.length === 0) return;
      yield {
        message: `The repository could not be read: ${unreadable}; no checklist item is checked against it`,
        line: report.checklist.line ?? 1,
        column: 1,
      };
      return;
    }
    for (const verdict of checklistVerdicts(context))
      if (verdict.finding && verdict.row.rule === RULE_ID) yield verdict.finding;
  },
});
