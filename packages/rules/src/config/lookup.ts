import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_FILE_NAME = ".mlops-report.yaml";

/**
 * The config that applies to a report found in its folders: `.mlops-report.yaml` beside the report or in a folder
 * above it, up to and including the repository root.
 */
export function findConfigFile(reportPath: string, repositoryRoot: string): string | null {
  const root = resolve(repositoryRoot);
  for (let dir = dirname(resolve(reportPath)); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dir === root || dirname(dir) === dir || !dir.startsWith(root)) return null;
  }
}
