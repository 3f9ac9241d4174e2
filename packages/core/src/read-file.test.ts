import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { tempTree } from "@mlops-report/testing/cli";
import { afterEach, describe, expect, it } from "vitest";
import { FileReadError, readRegularFile } from "./read-file.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("readRegularFile with noFollow", () => {
  it("reads the file itself, and refuses a link to it as unreadable", () => {
    const root = tempTree({ "file.bin": "bytes" });
    roots.push(root);
    symlinkSync(join(root, "file.bin"), join(root, "link.bin"));
    expect(readRegularFile(join(root, "file.bin"), 100, { noFollow: true }).toString()).toBe("bytes");
    expect(readRegularFile(join(root, "link.bin"), 100).toString()).toBe("bytes");
    expect(() => readRegularFile(join(root, "link.bin"), 100, { noFollow: true })).toThrow(
      new FileReadError({ kind: "unreadable", reason: "too many symbolic links" }),
    );
  });
});
