import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { describeErrorCode, repositoryRoot, shownPath } from "@mlops-report/engine";
import { isFigureFile, type OutputFile } from "@mlops-report/reporters";
import { type Io, printNote } from "./io.js";
import { messages, UserError } from "./messages.js";
import { fileIdentity, realPath, writeOutput } from "./outputs.js";

/** A figure copied into an HTML folder is at most this big: report files are untrusted. */
export const MAX_FIGURE_BYTES = 10 * 1024 * 1024;
/** All the figures of one folder together, at most. */
export const MAX_FOLDER_FIGURE_BYTES = 512 * 1024 * 1024;

const MB = 1024 * 1024;

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && rel !== ".." && !rel.startsWith("../") && !rel.startsWith("..\\") && !isAbsolute(rel);
}

/** A figure's bytes, or why it is not copied: only a plain image file inside its repository, up to the limit. */
function readFigure(root: string, file: string): Buffer | string {
  if (!isFigureFile(file)) return "not an image file";
  let real: string;
  try {
    real = realpathSync(resolve(root, file));
  } catch (error) {
    return describeErrorCode((error as NodeJS.ErrnoException).code ?? "ENOENT");
  }
  if (!isInside(realPath(root), real)) return "outside its repository";
  // Non-blocking: a FIFO put in the figure's place must not hang the run.
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return describeErrorCode((error as NodeJS.ErrnoException).code ?? "EIO");
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return "not a file";
    if (stats.size > MAX_FIGURE_BYTES) return `over ${MAX_FIGURE_BYTES / MB} MB`;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a folder output: the pages as they are, and each figure copied from its report's repository (found as
 * the image rules find it) when it is an image file inside that repository and within the size limits. A figure
 * that is not is left out with a note; the page then shows its alt text. No file is written outside the folder
 * or over a report being linted.
 */
export function writeFolder(
  folder: string,
  files: readonly OutputFile[],
  reports: ReadonlySet<string>,
  io: Io,
): void {
  const roots = new Map<string, string>();
  let budget = MAX_FOLDER_FIGURE_BYTES;
  for (const file of files) {
    const target = join(folder, file.path);
    const shown = shownPath(io.cwd, target);
    if (!isInside(folder, target)) continue;
    const identity = fileIdentity(target);
    if (identity !== null && reports.has(identity)) throw new UserError(messages.outputIsReport(shown));
    if ("content" in file) {
      writeOutput(target, file.content, shown);
      continue;
    }
    const report = resolve(io.cwd, file.copyFrom.report);
    const root = roots.get(report) ?? repositoryRoot(report);
    roots.set(report, root);
    const read = readFigure(root, file.copyFrom.file);
    const bytes =
      typeof read !== "string" && read.length > budget
        ? `the folder's figures would be over ${MAX_FOLDER_FIGURE_BYTES / MB} MB`
        : read;
    if (typeof bytes === "string") {
      printNote(io, messages.figureNotCopied(shownPath(io.cwd, join(root, file.copyFrom.file)), bytes));
      continue;
    }
    budget -= bytes.length;
    writeOutput(target, bytes, shown);
  }
}
