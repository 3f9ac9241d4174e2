import type { LintResult } from "@mlops-report/rules";
import type { Reporter, StreamingReporter } from "./types.js";

/**
 * The results an output is made of, in any order: how many, each one's path, and each result read only when
 * asked for. A run keeps a class's results packed and hands them over as such a list, so that a format that reads
 * one result at a time never holds the whole class in memory.
 */
export interface ResultList {
  readonly length: number;
  /** The `filePath` of the result at `index`, known without reading the result. */
  filePath(index: number): string;
  /** The result at `index`; a packed list makes it anew at each call, so keep it no longer than needed. */
  read(index: number): LintResult;
}

/** Results in memory as a list. */
export function listOf(results: readonly LintResult[]): ResultList {
  return {
    length: results.length,
    filePath: (index) => results[index]!.filePath,
    read: (index) => results[index]!,
  };
}

/** Every result of a list at once, in its order: for the formats that show them all together (the HTML page). */
export function readAll(list: ResultList): LintResult[] {
  return Array.from({ length: list.length }, (_, index) => list.read(index));
}

/** A format that gives its text in parts as a `Reporter` of results in memory: the parts joined. */
export function wholeText(parts: StreamingReporter): Reporter {
  return (results, context) => Array.from(parts(listOf(results), context)).join("");
}
