import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_FILE_NAME = ".mlops-report.yaml";

/**
 * Where a report's config may stand, nearest first: `.mlops-report.yaml` beside the report and in each folder
 * above it, up to and including the repository root.
 */
export function configCandidates(reportPath: string, repositoryRoot: string): string[] {
  const root = resolve(repositoryRoot);
  const candidates: string[] = [];
  for (let dir = dirname(resolve(reportPath)); ; dir = dirname(dir)) {
    candidates.push(join(dir, CONFIG_FILE_NAME));
    if (dir === root || dirname(dir) === dir || !dir.startsWith(root)) return candidates;
  }
}

/** The config that applies to a report found in its folders: the nearest of its candidates that exists. */
export function findConfigFile(reportPath: string, repositoryRoot: string): string | null {
  return configCandidates(reportPath, repositoryRoot).find((candidate) => existsSync(candidate)) ?? null;
}
