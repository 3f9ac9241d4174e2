import { readFileSync } from "node:fs";
import { messages, UserError } from "./messages.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decode growing prefixes by halves to locate the first bad byte without a hand-written UTF-8 decoder.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** Reads a report as UTF-8 text; a binary, non-UTF-8 or unreadable file is a UserError naming it. */
export function readReport(path: string, shownAs: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(messages.missingPath(shownAs));
    throw new UserError(messages.unreadable(shownAs, code ?? String(error)));
  }
  if (bytes.includes(0)) throw new UserError(messages.binaryFile(shownAs));
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UserError(messages.notUtf8(shownAs, firstInvalidUtf8(bytes)));
  }
}
