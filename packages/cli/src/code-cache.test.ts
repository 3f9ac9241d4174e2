import { createHash } from "node:crypto";
import {
  copyFileSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { tempTree } from "@mlops-report/testing/cli";
import { afterEach, describe, expect, it } from "vitest";
import { asciiOnly, buildStamp, codeCacheFolder, type LoadOptions, loadBundle } from "./code-cache.js";

// V8 keeps what it compiled per process, too: without this, loading a bundle a second time would not look at
// its code cache at all.
setFlagsFromString("--no-compilation-cache");

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A bundle's text as the build writes it: stamped with the hash of what precedes the stamp. */
const stamped = (text: string) => `${text}${buildStamp(createHash("sha256").update(text).digest("hex"))}`;

let bundles = 0;
/**
 * A folder with a stamped CommonJS bundle of its own (no two tests share a source) and an empty `cache/` beside
 * it.
 */
function setUp(body = "module.exports = { answer: 42, name: __filename };") {
  const root = tempTree({
    "bundle.cjs": stamped(`${body}\n// bundle ${++bundles} ${Date.now()}\n`),
    "cache/.keep": "",
  });
  roots.push(root);
  rmSync(join(root, "cache", ".keep"));
  return { root, bundle: join(root, "bundle.cjs"), folder: join(root, "cache") };
}

const options = (folder: string | null, command = "lint"): LoadOptions => ({
  folder,
  command,
  importModule: async () => ({}),
});
const cacheFiles = (folder: string) => readdirSync(folder).sort();

describe("codeCacheFolder", () => {
  it("is MLOPS_REPORT_CODE_CACHE when set, and none with `off`", () => {
    expect(codeCacheFolder({ MLOPS_REPORT_CODE_CACHE: "/x/cc" }, "linux")).toBe("/x/cc");
    expect(codeCacheFolder({ MLOPS_REPORT_CODE_CACHE: "off" }, "linux")).toBeNull();
  });

  it("is the platform's per-user cache folder otherwise", () => {
    expect(codeCacheFolder({ XDG_CACHE_HOME: "/x/cache" }, "linux")).toBe("/x/cache/mlops-report");
    expect(codeCacheFolder({}, "linux")).toMatch(/[\\/]\.cache[\\/]mlops-report$/);
    expect(codeCacheFolder({}, "darwin")).toMatch(/[\\/]Library[\\/]Caches[\\/]mlops-report$/);
    expect(codeCacheFolder({ LOCALAPPDATA: "/x/local" }, "win32")).toBe(join("/x/local", "mlops-report"));
  });
});

describe("loadBundle", () => {
  it("returns the bundle's exports, with its own file name; without a folder it keeps no cache", () => {
    const { root, bundle } = setUp();
    const loaded = loadBundle(bundle, options(null));
    expect(loaded.exports).toEqual({ answer: 42, name: bundle });
    expect(loaded.cache).toBe("off");
    loaded.saveCache();
    expect(readdirSync(root)).toEqual(["bundle.cjs", "cache"]);
  });

  it("writes the cache when there was none, and the next load compiles from it", () => {
    const { bundle, folder } = setUp();
    const first = loadBundle(bundle, options(folder));
    expect(first.cache).toBe("none");
    first.saveCache();
    const [file] = cacheFiles(folder);
    expect(file).toMatch(/^bundle\.cjs\.[0-9a-f]{16}\.lint\.v8cache$/);

    const second = loadBundle(bundle, options(folder));
    expect(second.cache).toBe("used");
    expect(second.exports).toEqual({ answer: 42, name: bundle });
    const written = readFileSync(join(folder, file!));
    second.saveCache();
    expect(readFileSync(join(folder, file!)).equals(written)).toBe(true);
  });

  it("keeps one cache per command of the same bundle", () => {
    const { bundle, folder } = setUp();
    loadBundle(bundle, options(folder, "lint")).saveCache();
    loadBundle(bundle, options(folder, "main")).saveCache();
    expect(cacheFiles(folder).map((name) => name.split(".")[3])).toEqual(["lint", "main"]);
    expect(loadBundle(bundle, options(folder, "main")).cache).toBe("used");
  });

  it("refuses a damaged cache (a byte changed anywhere, or cut short) without crashing, and writes it anew", () => {
    const { bundle, folder } = setUp();
    loadBundle(bundle, options(folder)).saveCache();
    const file = join(folder, cacheFiles(folder)[0]!);
    const intact = readFileSync(file);
    const damages = [
      ...[0.1, 0.5, 0.9].map((at) => {
        const bytes = Buffer.from(intact);
        const index = Math.floor(bytes.length * at);
        bytes[index] = bytes[index]! ^ 0x5a;
        return bytes;
      }),
      intact.subarray(0, intact.length - 16),
    ];
    for (const bytes of damages) {
      writeFileSync(file, bytes);
      const damaged = loadBundle(bundle, options(folder));
      expect(damaged.cache).toBe("refused");
      expect(damaged.exports).toEqual({ answer: 42, name: bundle });
    }
    loadBundle(bundle, options(folder)).saveCache();
    expect(loadBundle(bundle, options(folder)).cache).toBe("used");
  });

  it("compiles afresh when V8 refuses a cache, and writes it anew", () => {
    const { bundle, folder } = setUp();
    loadBundle(bundle, options(folder)).saveCache();
    const file = join(folder, cacheFiles(folder)[0]!);
    writeFileSync(file, Buffer.alloc(256, 7));

    const refused = loadBundle(bundle, options(folder));
    expect(refused.cache).toBe("refused");
    expect(refused.exports).toEqual({ answer: 42, name: bundle });
    refused.saveCache();
    expect(loadBundle(bundle, options(folder)).cache).toBe("used");
  });

  it("keeps no cache of a bundle the build did not stamp: nothing binds a cache to its content", () => {
    const { root, bundle, folder } = setUp();
    writeFileSync(bundle, "module.exports = { answer: 42 };\n");
    const loaded = loadBundle(bundle, options(folder));
    expect(loaded.cache).toBe("off");
    expect(loaded.build).toBeNull();
    loaded.saveCache();
    expect(cacheFiles(folder)).toEqual([]);
    expect(readdirSync(root)).toEqual(["bundle.cjs", "cache"]);
  });

  it("refuses the cache of another bundle of the same length put in its place, and runs its own code", () => {
    // V8 takes a cache made from any source of the same length, and runs the code it holds.
    const own = setUp("module.exports = { answer: 42 };");
    const other = setUp("module.exports = { answer: 13 };");
    expect(statSync(other.bundle).size).toBe(statSync(own.bundle).size);
    loadBundle(own.bundle, options(own.folder)).saveCache();
    const [ownFile] = cacheFiles(own.folder);
    loadBundle(other.bundle, options(other.folder)).saveCache();
    const [otherFile] = cacheFiles(other.folder);
    renameSync(join(other.folder, otherFile!), join(own.folder, ownFile!));

    const loaded = loadBundle(own.bundle, options(own.folder));
    expect(loaded.exports).toEqual({ answer: 42 });
    expect(loaded.cache).toBe("refused");
    loaded.saveCache();
    expect(loadBundle(own.bundle, options(own.folder)).cache).toBe("used");
  });

  it("never serves a bundle the cache of another build or of itself before an edit, even of the same size", () => {
    const stamped = (hash: string) => `module.exports = { answer: 42 };\n${buildStamp(hash)}`;
    const { root, bundle, folder } = setUp(stamped("a".repeat(64)));
    const { mtime } = statSync(bundle);
    loadBundle(bundle, options(folder)).saveCache();
    expect(loadBundle(bundle, options(folder)).cache).toBe("used");
    // Another build with the same size and time (a package manager sets every file's time alike).
    writeFileSync(bundle, stamped("b".repeat(64)));
    utimesSync(bundle, mtime, mtime);
    expect(loadBundle(bundle, options(folder)).cache).toBe("none");
    // The first build edited in place: the same stamp and size, a later time.
    writeFileSync(bundle, stamped("a".repeat(64)).replace("42", "43"));
    utimesSync(bundle, mtime, new Date(mtime.getTime() + 1000));
    const edited = loadBundle(bundle, options(folder));
    expect(edited.cache).toBe("none");
    expect(edited.exports).toEqual({ answer: 43 });
    edited.saveCache();
    // Another file in its place with the same stamp, size and time.
    const copy = join(root, "copy.cjs");
    copyFileSync(bundle, copy);
    utimesSync(copy, mtime, new Date(mtime.getTime() + 1000));
    renameSync(copy, bundle);
    expect(loadBundle(bundle, options(folder)).cache).toBe("none");
  });

  it("a folder it cannot write costs nothing but the cache", () => {
    const { root, bundle } = setUp();
    const blocked = join(root, "bundle.cjs", "cache");
    const loaded = loadBundle(bundle, options(blocked));
    expect(loaded.cache).toBe("none");
    expect(() => loaded.saveCache()).not.toThrow();
    expect(loaded.exports).toEqual({ answer: 42, name: bundle });
  });

  it("removes the caches of other builds of the same bundle when it writes, and leaves other files alone", () => {
    const { bundle, folder } = setUp();
    const older = setUp("module.exports = {};");
    loadBundle(older.bundle, options(folder)).saveCache();
    const otherBundle = "other.cjs.0123456789abcdef.lint.v8cache";
    writeFileSync(join(folder, otherBundle), "another bundle's");
    writeFileSync(join(folder, "notes.txt"), "mine");
    loadBundle(bundle, options(folder)).saveCache();
    const files = cacheFiles(folder);
    expect(files).toHaveLength(3);
    expect(files).toContain("notes.txt");
    expect(files).toContain(otherBundle);
    expect(loadBundle(bundle, options(folder)).cache).toBe("used");
    expect(loadBundle(older.bundle, options(folder)).cache).toBe("none");
  });

  it("hands the bundle the loader's import function", async () => {
    const { bundle } = setUp("module.exports = { load: (specifier) => importModule(specifier) };");
    const asked: string[] = [];
    const loaded = loadBundle(bundle, {
      folder: null,
      command: "lint",
      importModule: async (specifier) => {
        asked.push(specifier);
        return { ok: true };
      },
    });
    const { load } = loaded.exports as { load: (specifier: string) => Promise<unknown> };
    expect(await load("tinypool")).toEqual({ ok: true });
    expect(asked).toEqual(["tinypool"]);
  });
});

describe("asciiOnly", () => {
  it("writes every other character as its escape, which means the same in code", () => {
    const code = [
      'const s = "dash – quote ’ emoji 😀";',
      "// a comment… with “quotes”",
      "const r = /[’–]x/u;",
      "const raw = new RegExp(String.raw`[’…]`, 'u');",
      "const t = `middle · dot`;",
      "module.exports = { s, r: r.test('’x'), raw: raw.test('…'), t, emoji: /😀/u.test('😀') };",
    ].join("\n");
    const ascii = asciiOnly(code);
    expect(ascii).toMatch(/^[\0-\x7f]*$/);
    expect(ascii).toContain('"dash \\u2013 quote \\u2019 emoji \\ud83d\\ude00"');
    const run = (source: string) => {
      const module = { exports: {} };
      new Function("module", source)(module);
      return module.exports;
    };
    expect(run(ascii)).toEqual(run(code));
    expect(run(ascii)).toEqual({
      s: "dash – quote ’ emoji 😀",
      r: true,
      raw: true,
      t: "middle · dot",
      emoji: true,
    });
  });
});
