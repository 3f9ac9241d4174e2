import { compact, compactParts } from "./compact.js";
import { csv, csvParts, csvStudents, csvStudentsParts } from "./csv.js";
import { github, githubParts } from "./github.js";
import { htmlReporter } from "./html.js";
import { json, jsonParts } from "./json.js";
import { junit, junitParts } from "./junit.js";
import { readAll } from "./results.js";
import { sarif, sarifParts } from "./sarif.js";
import { terminal, terminalParts } from "./terminal.js";
import type { Reporter, StreamingReporter } from "./types.js";

/**
 * What a format reads of each result's report model: `slim` is counts, states, positions, images and checklist
 * items; `full` adds the texts (the source, answers, prompts, links, code). A run keeps no more than its formats
 * need, so that a class of 1,000 results fits in memory.
 */
export type ReportDetail = "full" | "slim";

/** One output format: everything the command needs to offer it. */
export interface ReporterEntry {
  /** What `--format NAME` selects. */
  readonly name: string;
  readonly needs: ReportDetail;
  readonly render: Reporter;
  /**
   * The same text in parts, the results read one at a time: what a class run writes. Without it, the format
   * renders every result at once.
   */
  readonly stream?: StreamingReporter;
}

/** The formats, the default (`terminal`) first. A new format is one entry here. */
export const REPORTERS = [
  { name: "terminal", needs: "slim", render: terminal, stream: terminalParts },
  { name: "json", needs: "slim", render: json, stream: jsonParts },
  { name: "junit", needs: "slim", render: junit, stream: junitParts },
  // The page shows the answers' text.
  { name: "html", needs: "full", render: htmlReporter },
  // SARIF quotes the source lines.
  { name: "sarif", needs: "full", render: sarif, stream: sarifParts },
  { name: "github", needs: "slim", render: github, stream: githubParts },
  { name: "compact", needs: "slim", render: compact, stream: compactParts },
  { name: "csv", needs: "slim", render: csv, stream: csvParts },
  { name: "csv-students", needs: "slim", render: csvStudents, stream: csvStudentsParts },
] as const satisfies readonly ReporterEntry[];

/** The formats of a list of entries, by name, in the list's order. */
export interface ReporterRegistry<Name extends string> {
  readonly formatNames: readonly Name[];
  readonly reporters: Readonly<Record<Name, Reporter>>;
  /** Each format's text in parts, the results read one at a time where the format allows. */
  readonly streams: Readonly<Record<Name, StreamingReporter>>;
  /** What each format reads of a report. */
  readonly needs: Readonly<Record<Name, ReportDetail>>;
  isFormat(name: string): name is Name;
}

/** A format that renders every result at once, as one part. */
const wholeAtOnce =
  (render: Reporter): StreamingReporter =>
  (list, context) => [render(readAll(list), context)];

export function reporterRegistry<const E extends readonly ReporterEntry[]>(
  entries: E,
): ReporterRegistry<E[number]["name"]> {
  type Name = E[number]["name"];
  const byName = (pick: (entry: E[number]) => unknown) =>
    Object.freeze(Object.fromEntries(entries.map((entry) => [entry.name, pick(entry)])));
  const formatNames: readonly Name[] = Object.freeze(entries.map((entry) => entry.name));
  if (new Set(formatNames).size !== formatNames.length) throw new Error("Two formats share a name");
  return {
    formatNames,
    reporters: byName((entry) => entry.render) as Record<Name, Reporter>,
    streams: byName((entry) => entry.stream ?? wholeAtOnce(entry.render)) as Record<Name, StreamingReporter>,
    needs: byName((entry) => entry.needs) as Record<Name, ReportDetail>,
    isFormat: (name): name is Name => (formatNames as readonly string[]).includes(name),
  };
}

export const builtinReporters = reporterRegistry(REPORTERS);

export type FormatName = (typeof REPORTERS)[number]["name"];
