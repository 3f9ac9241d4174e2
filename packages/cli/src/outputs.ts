import { statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describeErrorCode } from "@mlops-report/core";
import { makeFolder } from "@mlops-report/engine";
import { type FormatName, formatNames } from "@mlops-report/reporters";
import { messages, UserError } from "./messages.js";

export interface Output {
  format: FormatName;
  /** Absolute file path, or null for standard output. */
  file: string | null;
}

function isFormat(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

/** `--format terminal --format junit=out/junit.xml [--output FILE]` -> where each format goes. */
export function parseOutputs(specs: readonly string[], output: string | undefined, cwd: string): Output[] {
  const outputs = (specs.length ? specs : ["terminal"]).map((spec): Output => {
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!isFormat(name)) throw new UserError(messages.unknownFormat(name, formatNames));
    return { format: name, file: eq === -1 ? null : resolve(cwd, spec.slice(eq + 1)) };
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
export function writeOutput(file: string, text: string, shown: string): void {
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
