import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { shownPath } from "@mlops-report/engine";
import { messages, UserError } from "./messages.js";

export { shownPath };

export interface ReportFile {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the working directory. */
  shown: string;
}

const CANDIDATES = ["reports/README.md", "README.md"];

function kindOf(path: string): "file" | "folder" | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? "folder" : "file";
  } catch {
    return null;
  }
}

/**
 * The report a PATH names: a file as it is; a folder's `reports/README.md`, else its `README.md`. Throws a
 * UserError naming the path when there is none.
 */
export function findReport(cwd: string, arg: string): ReportFile {
  const abs = resolve(cwd, arg);
  const kind = kindOf(abs);
  if (kind === null) throw new UserError(messages.missingPath(arg));
  if (kind === "file") return { path: abs, shown: shownPath(cwd, abs) };
  for (const candidate of CANDIDATES) {
    const path = join(abs, candidate);
    if (kindOf(path) === "file") return { path, shown: shownPath(cwd, path) };
  }
  throw new UserError(messages.noReportInFolder(arg));
}
