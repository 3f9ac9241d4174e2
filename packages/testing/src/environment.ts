/** Where the tests find the shared test data and the external validators, and what they do when absent. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "./browser.js";
import { inCI, SHARED } from "./setting.js";

export const hasShared = existsSync(SHARED);
export const junitSchemaPath = `${SHARED}schemas/junit-10-fileline.xsd`;
export const sarifSchemaPath = `${SHARED}schemas/sarif-schema-2.1.0.json`;
export const corpusDir = `${SHARED}corpus/`;

export function warnSkip(what: string, why: string): void {
  console.warn(`[reporters] skipping ${what}: ${why}`);
}

if (!hasShared) warnSkip("tests that read ../shared", `${SHARED} does not exist`);

function commandWorks(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: "ignore" });
  return run.error === undefined && run.status === 0;
}

export const hasXmllint = commandWorks("xmllint", ["--version"]);
export const hasChromium = existsSync(CHROMIUM);

/**
 * True when tests needing a tool should run: always in CI (where a missing tool must fail them), elsewhere
 * only when the tool is installed, with a note when it is not.
 */
export function shouldRunWith(tool: string, available: boolean): boolean {
  if (available || inCI) return true;
  warnSkip(`tests that need ${tool}`, `${tool} is not installed`);
  return false;
}

export interface XmllintOutcome {
  valid: boolean;
  messages: string;
}

/** Validates XML text against an XSD with libxml2's `xmllint --schema`. */
export function xmllintValidate(xml: string, xsdPath: string): XmllintOutcome {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsdPath, "-"], {
    input: xml,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(`xmllint could not run (Debian: apt-get install libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, messages: run.stderr };
}
