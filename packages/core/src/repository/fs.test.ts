import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { nodeRepositoryFs } from "./fs.js";

const { tree } = temporaryFolders();

const sameBytes = (bytes: Uint8Array, expected: Buffer) => Buffer.from(bytes).equals(expected);

describe("reading a file of the repository", () => {
  it("reads a small file whole into a buffer of its size, whatever the limit", () => {
    const dir = tree({ "a.txt": "hello\n", "empty.txt": "" });
    const bytes = nodeRepositoryFs.read(join(dir, "a.txt"), 1024 * 1024);
    expect(Buffer.from(bytes).toString()).toBe("hello\n");
    expect(bytes.buffer.byteLength).toBe(7);
    expect(nodeRepositoryFs.read(join(dir, "empty.txt"), 1024 * 1024)).toEqual(new Uint8Array(0));
  });

  it("reads at most the limit", () => {
    const dir = tree({ "a.txt": "hello\n" });
    expect(Buffer.from(nodeRepositoryFs.read(join(dir, "a.txt"), 4)).toString()).toBe("hell");
    expect(nodeRepositoryFs.read(join(dir, "a.txt"), 0)).toEqual(new Uint8Array(0));
    const big = join(dir, "big.bin");
    writeFileSync(big, Buffer.alloc(300_000, 7));
    // Compared as buffers: an element-wise comparison of 300,000 bytes takes seconds.
    expect(sameBytes(nodeRepositoryFs.read(big, 300_000), Buffer.alloc(300_000, 7))).toBe(true);
    expect(sameBytes(nodeRepositoryFs.read(big, 300_001), Buffer.alloc(300_000, 7))).toBe(true);
    expect(sameBytes(nodeRepositoryFs.read(big, 100_000), Buffer.alloc(100_000, 7))).toBe(true);
  });

  it("reads on past the size a file says it has, up to the limit: a device of no size", () => {
    expect(sameBytes(nodeRepositoryFs.read("/dev/zero", 200_000), Buffer.alloc(200_000))).toBe(true);
  });

  it("finds a named pipe without a writer empty instead of waiting for one", () => {
    const pipe = join(tree({}), "pipe");
    execFileSync("mkfifo", [pipe]);
    expect(nodeRepositoryFs.read(pipe, 1024)).toEqual(new Uint8Array(0));
  });
});
