import { posix } from "node:path";
import { isExcepted, type RepositoryView } from "@mlops-report/core";
import type { DslEnvironment } from "../dsl/index.js";

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

/** What the repository functions read: the view, without the report's own folder and file, and what they found. */
export interface RepositoryScope {
  view: RepositoryView;
  /** The report file and its folder, as `RepositoryView.search` takes them. */
  except: readonly string[];
  /** The paths the glob matches, outside the report's folder. */
  matching(glob: string): string[];
  findings: RepositoryFindings;
}

/**
 * The repository as the expression language's functions see it. The report's own folder is no evidence (the
 * report describes the work; it is not the work), nor is the report file itself.
 */
export function repositoryScope(
  view: RepositoryView | null,
  reportPath: string,
  findings: RepositoryFindings,
): RepositoryScope | null {
  if (view === null) return null;
  const rel = posix.relative(view.root, reportPath.split("\\").join("/"));
  const reportDir = posix.dirname(rel);
  const except = reportDir === "." ? [rel] : [rel, `${reportDir}/`];
  const matching = (glob: string) => view.matching(glob).filter((path) => !isExcepted(path, except));
  return { view, except, matching, findings };
}
