import { existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE_NAME, courseYears } from "@mlops-report/rules";
import { docsPage } from "../docs.js";
import type { Io } from "../io.js";
import { messages, UserError } from "../messages.js";

/** The config file's JSON Schema, which the build puts beside the bundle. */
const SCHEMA = fileURLToPath(new URL("./config.schema.json", import.meta.url));

/**
 * The line that shows editors (YAML language server) the schema: by a relative path when the command is
 * installed inside the repository, else by this installation's absolute path; none when run from source.
 */
function schemaLine(cwd: string): string {
  if (!existsSync(SCHEMA)) return "";
  const inside = relative(cwd, SCHEMA);
  const path = inside.startsWith("..") || isAbsolute(inside) ? SCHEMA : `./${inside}`;
  return `# yaml-language-server: $schema=${path.replaceAll("\\", "/")}\n`;
}

function starterConfig(year: string, cwd: string): string {
  return `${schemaLine(cwd)}# mlops-report settings for this repository; see ${docsPage("docs/config.md")}
extends: mlops-report:${year}

# Read each question's word and image ranges from the report's own prompts instead of the ${year} preset:
# constraints: from-template

rules:
  # Count the words a reader sees instead of the course checker's tokens (wrappers, URLs, markup included):
  # answer/word-count: [warning, { counting: prose }]
  # Turn a rule off:
  # image/outside-report: off
  consistency: {}
`;
}

/** Writes a starter `.mlops-report.yaml` for a course year into the working folder. */
export function initCommand(options: { year?: string; force?: boolean }, io: Io): number {
  const years = courseYears().map(String);
  const year = options.year ?? years.at(-1) ?? "base";
  if (!years.includes(year)) throw new UserError(messages.badYear(year, years));
  const path = join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(path) && !options.force) throw new UserError(messages.configExists(CONFIG_FILE_NAME));
  writeFileSync(path, starterConfig(year, io.cwd));
  io.stdout(`Wrote ${CONFIG_FILE_NAME} (extends mlops-report:${year})\n`);
  return 0;
}
