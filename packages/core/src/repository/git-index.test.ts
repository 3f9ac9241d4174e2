import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexPaths } from "./git-index.js";

/** An index entry as the encoder below writes it. */
interface Entry {
  name: string | Uint8Array;
  stage?: number;
  /** The extended flags (skip-worktree 0x4000, intent-to-add 0x2000); any makes the entry an extended one. */
  extended?: number;
  mode?: number;
}

const MAX = 64 * 1024 * 1024;
const bytesOf = (name: string | Uint8Array) =>
  typeof name === "string" ? Buffer.from(name) : Buffer.from(name);

/** git's variable-width integer (encode_varint). */
function varint(value: number): number[] {
  const out = [value & 127];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) {
    rest -= 1;
    out.unshift(128 | (rest & 127));
  }
  return out;
}

/** An entry's stat, object name and flags: 62 bytes, or 64 with extended flags. */
function entryHead(entry: Entry, length: number): Buffer {
  const head = Buffer.alloc(entry.extended === undefined ? 62 : 64);
  head.writeUInt32BE(entry.mode ?? 0o100644, 24);
  const flags =
    (entry.extended === undefined ? 0 : 0x4000) | ((entry.stage ?? 0) << 12) | Math.min(length, 0xfff);
  head.writeUInt16BE(flags, 60);
  if (entry.extended !== undefined) head.writeUInt16BE(entry.extended, 62);
  return head;
}

function commonPrefix(a: Buffer, b: Buffer): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** An index file as git writes one (gitformat-index), with a SHA-1 trailer or, `skipHash`, a zero one. */
function encode(
  version: number,
  entries: readonly Entry[],
  options: { extensions?: [string, Buffer][]; skipHash?: boolean } = {},
): Buffer {
  const header = Buffer.alloc(12);
  header.write("DIRC", 0, "latin1");
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(entries.length, 8);
  const parts: Buffer[] = [header];
  let previous: Buffer = Buffer.alloc(0);
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const head = entryHead(entry, name.length);
    if (version === 4) {
      const kept = commonPrefix(previous, name);
      parts.push(head, Buffer.from(varint(previous.length - kept)), name.subarray(kept), Buffer.alloc(1));
    } else {
      const size = (head.length + name.length + 8) & ~7;
      parts.push(head, name, Buffer.alloc(size - head.length - name.length));
    }
    previous = name;
  }
  for (const [signature, data] of options.extensions ?? []) {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(data.length);
    parts.push(Buffer.from(signature, "latin1"), size, data);
  }
  const body = Buffer.concat(parts);
  const trailer = options.skipHash ? Buffer.alloc(20) : createHash("sha1").update(body).digest();
  return Buffer.concat([body, trailer]);
}

const ENTRIES: Entry[] = [
  { name: "a.py" },
  { name: "src/conflict.py", stage: 1 },
  { name: "src/conflict.py", stage: 2 },
  { name: "src/conflict.py", stage: 3 },
  { name: "src/train.py" },
  { name: "src/zz.py" },
];
const NAMES = ["a.py", "src/conflict.py", "src/conflict.py", "src/conflict.py", "src/train.py", "src/zz.py"];

