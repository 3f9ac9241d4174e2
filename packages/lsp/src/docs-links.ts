import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The rules' docs pages, shipped beside the bundle as `docs/rules/...`. */
const docsRoot = new URL("./docs/", import.meta.url);
const shipped = existsSync(fileURLToPath(docsRoot));

/**
 * The link to a rule's docs page from its repository-relative path (`docs/rules/answer/word-count.md`), or null
 * when the pages were not shipped with this build or the rule has none.
 */
export function docsLink(docs: string): string | null {
  if (!shipped || !docs.startsWith("docs/")) return null;
  return new URL(docs.slice("docs/".length), docsRoot).href;
}
