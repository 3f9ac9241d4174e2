import { decodeUtf8, describeReadFailure, FileReadError, readRegularFile } from "@mlops-report/core";
import { engineMessages as messages, UserError } from "./messages.js";

/**
 * The largest report read, in bytes: course reports are some 40 KB, and the markdown parser takes super-linear
 * time on some shapes of text, so one huge file must not hold up a class run.
 */
export const REPORT_SIZE_LIMIT = 1024 * 1024;

/**
 * Why a report's text already in memory (an editor's buffer) is not linted: too large, as `readReport` says of a
 * file; null when it is within the size limit.
 */
export function textSizeProblem(text: string, shownAs: string): string | null {
  // A UTF-16 code unit takes at most three bytes of UTF-8: a text this short needs no counting.
  if (text.length <= REPORT_SIZE_LIMIT / 3) return null;
  const size = Buffer.byteLength(text, "utf8");
  if (size <= REPORT_SIZE_LIMIT) return null;
  return `${shownAs}: ${describeReadFailure({ kind: "too-large", size, limit: REPORT_SIZE_LIMIT })}`;
}

/**
 * Reads a report as UTF-8 text; a missing, unreadable, binary, non-UTF-8 or too large file, or one that is no
 * regular file (a FIFO, a device), is a UserError naming it.
 */
export function readReport(path: string, shownAs: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path, REPORT_SIZE_LIMIT);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new UserError(`${shownAs}: ${describeReadFailure(error.failure)}`);
  }
  return decodeReport(bytes, shownAs);
}

/** The report's text as a lint would read it; null when it cannot be read (the lint then says why). */
export function readIfReadable(path: string, shown: string): string | null {
  try {
    return readReport(path, shown);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

/**
 * A report's bytes (a file's, or standard input's) as UTF-8 text; binary, non-UTF-8 or too large bytes are a
 * UserError naming it.
 */
export function decodeReport(bytes: Uint8Array, shownAs: string): string {
  if (bytes.length > REPORT_SIZE_LIMIT)
    throw new UserError(
      `${shownAs}: ${describeReadFailure({ kind: "too-large", size: bytes.length, limit: REPORT_SIZE_LIMIT })}`,
    );
  if (bytes.includes(0)) throw new UserError(messages.binaryFile(shownAs));
  const decoded = decodeUtf8(bytes);
  if ("invalidAt" in decoded) throw new UserError(messages.notUtf8(shownAs, decoded.invalidAt));
  return decoded.text;
}