describe("reading git's index", () => {
  it.each([2, 3, 4])(
    "lists every entry of a version %i index in its order, an unmerged path once a stage",
    (v) => {
      expect(indexPaths(encode(v, ENTRIES), MAX)).toEqual(NAMES);
      expect(indexPaths(encode(v, ENTRIES, { skipHash: true }), MAX)).toEqual(NAMES);
    },
  );

  it("lists skip-worktree and intent-to-add entries of versions 3 and 4, and no entry with another extended flag", () => {
    const entries = [{ name: "a", extended: 0x4000 }, { name: "b", extended: 0x2000 }, { name: "c" }];
    for (const v of [3, 4]) {
      expect(indexPaths(encode(v, entries), MAX)).toEqual(["a", "b", "c"]);
      expect(indexPaths(encode(v, [...entries, { name: "d", extended: 0x1000 }]), MAX)).toBeNull();
    }
    // git never writes extended flags in version 2, but reads them there too: so does this reading.
    expect(indexPaths(encode(2, entries), MAX)).toEqual(["a", "b", "c"]);
  });

  it.each([2, 3, 4])("reads a version %i name of 0xFFF bytes or more up to its NUL", (v) => {
    const names = [4094, 4095, 4096, 9000].map((n) => `d/${"x".repeat(n - 2)}`);
    expect(
      indexPaths(
        encode(
          v,
          names.map((name) => ({ name })),
        ),
        MAX,
      ),
    ).toEqual(names);
  });

  it("decodes names as git's output was: invalid UTF-8 as U+FFFD, a byte order mark kept", () => {
    const names = [Uint8Array.of(0x62, 0xff, 0xfe), Buffer.from("\uFEFFbom"), Buffer.from("ünï/文件.py")];
    for (const v of [2, 4])
      expect(
        indexPaths(
          encode(
            v,
            names.map((name) => ({ name })),
          ),
          MAX,
        ),
      ).toEqual(["b\uFFFD\uFFFD", "\uFEFFbom", "ünï/文件.py"]);
  });

  it("skips optional extensions, and leaves an index with a required one or a sparse folder entry to git", () => {
    const tree: [string, Buffer] = ["TREE", Buffer.from("anything")];
    expect(indexPaths(encode(2, ENTRIES, { extensions: [tree, ["UNTR", Buffer.alloc(0)]] }), MAX)).toEqual(
      NAMES,
    );
    for (const signature of ["link", "sdir", "zzzz"])
      expect(
        indexPaths(encode(2, ENTRIES, { extensions: [tree, [signature, Buffer.alloc(4)]] }), MAX),
      ).toBeNull();
    expect(indexPaths(encode(3, [{ name: "a/", mode: 0o040000, extended: 0x4000 }]), MAX)).toBeNull();
  });

  it("leaves to git an index whose checksum does not match, whose version is unknown or which is cut short", () => {
    const index = encode(2, ENTRIES);
    const damaged = Buffer.from(index);
    damaged[70] = 0x41;
    expect(indexPaths(damaged, MAX)).toBeNull();
    for (const v of [1, 5]) expect(indexPaths(encode(v, ENTRIES), MAX)).toBeNull();
    const body = index.subarray(0, 200);
    expect(indexPaths(Buffer.concat([body, createHash("sha1").update(body).digest()]), MAX)).toBeNull();
    expect(indexPaths(Buffer.alloc(31), MAX)).toBeNull();
    expect(indexPaths(new Uint8Array(0), MAX)).toBeNull();
  });

  it("takes no size from the entry count, and stops where the listing would print more than its bound", () => {
    const forged = encode(2, ENTRIES, { skipHash: true });
    forged.writeUInt32BE(0xffffffff, 8);
    expect(indexPaths(forged, MAX)).toBeNull();
    const printed = NAMES.reduce((sum, name) => sum + name.length + 1, 0);
    expect(indexPaths(encode(4, ENTRIES), printed)).toEqual(NAMES);
    expect(indexPaths(encode(4, ENTRIES), printed - 1)).toBeNull();
  });

  it("stops a version 4 index whose names grow by a byte an entry at the bound, in bounded time", () => {
    // 40,000 entries of 65 bytes, each the previous name and one more byte, would print 800 MB of names.
    const count = 40_000;
    const index = Buffer.alloc(12 + count * 65 + 20);
    index.write("DIRC", 0, "latin1");
    index.writeUInt32BE(4, 4);
    index.writeUInt32BE(count, 8);
    for (let i = 0, at = 12; i < count; i++, at += 65) {
      index.writeUInt16BE(Math.min(i + 1, 0xfff), at + 60);
      index[at + 63] = 0x78;
    }
    const started = performance.now();
    expect(indexPaths(index, MAX)).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("leaves to git a version 4 name that strips more than the previous one holds, or says another length", () => {
    const index = encode(4, [{ name: "ab" }, { name: "ac" }], { skipHash: true });
    // The first entry: 62 bytes, a one-byte prefix length, "ab" and its NUL.
    const second = 12 + 66;
    expect(index[second + 62]).toBe(1);
    index[second + 62] = 3;
    expect(indexPaths(index, MAX)).toBeNull();
    index[second + 62] = 1;
    index.writeUInt16BE(3, second + 60);
    expect(indexPaths(index, MAX)).toBeNull();
  });
});

const name = fc
  .uint8Array({ minLength: 1, maxLength: 40 })
  .map((bytes) => bytes.map((b) => (b === 0 ? 0x2f : b)));
const entry = fc.record({
  name,
  stage: fc.integer({ min: 0, max: 3 }),
  extended: fc.option(fc.constantFrom(0, 0x2000, 0x4000, 0x6000), { nil: undefined }),
});

interface Mutation {
  at: number;
  kind: "set" | "cut" | "insert" | "truncate";
  bytes: Uint8Array;
  trailer: "zero" | "sha1" | "kept";
}

/** The index bytes changed: bytes overwritten, removed or put in, its trailer zeroed, made anew or kept. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("set", "cut", "insert", "truncate"),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  trailer: fc.constantFrom("zero", "sha1", "kept"),
});

function mutate(index: Buffer, change: Mutation): Buffer {
  const body = index.subarray(0, index.length - 20);
  const at = change.at % (body.length + 1);
  const changed =
    change.kind === "set"
      ? Buffer.concat([
          body.subarray(0, at),
          Buffer.from(change.bytes),
          body.subarray(at + change.bytes.length),
        ])
      : change.kind === "cut"
        ? Buffer.concat([body.subarray(0, at), body.subarray(at + change.bytes.length)])
        : change.kind === "insert"
          ? Buffer.concat([body.subarray(0, at), Buffer.from(change.bytes), body.subarray(at)])
          : body.subarray(0, at);
  const trailer =
    change.trailer === "zero"
      ? Buffer.alloc(20)
      : change.trailer === "sha1"
        ? createHash("sha1").update(changed).digest()
        : index.subarray(index.length - 20);
  return Buffer.concat([changed, trailer]);
}

/** Reads without throwing, within a second, to null or a list of non-empty strings. */
function readsSafely(bytes: Uint8Array): void {
  const started = performance.now();
  const paths = indexPaths(bytes, MAX);
  expect(performance.now() - started).toBeLessThan(1_000);
  if (paths !== null) for (const path of paths) expect(path).not.toBe("");
}

describe("reading untrusted index bytes", () => {
  it("reads back every name of an index written from random entries, in each version", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.constantFrom(3, 4), (entries, version) => {
        const expected = entries.map((e) => Buffer.from(e.name).toString("utf8"));
        expect(indexPaths(encode(version, entries), MAX)).toEqual(expected);
        const plain = entries.map((e) => ({ name: e.name, stage: e.stage }));
        expect(indexPaths(encode(2, plain), MAX)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws or hangs on random bytes, with or without an index's header", () => {
    const header = fc.tuple(fc.constantFrom(2, 3, 4), fc.nat({ max: 64 })).map(([version, count]) => {
      const bytes = Buffer.alloc(12);
      bytes.write("DIRC", 0, "latin1");
      bytes.writeUInt32BE(version, 4);
      bytes.writeUInt32BE(count, 8);
      return bytes;
    });
    fc.assert(
      fc.property(
        fc.option(header, { nil: undefined }),
        fc.uint8Array({ maxLength: 4096 }),
        fc.boolean(),
        (head, body, zero) => {
          const bytes = Buffer.concat([head ?? Buffer.alloc(0), body]);
          if (zero) bytes.fill(0, Math.max(0, bytes.length - 20));
          readsSafely(bytes);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("never throws or hangs on a mutated index of any version", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(2, 3, 4),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (entries, version, changes) => {
          let index = encode(version, entries, { extensions: [["TREE", Buffer.alloc(9)]] });
          for (const change of changes) index = mutate(index, change);
          readsSafely(index);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
