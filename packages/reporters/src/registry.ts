import { compact } from "./compact.js";
import { csv, csvStudents } from "./csv.js";
import { github } from "./github.js";
import { htmlReporter } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { terminal } from "./terminal.js";
import type { Reporter } from "./types.js";

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
}

/** The formats, the default (`terminal`) first. A new format is one entry here. */
export const REPORTERS = [
  { name: "terminal", needs: "slim", render: terminal },
  { name: "json", needs: "slim", render: json },
  { name: "junit", needs: "slim", render: junit },
  // The page shows the answers' text.
  { name: "html", needs: "full", render: htmlReporter },
  // SARIF quotes the source lines.
  { name: "sarif", needs: "full", render: sarif },
  { name: "github", needs: "slim", render: github },
  { name: "compact", needs: "slim", render: compact },
  { name: "csv", needs: "slim", render: csv },
  { name: "csv-students", needs: "slim", render: csvStudents },
] as const satisfies readonly ReporterEntry[];

/** The formats of a list of entries, by name, in the list's order. */
export interface ReporterRegistry<Name extends string> {
  readonly formatNames: readonly Name[];
  readonly reporters: Readonly<Record<Name, Reporter>>;
  /** What each format reads of a report. */
  readonly needs: Readonly<Record<Name, ReportDetail>>;
  isFormat(name: string): name is Name;
}

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
    needs: byName((entry) => entry.needs) as Record<Name, ReportDetail>,
    isFormat: (name): name is Name => (formatNames as readonly string[]).includes(name),
  };
}

export const builtinReporters = reporterRegistry(REPORTERS);

export type FormatName = (typeof REPORTERS)[number]["name"];
