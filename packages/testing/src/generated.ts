import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./setting.js";

const biome = join(REPO_ROOT, "node_modules/.bin/biome");

const format = (text: string, path: string) =>
  execFileSync(biome, ["format", `--stdin-file-path=${path}`], { input: text, encoding: "utf8" });

/**
 * A generated file's text as the project's formatter lays it out at `path`, so that the file a test writes from a
 * declaration (with `vitest -u`) passes the lint as it is. Twice: one pass leaves some deeply nested expressions
 * of compiled code for a second to break differently.
 */
export function formatted(text: string, path: string): string {
  return format(format(text, path), path);
}
