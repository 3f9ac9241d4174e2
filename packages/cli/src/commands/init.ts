import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE_NAME, COURSE_YEARS } from "@mlops-report/rules";
import type { Io } from "../io.js";
import { messages, UserError } from "../messages.js";

const YEARS = COURSE_YEARS.map(String);

export function starterConfig(year: string): string {
  return `# yaml-language-server: $schema=./node_modules/@mlops-report/rules/schema/config.schema.json
# mlops-report settings for this repository; see docs/config.md of mlops-report.
extends: mlops-report:${year}

# Read each question's word and image ranges from the report's own prompts instead of the ${year} preset:
# constraints: from-template

rules:
  # Count words exactly as the course's checker does (wrappers, URLs and markdown syntax included):
  # answer/word-count: [warning, { counting: official }]
  # Turn a rule off:
  # image/outside-report: off
  consistency: {}
`;
}

/** Writes a starter `.mlops-report.yaml` for a course year into the working folder. */
export function initCommand(options: { year: string; force?: boolean }, io: Io): number {
  if (!YEARS.includes(options.year)) throw new UserError(messages.badYear(options.year, YEARS));
  const path = join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(path) && !options.force) throw new UserError(messages.configExists(CONFIG_FILE_NAME));
  writeFileSync(path, starterConfig(options.year));
  io.stdout(`Wrote ${CONFIG_FILE_NAME} (extends mlops-report:${options.year})\n`);
  return 0;
}
