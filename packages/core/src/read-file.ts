import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Why a file could not be read: each becomes one line naming the file. */
export type ReadFailure =
  | { kind: "missing" }
  | { kind: "not-a-file"; what: string }
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "unreadable"; reason: string };

export class FileReadError extends Error {
  constructor(readonly failure: ReadFailure) {
    super(describeReadFailure(failure));
  }
}

/** What a file that is not a regular file is, in words. */
function whatIs(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "something else";
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  EIO: "an input/output error",
};

/** A system error code in words (the code itself when it has none here). */
export function describeErrorCode(code: string): string {
  return REASONS[code] ?? code;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

export function describeReadFailure(failure: ReadFailure): string {
  switch (failure.kind) {
    case "missing":
      return "no such file or folder";
    case "not-a-file":
      return `${failure.what}, not a regular file`;
    case "too-large":
      return `too large (${formatBytes(failure.size)}; the limit is ${formatBytes(failure.limit)})`;
    case "unreadable":
      return `cannot be read (${failure.reason})`;
  }
}

function failureOf(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { kind: "missing" };
  return { kind: "unreadable", reason: describeErrorCode(code ?? String(error)) };
}

/**
 * The bytes of a regular file of at most `limit` bytes. Anything else fails with a FileReadError before a byte is
 * read: a FIFO (opened without blocking, so that a pipe with no writer cannot hang the run), a device such as a
 * link to `/dev/zero` (which never ends), a folder, or a file over the limit. With `noFollow`, a symbolic link
 * fails too (as unreadable: "too many symbolic links"), whatever it points to.
 */
export function readRegularFile(path: string, limit: number, { noFollow = false } = {}): Buffer {
  let fd: number;
  try {
    // O_NOFOLLOW is 0 where the platform has none (Windows).
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
    fd = openSync(path, flags);
  } catch (error) {
    throw new FileReadError(failureOf(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError({ kind: "not-a-file", what: whatIs(stats) });
    if (stats.size > limit) throw new FileReadError({ kind: "too-large", size: stats.size, limit });
    // One byte over the limit is read too: a file that grew since `fstat` is still caught.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new FileReadError({ kind: "too-large", size: length, limit });
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError(failureOf(error));
  } finally {
    closeSync(fd);
  }
}

// The byte-order mark stays in the text: the model records it, and `--fix` writes it back.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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

/** The bytes as UTF-8 text, or the byte offset of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) };
  }
}
