import type { LintResult, RuleMeta } from "@mlops-report/rules";
import type { ResultList } from "./results.js";

export interface ReporterContext {
  /** Metadata of every rule that may appear (SARIF `driver.rules`, docs links). */
  rules: readonly RuleMeta[];
  /** Absolute; SARIF uris and file attributes are relative to it (POSIX separators). */
  cwd: string;
  /** Terminal only. */
  color: boolean;
  /** JUnit: warnings become `<failure>` too. */
  junitWarnings: boolean;
  /** Terminal, JSON and HTML: add the class summary to a run of several reports (default true; `--quiet` drops it). */
  classSummary?: boolean;
  toolVersion: string;
  /** Terminal: show per checklist item what the answers and the repository say (and, for a class, the table). */
  showEvidence?: boolean;
}

/** A pure function: the same results and context always give the same string. */
export type Reporter = (results: readonly LintResult[], context: ReporterContext) => string;

/**
 * A format that reads the results one at a time and gives its text in parts, in order; together they are what its
 * `Reporter` gives. A class's results are then never in memory together, nor is the whole of its output. Parts
 * are whole lines or values, never half of a character.
 */
export type StreamingReporter = (results: ResultList, context: ReporterContext) => Iterable<string>;

/**
 * A file of a folder output, its path relative to the folder (POSIX separators): text the reporter made, or a file
 * of a linted report's repository (`file`, relative to the repository root) to be copied as it is.
 */
export type OutputFile =
  | { path: string; content: string }
  | { path: string; copyFrom: { report: string; file: string } };

/** A pure function, like `Reporter`, whose output is a folder of files. */
export type FolderReporter = (results: readonly LintResult[], context: ReporterContext) => OutputFile[];
