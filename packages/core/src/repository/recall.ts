import {
  arrayOf,
  isBoolean,
  isNumber,
  isString,
  mapOf,
  nullable,
  oneOf,
  pairOf,
  shape,
} from "../shape-check.js";
import type { EntryStat } from "./fs.js";
import type { RepositorySearch } from "./view.js";

/*
 * What a repository view found in an earlier run, given to the next view of the same repository: a student who
 * lints, edits the report and lints again has the same code, so its searches need not read and match it again.
 * An answer is taken again only while the listing is the same and every file its search looked at is as it was
 * (kind, size and modification time, as git's index tells a changed file); a file changed within the last seconds
 * is not remembered at all, since a second change in the same clock tick would keep both.
 */

/** What a view did to one listed path, and the path's state then. */
export interface Look {
  /** Kind, size and modification time (of a link: its target and the target's); equal again: the same text. */
  state: string;
  /** The file read (a link's target): a lint cache records it as a file the result depends on. */
  read: string | null;
  /** Why the view left the path out, if it did. */
  skip: string | null;
  /** Whether looking at it counted towards the limit of paths looked at. */
  counted: boolean;
}

/** A search's answer and every path it looked at, in order. */
export interface RecalledSearch {
  result: RepositorySearch;
  looks: readonly (readonly [path: string, look: Look])[];
}

/** How a listing was made, and what it depended on: while that holds, the same listing is taken again. */
export interface RecalledListing {
  source: "git" | "walk";
  /** Paths with their states: git's index, or every folder, ignore file and link a walk looked at. */
  proof: readonly (readonly [key: string, state: string])[];
  /** What the listing left out, and why. */
  skips: readonly (readonly [path: string, reason: string])[];
}

export interface RepositoryRecall {
  /** The limits the answers were found within. */
  limits: string;
  /** The listing the answers were found in. */
  files: readonly string[];
  /** How it was made; null when it cannot be taken again (it depended on something changed too recently). */
  listing: RecalledListing | null;
  /** Each glob asked, with the listed files it matched. */
  matches: ReadonlyMap<string, readonly string[]>;
  /** Each search made, by its key. */
  searches: ReadonlyMap<string, RecalledSearch>;
}

/** A file changed more recently than this may change again without its size or modification time telling. */
const SETTLED_MS = 2000;

/** A file's size and modification time, which tell a later change; null when it changed too recently to tell. */
export function settledState(stat: EntryStat): string | null {
  return Date.now() - stat.mtimeMs < SETTLED_MS ? null : `${stat.size}:${stat.mtimeMs}`;
}

const isPairs = arrayOf(pairOf(isString, isString));
const isStrings = arrayOf(isString);
const isListing = nullable(shape({ source: oneOf("git", "walk"), proof: isPairs, skips: isPairs }));
const isMatch = nullable(shape({ path: isString, line: isNumber, text: isString }));
const isLook = shape({
  state: isString,
  read: nullable(isString),
  skip: nullable(isString),
  counted: isBoolean,
});
const isRecalledSearch = shape({
  result: shape({ match: isMatch, complete: isBoolean }),
  looks: arrayOf(pairOf(isString, isLook)),
});
const isRecall = shape({
  limits: isString,
  files: isStrings,
  listing: isListing,
  matches: mapOf(isString, isStrings),
  searches: mapOf(isString, isRecalledSearch),
});

/** True for a recall of the right shape: one read back from a file may be anything (`shape-check`). */
export function isRepositoryRecall(value: unknown): value is RepositoryRecall {
  return isRecall(value);
}
