import type { Bounds, Constraints, Report } from "@mlops-report/core";
import { closestMatch } from "../dsl/index.js";
import { activeIds } from "./derive.js";
import type { ChecklistIdConfig, MergedConfig } from "./load.js";

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
  if (fingerprint && count === baseCount) {
    const id = idOf(fingerprint.text)!;
    const entry = everyId.find((e) => e.id === id)!;
    templateLines.push(
      "  fingerprints:",
      `    - { preamble: ${quoted(entry.match!.source)}, says: ${quoted(`checklist has the ${id} item`)} }`,
    );
  } else if (count === baseCount) {
    templateLines.push(
      `  # No checklist item tells this template from ${base.year ?? "the base"}'s: add a fingerprint, a phrase only it has.`,
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
  for (const entry of known) if (!found.has(entry.id)) checklistLines.push(`  ${entry.id}: off`);
  if (count !== baseCount) {
    for (const entry of known) {
      const own = catalog.checklist.get(entry.id)?.questions;
      if (found.has(entry.id) && own && !sameList(own, entry.questions))
        checklistLines.push(`  ${entry.id}: { questions: [${own.join(", ")}] }`);
    }
  }
  if (checklistLines.length > 0) lines.push("checklist:", ...checklistLines);

  const unmapped = items.filter((item) => idOf(item.text) === undefined);
  if (unmapped.length > 0) {
    lines.push("# Checklist items no catalog id matches: add each to configs/catalog.yaml (docs/config.md).");
    for (const item of unmapped) {
      const near = nearestId(item.text, everyId);
      lines.push(
        `#   line ${item.line}: ${JSON.stringify(item.text)}: suggested id ${suggestedId(item.text)}` +
          (near ? `; nearest known item: ${near.id} (${JSON.stringify(near.match!.source)})` : ""),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
