import { lstatSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { findReport, type ReportFile, STDIN_ARG, stdinReport } from "./find-report.js";
import { engineMessages as messages, UserError } from "./messages.js";
import { shownPath } from "./paths.js";

/** One thing to lint, or why a PATH gave nothing to lint; in the order the user named them. */
export type Input = { report: ReportFile } | { error: UserError };

/** Where a group's repository keeps its report. */
const GROUP_REPORT = join("reports", "README.md");

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Present in any form (a link to nowhere too, or behind a folder we may not read): reading it then says what is
 * wrong with it.
 */
function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== "ENOENT" && code !== "ENOTDIR";
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The groups of a class folder: every visible sub-folder, each a repository expected to hold
 * `reports/README.md`; null when no sub-folder holds one (then the folder is no class folder).
 */
function classMembers(cwd: string, folder: string): Input[] | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const groups = names
    .filter((name) => !name.startsWith(".") && name !== "node_modules")
    .sort(compare)
    .map((name) => join(folder, name))
    .filter(isFolder);
  const inputs = groups.map((group): Input => {
    const path = join(group, GROUP_REPORT);
    return isPresent(path)
      ? { report: { path, shown: shownPath(cwd, path) } }
      : { error: new UserError(messages.noReportInGroup(shownPath(cwd, group))) };
  });
  return inputs.some((input) => "report" in input) ? inputs : null;
}

function expandOne(cwd: string, arg: string, stdinFilename: string | undefined): Input[] {
  if (arg === STDIN_ARG) return [{ report: stdinReport(cwd, stdinFilename) }];
  const abs = resolve(cwd, arg);
  if (isFolder(abs) && !isPresent(join(abs, GROUP_REPORT))) {
    // A folder of group repositories (a class) is told from a single repository by its members' reports.
    const members = classMembers(cwd, abs);
    if (members) return members;
  }
  if (!isPresent(abs) && isDynamicPattern(arg)) {
    const matches = globSync(arg, { cwd, absolute: true, onlyFiles: false, expandDirectories: false });
    if (matches.length === 0) return [{ error: new UserError(messages.noGlobMatch(arg)) }];
    return matches.sort(compare).map((match) => single(cwd, match));
  }
  return [single(cwd, arg)];
}

function single(cwd: string, arg: string): Input {
  try {
    return { report: findReport(cwd, arg) };
  } catch (error) {
    if (error instanceof UserError) return { error };
    throw error;
  }
}

/**
 * What the PATHs name: a report file; a repository folder (its `reports/README.md`, else `README.md`); a class
 * folder (every sub-folder's `reports/README.md`, sorted, a sub-folder without one named as an error); or a
 * glob; or `-`, standard input, standing at `stdinFilename`. A report named twice is linted once.
 */
export function expandInputs(cwd: string, args: readonly string[], stdinFilename?: string): Input[] {
  const seen = new Set<string>();
  const inputs: Input[] = [];
  for (const arg of args.length > 0 ? args : ["."]) {
    for (const input of expandOne(cwd, arg, stdinFilename)) {
      if ("report" in input) {
        if (seen.has(input.report.path)) continue;
        seen.add(input.report.path);
      }
      inputs.push(input);
    }
  }
  return inputs;
}
