import { type ChecklistItem, memoizeText, type Report } from "@mlops-report/core";

const idMatchers = new WeakMap<ReadonlyMap<string, RegExp>, (text: string) => readonly string[]>();

/** The ids whose matcher finds an item's text; item texts are mostly the template's, so each is matched once. */
export function idsMatching(checklist: ReadonlyMap<string, RegExp>): (text: string) => readonly string[] {
  let ids = idMatchers.get(checklist);
  if (!ids) {
    ids = memoizeText((text) => [...checklist].filter(([, match]) => match.test(text)).map(([id]) => id));
    idMatchers.set(checklist, ids);
  }
  return ids;
}

/** The checklist item an id names: the first whose text its matcher finds. */
export function itemsById(
  report: Report,
  checklist: ReadonlyMap<string, RegExp>,
): Map<string, ChecklistItem> {
  const ids = idsMatching(checklist);
  const out = new Map<string, ChecklistItem>();
  for (const section of report.checklist.sections)
    for (const item of section.items) for (const id of ids(item.text)) if (!out.has(id)) out.set(id, item);
  return out;
}
