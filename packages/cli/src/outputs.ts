import { realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { describeErrorCode, makeFolder } from "@mlops-report/engine";
import { builtinReporters, type FormatName, formatNames } from "@mlops-report/reporters";
import { messages, UserError } from "./messages.js";

export interface Output {
  format: FormatName;
  /** Absolute file path, or null for standard output. */
  file: string | null;
  /** `file` is a folder to write the format's files into (html only). */
  folder?: true;
}

/** `out/` (a trailing separator) or the name of an existing folder names a folder. */
function namesFolder(value: string, path: string): boolean {
  return (
    value.endsWith("/") ||
    value.endsWith(sep) ||
    statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
  );
}

/**
 * `--format terminal --format junit=out/junit.xml --format html=out/ [--output FILE]` -> where each format goes.
 */
export function parseOutputs(specs: readonly string[], output: string | undefined, cwd: string): Output[] {
  const outputs = (specs.length ? specs : ["terminal"]).map((spec): Output => {
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!builtinReporters.isFormat(name)) throw new UserError(messages.unknownFormat(name, formatNames));
    if (eq === -1) return { format: name, file: null };
    const value = spec.slice(eq + 1);
    const file = resolve(cwd, value);
    if (!namesFolder(value, file)) return { format: name, file };
    if (name !== "html") throw new UserError(messages.folderForFormat(name, value));
    return { format: name, file, folder: true };
  });
  const toStdout = outputs.filter((o) => o.file === null);
  if (output !== undefined && toStdout.length > 0) toStdout[0]!.file = resolve(cwd, output);
  const stillStdout = outputs.filter((o) => o.file === null);
  if (stillStdout.length > 1)
    throw new UserError(messages.twoFormatsToStdout(stillStdout.map((o) => o.format)));
  return outputs;
}

/**
 * Writes an output file, creating the folders missing above it (as `--output out/lint.json` in a fresh checkout
 * needs): the path comes from the command line, which is trusted. One line naming the file when it cannot be
 * written.
 */
export function writeOutput(file: string, text: string | Uint8Array, shown: string): void {
  try {
    makeFolder(dirname(file));
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(messages.cannotWrite(shown, code ? describeErrorCode(code) : String(error)));
  }
}

/**
 * The file a path names, by device and inode (through links), or null when there is none: every name of one file
 * compares equal, a symbolic link, a `../` spelling and a hard link alike.
 */
export function fileIdentity(path: string): string | null {
  try {
    const stats = statSync(path, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return null;
  }
}

/** The path with its links resolved, when it exists: two names of one file compare equal. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
