import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";

/*
 * git's index file (gitformat-index), read for what `git ls-files -z --cached` prints: every entry's path, in the
 * index's order, an unmerged path once per stage, as git does. Versions 2 to 4 of a SHA-1 repository are read.
 * Whatever git might read differently is left to git (null): a split or sparse index, an extension git must
 * understand, a checksum that does not match (git itself lists such an index without checking), an entry git
 * would refuse or read otherwise. The bytes are untrusted: every offset is checked against their length, each
 * step of every loop moves forward, and no size comes from a count in the file.
 */

const SIGNATURE = 0x44495243; // "DIRC"
const HEADER_BYTES = 12;
const HASH_BYTES = 20;
/** Where an entry's mode is: after ctime, mtime (seconds and nanoseconds each), dev and ino. */
const MODE_AT = 24;
/** Ten 32-bit stat fields and the object name: where the flags are. */
const FLAGS_AT = 60;
const NAME_MASK = 0xfff;
const EXTENDED = 0x4000;
/** skip-worktree and intent-to-add: the only extended flags git knows (any other, and git refuses the entry). */
const KNOWN_EXTENDED = 0x6000;
const MODE_TYPE = 0o170000;
/** A sparse index's folder entry, which `ls-files` expands into files. */
const SPARSE_FOLDER = 0o040000;
/** The smallest entry of any version: stat, object name, flags, a one-byte name and its NUL, padded to 8. */
const MIN_ENTRY_BYTES = 64;
/** A prefix length in a version 4 entry is never longer than a path: a longer one is no index's. */
const MAX_VARINT = 0xffffffff;

/** The paths read so far, and the bytes `git ls-files -z` would have printed for them. */
class Listing {
  readonly paths: string[] = [];
  private printed = 0;

  constructor(private readonly maxPrinted: number) {}

  /** Adds the path `bytes[start, end)`; false when it is empty or the listing grows past its bound. */
  add(bytes: Buffer, start: number, end: number): boolean {
    this.printed += end - start + 1;
    if (end <= start || this.printed > this.maxPrinted) return false;
    // Decoded as git's output was: invalid UTF-8 becomes U+FFFD, a byte order mark stays.
    this.paths.push(bytes.toString("utf8", start, end));
    return true;
  }
}

/**
 * The paths `git ls-files -z --cached` prints for an index file's bytes, in its order; null when the bytes are no
 * index this reading reads as git does, or when the listing would print more than `maxPrinted` bytes.
 */
export function indexPaths(bytes: Uint8Array, maxPrinted: number): string[] | null {
  const end = bytes.length - HASH_BYTES;
  if (end < HEADER_BYTES) return null;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = data.readUInt32BE(4);
  const count = data.readUInt32BE(8);
  if (data.readUInt32BE(0) !== SIGNATURE || version < 2 || version > 4) return null;
  if (count > (end - HEADER_BYTES) / MIN_ENTRY_BYTES || !checksumHolds(data, end)) return null;
  const listing = new Listing(maxPrinted);
  const read = version === 4 ? readCompressed : readPadded;
  const extensionsAt = read(data, end, count, listing);
  return extensionsAt !== null && extensionsAreOptional(data, extensionsAt, end) ? listing.paths : null;
}

/** Whether the trailing SHA-1 is that of the rest; all zero bytes mean none was computed (`index.skipHash`). */
function checksumHolds(data: Buffer, end: number): boolean {
  const stored = data.subarray(end);
  if (stored.every((byte) => byte === 0)) return true;
  return createHash("sha1").update(data.subarray(0, end)).digest().equals(stored);
}

/**
 * Where an entry's name (or, in version 4, its prefix length) starts; null for an entry left to git. Extended
 * flags are read in any version, as git reads them (it writes them from version 3 on).
 */
