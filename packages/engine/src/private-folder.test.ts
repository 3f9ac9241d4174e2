import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { tempTree } from "@mlops-report/testing/cli";
import { afterEach, describe, expect, it } from "vitest";
import { privateFolder } from "./private-folder.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** An empty folder of the test's own (mode 0700, the user's: `mkdtemp`). */
function root(): string {
  const made = tempTree({});
  roots.push(made);
  return made;
}

const mode = (path: string) => statSync(path).mode & 0o7777;
/** Only root can give a folder to another user. */
const asRoot = process.geteuid?.() === 0;
const NOBODY = 65534;

describe("privateFolder", () => {
  it("creates a missing folder and its missing parents with mode 0700, and uses it", () => {
    const folder = join(root(), "cache", "mlops-report");
    expect(privateFolder(folder)).toBe(folder);
    expect(mode(folder)).toBe(0o700);
    expect(mode(join(folder, ".."))).toBe(0o700);
    expect(privateFolder(folder)).toBe(folder);
  });

  it("uses a folder of the user's that others can read but not write", () => {
    const folder = join(root(), "mlops-report");
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    expect(privateFolder(folder)).toBe(folder);
  });

  it("refuses a folder that group or others can write, and leaves it as it is", () => {
    for (const writable of [0o775, 0o757, 0o777, 0o1777]) {
      const folder = join(root(), "mlops-report");
      mkdirSync(folder);
      chmodSync(folder, writable);
      expect(privateFolder(folder)).toBeNull();
      expect(mode(folder)).toBe(writable);
    }
  });

  it.skipIf(!asRoot)("refuses a folder another user owns, even a private one", () => {
    const folder = join(root(), "mlops-report");
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, NOBODY, NOBODY);
    expect(privateFolder(folder)).toBeNull();
    expect(readdirSync(folder)).toEqual([]);
  });

  it.skipIf(!asRoot)("refuses a folder under one another user owns", () => {
    const parent = join(root(), "theirs");
    mkdirSync(parent, { mode: 0o755 });
    const folder = join(parent, "mlops-report");
    mkdirSync(folder, { mode: 0o700 });
    chownSync(parent, NOBODY, NOBODY);
    expect(privateFolder(folder)).toBeNull();
  });

  it("refuses a link in place of the folder, even to a private folder of the user's", () => {
    const base = root();
    mkdirSync(join(base, "elsewhere"), { mode: 0o700 });
    symlinkSync(join(base, "elsewhere"), join(base, "mlops-report"));
    expect(privateFolder(join(base, "mlops-report"))).toBeNull();
  });

  it("under a folder others can write: refuses unless it is sticky, as /tmp is", () => {
    const shared = join(root(), "shared");
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(privateFolder(join(shared, "mlops-report"))).toBeNull();
    chmodSync(shared, 0o1777);
    expect(privateFolder(join(shared, "mlops-report"))).toBe(join(shared, "mlops-report"));
    expect(mode(join(shared, "mlops-report"))).toBe(0o700);
  });

  it("takes the folder as it is where there are no user ids (Windows)", () => {
    const folder = join(root(), "mlops-report");
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const { geteuid } = process;
    process.geteuid = undefined;
    try {
      expect(privateFolder(folder)).toBe(folder);
    } finally {
      process.geteuid = geteuid;
    }
  });

  it("is null for a folder that cannot be made, without looping", () => {
    const base = root();
    writeFileSync(join(base, "file"), "");
    expect(privateFolder(join(base, "file", "mlops-report"))).toBeNull();
    // Node's recursive mkdir loops forever here.
    expect(privateFolder("/proc/mlops-report/cache")).toBeNull();
  });
});
