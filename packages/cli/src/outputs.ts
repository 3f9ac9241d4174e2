import { closeSync, openSync, realpathSync, statSync, writeFileSync, writeSync } from "node:fs";
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
  return value.endsWith("/") || value.endsWith(sep) || isFolder(path);
}

/**
 * Whether a folder is at `path`; false for a path that cannot be looked at (a file on the way: writing there then
 * fails with its own message).
 */
function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
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

/** The message of a file that cannot be written, from the error that says why. */
function cannotWrite(shown: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(messages.cannotWrite(shown, code ? describeErrorCode(code) : String(error)));
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
    throw cannotWrite(shown, error);
  }
}

/** An output's parts are written in blocks of at least this many characters: few writes, never the whole text. */
const BLOCK_CHARACTERS = 1 << 16;

/** The parts of a text joined into blocks of at least BLOCK_CHARACTERS (the last may be shorter). */
export function* inBlocks(parts: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const part of parts) {
    pending.push(part);
    size += part.length;
    if (size < BLOCK_CHARACTERS) continue;
    yield pending.join("");
    pending = [];
    size = 0;
  }
  if (size > 0) yield pending.join("");
}

/** Writes all of `text` at the file's current end: a write to a pipe may take only some of it. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

/**
 * Writes an output file from its parts as they are made, a block at a time, so that a class's output is never
 * in memory whole; as `writeOutput` does, with the file opened at its first block. A reporter's error goes on
 * as it is; only the file's own errors become the one line.
 */
export function writeOutputParts(file: string, parts: Iterable<string>, shown: string): void {
  let fd: number | null = null;
  try {
    for (const block of inBlocks(parts)) {
      fd ??= openOutput(file, shown);
      try {
        writeAll(fd, block);
      } catch (error) {
        throw cannotWrite(shown, error);
      }
    }
  } finally {
    if (fd !== null) closeOutput(fd, shown);
  }
  if (fd === null) writeOutput(file, "", shown);
}

function openOutput(file: string, shown: string): number {
  try {
    makeFolder(dirname(file));
    return openSync(file, "w");
  } catch (error) {
    throw cannotWrite(shown, error);
  }
}

function closeOutput(fd: number, shown: string): void {
  try {
    closeSync(fd);
  } catch (error) {
    throw cannotWrite(shown, error);
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
