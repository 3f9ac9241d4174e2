import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describeErrorCode } from "@mlops-report/core";
import { engineMessages as messages, UserError } from "./messages.js";
import { shownPath } from "./paths.js";

export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the working directory. */
  shown: string;
  /** The report is read from standard input (`-`); `path` is where it stands (`--stdin-filename`). */
  fromStdin?: boolean;
}

/** The path that stands for standard input, as in other command-line tools. */
export const STDIN_ARG = "-";
/** How a report read from standard input without `--stdin-filename` is shown. */
export const STDIN_SHOWN = "<stdin>";

/**
 * The report read from standard input: at `--stdin-filename` (its figures, repository and config are looked up
 * from there), else as if in the working folder.
 */
export function stdinReport(cwd: string, stdinFilename: string | undefined): ReportFile {
  if (stdinFilename === undefined)
    return { path: join(cwd, STDIN_SHOWN), shown: STDIN_SHOWN, fromStdin: true };
  const path = resolve(cwd, stdinFilename);
  return { path, shown: shownPath(cwd, path), fromStdin: true };
}

const CANDIDATES = ["reports/README.md", "README.md"];

/** What is at `path`; a path that exists but cannot be looked at (no permission) is a UserError naming it. */
function kindOf(path: string, shown: string): "file" | "folder" | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? "folder" : "file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new UserError(messages.unreadable(shown, describeErrorCode(code)));
  }
}

/**
 * The report a PATH names: a file as it is; a folder's `reports/README.md`, else its `README.md`. Throws a
 * UserError naming the path when there is none.
 */
export function findReport(cwd: string, arg: string): ReportFile {
  const abs = resolve(cwd, arg);
  const kind = kindOf(abs, arg);
  if (kind === null) throw new UserError(messages.missingPath(arg));
  if (kind === "file") return { path: abs, shown: shownPath(cwd, abs) };
  for (const candidate of CANDIDATES) {
    const path = join(abs, candidate);
    const shown = shownPath(cwd, path);
    const found = kindOf(path, shown);
    if (found === "file") return { path, shown };
    // A candidate that is a folder is a mistake worth naming rather than looking past.
    if (found === "folder") throw new UserError(messages.reportIsFolder(shown));
  }
  throw new UserError(messages.noReportInFolder(arg));
}
