import type { Bounds, ChecklistItem, Constraints, Report } from "@mlops-report/core";
import { closestMatch } from "../dsl/index.js";
import { activeIds } from "./derive.js";
import type { ChecklistIdConfig, MergedConfig } from "./merged-config.js";
import { templateYears } from "./presets.js";

/** What a new year's preset is made from: its template, parsed, and the presets it extends. */
export interface PresetSources {
  template: Report;
  /** The preset the new one extends, as in `mlops-report:2026`. */
  baseName: string;
  base: MergedConfig;
  /** The catalog alone: the question numbers its ids have in the latest template layout. */
  catalog: MergedConfig;
  year: number;
}

const range = (b: Bounds | undefined): string | null =>
  b === undefined ? null : b.min === b.max ? String(b.min) : `${b.min}-${b.max}`;

function constraintsYaml(c: Constraints): string {
  const parts = [
    range(c.words) === null ? null : `words: ${range(c.words)}`,
    range(c.images) === null ? null : `images: ${range(c.images)}`,
  ].filter((p) => p !== null);
  return parts.length === 0 ? "~" : `{ ${parts.join(", ")} }`;
}

const sameBounds = (a: Bounds | undefined, b: Bounds | undefined) => a?.min === b?.min && a?.max === b?.max;

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Characters the course checker skips: the front matter and the blank lines after it. */
function checkerSkips(report: Report): number {
  const front = report.source.frontMatter;
  if (!front) return 0;
  let end = front.range.end.offset;
  while (report.source.text[end] === "\n" || report.source.text[end] === "\r") end++;
  return end;
}

/** A lower-case id from an item's first words, such as `load-test-your` for "Load test your application". */
function suggestedId(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/, "")
    .match(/[a-z0-9]+/g);
  const skip = new Set(["a", "an", "the", "to", "your", "for", "of", "and", "or", "in", "on", "with", "you"]);
  return (words ?? ["item"])
    .filter((w) => !skip.has(w))
    .slice(0, 3)
    .join("-");
}

/** The known id whose matcher shares most words with the item's text. */
function nearestId(text: string, ids: readonly ChecklistIdConfig[]): ChecklistIdConfig | undefined {
  const words = new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  let best: { entry: ChecklistIdConfig; score: number } | undefined;
  for (const entry of ids) {
    const own = entry.match?.source.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const score = own.filter((w) => words.has(w)).length / Math.max(1, own.length);
    if (score > (best?.score ?? 0)) best = { entry, score };
  }
  return (
    best?.entry ??
    ids.find(
      (e) =>
        e.id ===
        closestMatch(
          suggestedId(text),
          ids.map((x) => x.id),
        ),
    )
  );
}

/** Words of a text or matcher, lower-case. */
const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The module tag an item ends with, such as `M24` of "Load test your application (M24)". */
const moduleTag = (text: string) => /\((M\d+(?:\+M\d+)*)\)\s*$/.exec(text)?.[1] ?? null;

/** How much an item reads like an id's: the share of its matcher's words the item has, plus 1 when its terms match. */
function likeness(text: string, entry: ChecklistIdConfig, terms: ReadonlyMap<string, RegExp>): number {
  const words = new Set(wordsOf(text));
  const own = wordsOf(entry.match?.source ?? "");
  const shared = own.filter((w) => words.has(w)).length / Math.max(1, own.length);
  const termsRe = entry.terms === undefined ? undefined : terms.get(entry.terms);
  if (termsRe) termsRe.lastIndex = 0;
  return shared + (termsRe?.test(text) ? 1 : 0);
}

/** The least likeness at which an item no id matches is taken for a known item reworded. */
const REWORDED = 1;

/**
 * Items no id matches that read as the item of an id the template otherwise lacks, reworded (the wording is
 * the id's, by its matcher's words and its evidence terms, and the module tag is no other item's): each such
 * id keeps its place, with a matcher widened to the new wording, instead of being turned off.
 */
function rewordedItems(
  unmapped: readonly ChecklistItem[],
  items: readonly ChecklistItem[],
  lacking: readonly ChecklistIdConfig[],
  terms: ReadonlyMap<string, RegExp>,
): Map<ChecklistItem, ChecklistIdConfig> {
  const tags = items.map((item) => moduleTag(item.text));
  const paired = new Map<ChecklistItem, ChecklistIdConfig>();
  const taken = new Set<string>();
  for (const item of unmapped) {
    const tag = moduleTag(item.text);
    // Two items of one module are two pieces of work: the tag does not tell which was reworded.
    if (tag !== null && tags.filter((t) => t === tag).length > 1) continue;
    let best: { entry: ChecklistIdConfig; score: number } | undefined;
    for (const entry of lacking) {
      if (taken.has(entry.id)) continue;
      const score = likeness(item.text, entry, terms);
      if (score >= REWORDED && score > (best?.score ?? 0)) best = { entry, score };
    }
    if (best) {
      paired.set(item, best.entry);
      taken.add(best.entry.id);
    }
  }
  return paired;
}

/** A matcher that finds the old wording and the new: the new item's first words added. */
function widenedMatch(entry: ChecklistIdConfig, text: string): string {
  const phrase = text
    .replace(/\([^)]*\)\s*$/, "")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .slice(0, 4)
    .join(" ")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `${entry.match!.source}|${phrase}`;
}

