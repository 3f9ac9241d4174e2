import { dirname } from "node:path";
import { findRepositoryRoot, nodeFileProbe, openRepository } from "@mlops-report/core";
import { configCandidates } from "@mlops-report/rules";

/** What a report's findings depend on besides its own text: what a front end watches to lint it again. */
export interface ReportDependencies {
  /** The report's folder, with the folders inside it (figures/). */
  folder: string;
  /** The folders above it, up to its repository's root, where its config file may be (the folder's own first). */
  configFolders: string[];
  /** The repository around it, whose files are checklist evidence; null when it is in none. */
  repository: string | null;
}

/**
 * The repository root GitHub renders a report from: the nearest folder above it holding `.git`, else the one
 * holding `reports/`, else the report's own.
 */
export function repositoryRoot(path: string): string {
  return findRepositoryRoot(path, nodeFileProbe());
}

/** The folders where a report's config file may be: its own, then each above it up to its repository's root. */
export function configFolders(path: string): string[] {
  return configCandidates(path, repositoryRoot(path)).map((candidate) => dirname(candidate));
}

/** Opens the report's repository (which may ask git whether an enclosing repository tracks it). */
export function reportDependencies(path: string): ReportDependencies {
  return {
    folder: dirname(path),
    configFolders: configFolders(path),
    repository: openRepository(path)?.root ?? null,
  };
}
