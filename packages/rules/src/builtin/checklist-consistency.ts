import { evalContext, type Quotes } from "../checklist/answer-context.js";
import {
  fillMessage,
  itemIdOf,
  locate,
  placeAtQuote,
  quotedBy,
  referencesOf,
} from "../checklist/messages.js";
import { checklistVerdicts } from "../checklist/verdicts.js";
import { itemsById } from "../checklist-ids.js";
import { defineRule } from "../define-rule.js";

export const CONSISTENCY_RULE_ID = "checklist/consistency";

/**
 * The checklist against the answers: each catalog item's verdict where an answer is part of it
 * (docs/rules/checklist/verdicts.md), and every consistency expression a config writes itself.
 */
export const checklistConsistency = defineRule({
  meta: {
    id: CONSISTENCY_RULE_ID,
    description: "The checklist agrees with the answers, by each item's verdict and the config's expressions",
    docs: "docs/rules/checklist/consistency.md",
    defaultSeverity: "warning",
  },
  *check(context) {
    const { report, repository, evidenceStore, consistency, checklist } = context;
    if (consistency.length === 0 || report.checklist.sections.length === 0) return;
    for (const verdict of checklistVerdicts(context))
      if (verdict.finding && verdict.row.rule === CONSISTENCY_RULE_ID) yield verdict.finding;
    const written = consistency.filter((c) => !c.item);
    if (written.length === 0) return;
    const items = itemsById(report, checklist);
    const quotes: Quotes = { denial: null, mention: null, hedge: null };
    const ctx = evalContext(report, items, quotes, repository, evidenceStore);
    for (const c of written) {
      // A rule about the repository says nothing of a report that has none.
      if (repository === null && (c.when?.usesRepository || c.assert.usesRepository)) continue;
      quotes.denial = null;
      quotes.mention = null;
      quotes.hedge = null;
      if (c.when && !c.when.evaluate(ctx)) continue;
      if (c.assert.evaluate(ctx)) continue;
      const at = placeAtQuote(locate(c.assert, report, items), report, quotedBy(c.message, quotes));
      const message = fillMessage(c.message, referencesOf(c), items, quotes);
      yield { ...at, checklistItem: itemIdOf(c), message, severity: c.severity };
    }
  },
});
