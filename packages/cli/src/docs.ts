import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where a docs page (`docs/rules/answer/word-count.md`) is on this machine: the copy the build ships beside the
 * bundle (`dist/docs/…`), or, when running from source, the repository's own page.
 */
export function docsPage(page: string): string {
  const shipped = fileURLToPath(new URL(`./${page}`, import.meta.url));
  return existsSync(shipped) ? shipped : fileURLToPath(new URL(`../../../${page}`, import.meta.url));
}
