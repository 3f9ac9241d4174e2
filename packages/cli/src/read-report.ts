import { describeReadFailure, FileReadError, readRegularFile } from "@mlops-report/core";
import { messages, UserError } from "./messages.js";

/**
 * The largest report read, in bytes: course reports are some 40 KB, and the markdown parser takes super-linear
 * time on some shapes of text, so one huge file must not hold up a class run.
 */
export const REPORT_SIZE_LIMIT = 1024 * 1024;

// The byte-order mark stays in the text: the model records it, and `--fix` writes it back.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Byte offset where the first invalid UTF-8 sequence starts. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // A lenient decode replaces each bad sequence by U+FFFD; skip the ones the file really contains (EF BF BD).
  const text = new TextDecoder("utf-8").decode(bytes);
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i), "utf8");
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.length;
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
  if (bytes.includes(0)) throw new UserError(messages.binaryFile(shownAs));
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UserError(messages.notUtf8(shownAs, firstInvalidUtf8(bytes)));
  }
}
