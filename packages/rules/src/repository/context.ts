import { posix } from "node:path";
import { isExcepted, type RepositoryView } from "@mlops-report/core";
import type { DslEnvironment, EvalContext } from "../dsl/index.js";

/** Repository evidence names no question or checklist item: its expressions compile against no names. */
export const REPOSITORY_ONLY_NAMES: DslEnvironment = { questions: new Set(), checklistIds: new Set() };

/** A file the repository shows, with the line a content match was found on. */
export interface RepositoryHit {
  path: string;
  line?: number;
  text?: string;
}

/** What evaluating repository functions came across. */
export interface RepositoryFindings {
  /** The first file or line that made a function true. */
  hits: RepositoryHit[];
  /** A search a limit cut short found nothing: "absent" is not known for sure. */
  incomplete: boolean;
}

/**
 * The repository functions of the expression language over a view. The report's own folder is no evidence (the
 * report describes the work; it is not the work), nor is the report file itself.
 */
export function repositoryFunctions(
  view: RepositoryView | null,
  reportPath: string,
  findings: RepositoryFindings,
): Pick<EvalContext, "exists" | "contains" | "files"> {
  if (view === null) return { exists: () => false, contains: () => false, files: () => 0 };
  const rel = posix.relative(view.root, reportPath.split("\\").join("/"));
  const reportDir = posix.dirname(rel);
  const except = reportDir === "." ? [rel] : [rel, `${reportDir}/`];
  const own = (path: string) => isExcepted(path, except);
  const matching = (glob: string) => view.matching(glob).filter((path) => !own(path));
  return {
    exists(glob) {
      const first = view.matching(glob).find((path) => !own(path));
      if (first !== undefined) findings.hits.push({ path: first });
      return first !== undefined;
    },
    files(glob) {
      const found = matching(glob);
      if (found[0] !== undefined) findings.hits.push({ path: found[0] });
      return found.length;
    },
    contains(glob, re) {
      // The view keeps every search it made: an editor's re-lint of the same report asks it nothing twice.
      const result = view.search(glob, re, except);
      if (result.match) findings.hits.push({ ...result.match });
      else if (!result.complete) findings.incomplete = true;
      return result.match !== null;
    },
  };
}
