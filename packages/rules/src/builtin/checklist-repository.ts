import { itemsById } from "../checklist-ids.js";
import { defineRule } from "../define-rule.js";
import { describeHit, itemRepositoryEvidence } from "../repository/items.js";
import { at } from "./util.js";

/**
 * The checklist against the repository around the report: a ticked item with no trace of its work there, and an
 * unticked item whose work the repository clearly shows. Where the evidence is unclear it says nothing: a search
 * cut short by a limit, an item the template's own files would seem to prove, a mark other than ticked/empty.
 */
export const checklistRepository = defineRule({
  meta: {
    id: "checklist/repository",
    description: "The checklist agrees with what the repository around the report holds",
    docs: "docs/rules/checklist/repository.md",
    defaultSeverity: "warning",
  },
  *check({ report, repository, checklist, repositoryEvidence }) {
    if (repository === null || checklist.size === 0 || report.checklist.sections.length === 0) return;
    const items = itemsById(report, checklist);
    // A checklist nobody ticked is checklist/marks' business, not a list of unticked-but-done items.
    const anyTicked = [...items.values()].some((item) => item.state === "checked");
    for (const found of itemRepositoryEvidence(report, repository, items, repositoryEvidence)) {
      const { item, evidence, trace, shows } = found;
      if (item.state === "checked" && trace && !trace.found && trace.complete) {
        yield {
          ...at(item.range),
          message: `Checklist line ${item.line} ticks "${item.text}", but the repository has ${evidence.absent}`,
          checklistItem: found.id,
        };
      } else if (item.state === "unchecked" && anyTicked && shows?.found && shows.hits[0]) {
        yield {
          ...at(item.range),
          message: `Checklist line ${item.line} leaves "${item.text}" unticked, but the repository has ${evidence.present}: ${describeHit(shows.hits[0])}`,
          checklistItem: found.id,
          severity: "info",
        };
      }
    }
  },
});
