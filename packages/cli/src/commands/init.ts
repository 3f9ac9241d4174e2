import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE_NAME, courseYears } from "@mlops-report/engine";
import type { Io } from "../io.js";
import { messages, UserError } from "../messages.js";

/** The config file's JSON Schema, which the build puts beside the bundle. */
const SCHEMA = fileURLToPath(new URL("./config.schema.json", import.meta.url));
/** A copy of the schema beside the config, for a command installed outside the repository. */
const SCHEMA_COPY = ".mlops-report.schema.json";

/**
 * Where the config's schema line points, relative to the config so that it holds on every machine that checks the
 * repository out: the installed package's schema when the command is installed inside the repository
 * (`./node_modules/mlops-report/dist/config.schema.json`), else a copy written beside the config (an absolute
 * path would name this machine's installation). Null when run from source, which has no built schema.
 */
function schemaReference(cwd: string): { path: string; copy: boolean } | null {
  if (!existsSync(SCHEMA)) return null;
  const inside = relative(cwd, SCHEMA);
  if (!inside.startsWith("..") && !isAbsolute(inside))
    return { path: `./${inside.replaceAll("\\", "/")}`, copy: false };
  return { path: `./${SCHEMA_COPY}`, copy: true };
}

function starterConfig(year: string, schema: string | null): string {
  const schemaLine = schema === null ? "" : `# yaml-language-server: $schema=${schema}\n`;
  return `${schemaLine}# mlops-report settings for this repository; see docs/config.md of the mlops-report package
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
  const schema = schemaReference(io.cwd);
  writeFileSync(path, starterConfig(year, schema?.path ?? null));
  if (schema?.copy) copyFileSync(SCHEMA, join(io.cwd, SCHEMA_COPY));
  const also = schema?.copy ? ` and ${SCHEMA_COPY} (its schema, for editors)` : "";
  io.stdout(`Wrote ${CONFIG_FILE_NAME} (extends mlops-report:${year})${also}\n`);
  return 0;
}
