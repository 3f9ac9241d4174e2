import { readFileSync } from "node:fs";
import { engineMessages as messages, UserError } from "./messages.js";

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