function nameStart(data: Buffer, at: number, end: number): number | null {
  if (at + FLAGS_AT + 2 > end) return null;
  if ((data.readUInt32BE(at + MODE_AT) & MODE_TYPE) === SPARSE_FOLDER) return null;
  if ((data.readUInt16BE(at + FLAGS_AT) & EXTENDED) === 0) return at + FLAGS_AT + 2;
  if (at + FLAGS_AT + 4 > end || (data.readUInt16BE(at + FLAGS_AT + 2) & ~KNOWN_EXTENDED) !== 0) return null;
  return at + FLAGS_AT + 4;
}

function nameLength(data: Buffer, at: number): number {
  return data.readUInt16BE(at + FLAGS_AT) & NAME_MASK;
}

/** Where the first NUL at or after `from` is, before `end`; -1 when there is none. */
function nulAt(data: Buffer, from: number, end: number): number {
  return data.subarray(0, end).indexOf(0, from);
}

/**
 * Versions 2 and 3: each name whole, NUL-terminated and padded to a multiple of 8 bytes. Where the entries end,
 * or null. A name of 0xFFF bytes or more is read up to its NUL.
 */
function readPadded(data: Buffer, end: number, count: number, listing: Listing): number | null {
  let at = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    const start = nameStart(data, at, end);
    if (start === null) return null;
    const length = nameLength(data, at);
    const nul = nulAt(data, start, end);
    // A shorter name than its length says is one git reads otherwise.
    if (nul < 0 || (length < NAME_MASK && nul !== start + length)) return null;
    // The entry, its NUL and 0 to 7 more, to a multiple of 8 bytes (no 32-bit arithmetic on a large offset).
    const next = nul + 8 - ((nul - at) % 8);
    if (next > end || !listing.add(data, start, nul)) return null;
    at = next;
  }
  return at;
}

/** A version 4 prefix length: git's variable-width integer, as in a pack's offsets; null when it runs out. */
function readVarint(data: Buffer, at: number, end: number): { value: number; next: number } | null {
  if (at >= end) return null;
  let byte = data[at++] ?? 0;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (at >= end || value >= MAX_VARINT >>> 7) return null;
    byte = data[at++] ?? 0;
    value = (value + 1) * 128 + (byte & 0x7f);
  }
  return { value, next: at };
}

/**
 * Version 4: each name is the previous one less a number of its last bytes, plus a NUL-terminated suffix; no
 * padding. Where the entries end, or null. The first entry's name is its suffix, whatever it says to strip.
 */
function readCompressed(data: Buffer, end: number, count: number, listing: Listing): number | null {
  let name: Buffer = Buffer.alloc(256);
  let previous = 0;
  let at = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    const start = nameStart(data, at, end);
    const strip = start === null ? null : readVarint(data, start, end);
    if (strip === null || (i > 0 && strip.value > previous)) return null;
    const kept = i === 0 ? 0 : previous - strip.value;
    const nul = nulAt(data, strip.next, end);
    if (nul < 0) return null;
    const length = kept + (nul - strip.next);
    if (nameLength(data, at) !== Math.min(length, NAME_MASK)) return null;
    if (length > name.length) name = grown(name, kept, length);
    data.copy(name, kept, strip.next, nul);
    if (!listing.add(name, 0, length)) return null;
    previous = length;
    at = nul + 1;
  }
  return at;
}

/** A bigger buffer for a name, holding the first `kept` bytes of the old one. */
function grown(name: Buffer, kept: number, length: number): Buffer {
  const bigger = Buffer.alloc(Math.max(length, name.length * 2));
  name.copy(bigger, 0, 0, kept);
  return bigger;
}

/**
 * Whether the extensions between `at` and `end` fill it exactly and are all optional ones (signature starting
 * with A to Z) git lists the same without: a required one (a split index's `link`, a sparse index's `sdir`, one
 * unknown) is git's to read.
 */
function extensionsAreOptional(data: Buffer, at: number, end: number): boolean {
  let offset = at;
  while (offset < end) {
    if (offset + 8 > end) return false;
    const first = data[offset] ?? 0;
    const size = data.readUInt32BE(offset + 4);
    if (first < 0x41 || first > 0x5a || size > end - offset - 8) return false;
    offset += 8 + size;
  }
  return true;
}