const sameList = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  (a ?? []).join(",") === (b ?? []).join(",");

/**
 * A new year's preset, as YAML: its template's question count and fingerprint, the question constraints its
 * prompts state where they differ from the base's, and its checklist mapped to catalog ids.
 */
export function presetFromTemplate(sources: PresetSources): string {
  const { template, base, catalog, year, baseName } = sources;
  const count = template.questions.length;
  const baseCount = base.template.questions;
  const lines: string[] = [
    `# The ${year} exam report, made by \`mlops-report preset --from-template\` from its template (${count} questions).`,
    "# Check the question constraints against the course checker of that year, then test it (docs/new-course-year.md).",
    "# yaml-language-server: $schema=../packages/rules/schema/config.schema.json",
    `extends: ${baseName}`,
    `year: ${year}`,
  ];

  // The template: what tells it from the base year's.
  const items = template.checklist.sections.flatMap((s) => s.items);
  const later = { ...base, year };
  const known = activeIds(later);
  const everyId = [...catalog.checklist.values(), ...base.checklist.values()].filter((e) => e.match);
  const idOf = (text: string) => everyId.find((e) => e.match!.test(text))?.id;
  const baseIds = new Set(activeIds(base).map((e) => e.id));
  const newItems = items.filter((item) => {
    const id = idOf(item.text);
    return id !== undefined && !baseIds.has(id);
  });
  const templateLines = [`  questions: ${count}`];
  const skips = checkerSkips(template);
  if (skips !== (base.template.checkerSkips ?? 0)) templateLines.push(`  checkerSkips: ${skips}`);
  const fingerprint = newItems[0];
  // Detection first takes the years whose question count is nearest the report's: a count no other year has
  // tells the template apart by itself.
  const sameCount = templateYears().filter((y) => y.questionCount === count && y.year !== year);
  if (count !== baseCount && sameCount.length === 0) {
    templateLines.push(
      `  # No fingerprint needed: no other year's template has ${count} questions, and detection goes by the count first.`,
    );
  } else if (fingerprint) {
    const id = idOf(fingerprint.text)!;
    const entry = everyId.find((e) => e.id === id)!;
    templateLines.push(
      "  fingerprints:",
      `    - { preamble: ${quoted(entry.match!.source)}, says: ${quoted(`checklist has the ${id} item`)} }`,
    );
  } else {
    const others =
      count === baseCount
        ? `${base.year ?? "the base"}'s`
        : sameCount.map((y) => y.year).join("'s and ") + "'s";
    templateLines.push(
      `  # No checklist item tells this template from ${others}: add a fingerprint, a phrase only it has.`,
      "  fingerprints: []",
    );
  }
  if (count !== baseCount || templateLines.length > 1) lines.push("template:", ...templateLines);

  // Question constraints, where the prompts differ from the base's.
  const questionLines: string[] = [];
  const numbers = new Set([
    ...template.questions.map((q) => q.number),
    ...Object.keys(base.questions).map(Number),
  ]);
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const own = template.questions.find((q) => q.number === n)?.constraints ?? {};
    const was = base.questions[n] ?? {};
    if (sameBounds(own.words, was.words) && sameBounds(own.images, was.images)) continue;
    questionLines.push(`  ${n}: ${constraintsYaml(own)}`);
  }
  if (questionLines.length > 0) lines.push("questions:", ...questionLines);

  // The checklist: ids the template lacks are turned off; with another question count, ids take the catalog's
  // question numbers (the latest template's layout).
  const checklistLines: string[] = [];
  const found = new Set(items.map((item) => idOf(item.text)).filter((id) => id !== undefined));
  const unmapped = items.filter((item) => idOf(item.text) === undefined);
  const lacking = known.filter((entry) => !found.has(entry.id) && entry.match);
  const reworded = rewordedItems(unmapped, items, lacking, base.terms);
  for (const [item, entry] of reworded) {
    checklistLines.push(
      `  # line ${item.line}: ${JSON.stringify(item.text)} reads as ${entry.id}'s item reworded: widen its match in configs/catalog.yaml, or keep this`,
      `  ${entry.id}: { match: ${quoted(widenedMatch(entry, item.text))} }`,
    );
    found.add(entry.id);
  }
  for (const entry of known) if (!found.has(entry.id)) checklistLines.push(`  ${entry.id}: off`);
  if (count !== baseCount) {
    for (const entry of known) {
      const own = catalog.checklist.get(entry.id)?.questions;
      if (found.has(entry.id) && own && !sameList(own, entry.questions))
        checklistLines.push(`  ${entry.id}: { questions: [${own.join(", ")}] }`);
    }
  }
  if (checklistLines.length > 0) lines.push("checklist:", ...checklistLines);

  const unknown = unmapped.filter((item) => !reworded.has(item));
  if (unknown.length > 0) {
    lines.push("# Checklist items no catalog id matches: add each to configs/catalog.yaml (docs/config.md).");
    for (const item of unknown) {
      const near = nearestId(item.text, everyId);
      lines.push(
        `#   line ${item.line}: ${JSON.stringify(item.text)}: suggested id ${suggestedId(item.text)}` +
          (near ? `; nearest known item: ${near.id} (${JSON.stringify(near.match!.source)})` : ""),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
