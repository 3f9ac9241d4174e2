import {
  type BigIntStats,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import { privateFolder } from "@mlops-report/engine/private-folder";
import { readRegularFile } from "@mlops-report/engine/read-file";

/*
 * The command is one CommonJS bundle of a few megabytes. Compiling it is a good part of a cold run, so its
 * compiled code is kept in V8's code cache, one file per bundle and command, in a per-user cache folder: a later
 * run deserializes it instead of parsing and compiling again. The cache is an optimization only: an unwritable
 * folder, a missing file, a damaged one or one V8 refuses all mean a plain compile.
 *
 * A code cache is code that runs: V8 checks only that it was made by the same V8 with the same flags from a source
 * of the same length, and runs the code of a cache made from any other source of that length. So a cache is kept
 * only in a folder no one else can write (`privateFolder`), and each file starts with what it was made for, which
 * must match the bundle byte for byte before V8 sees the rest (`binding`).
 */

/**
 * The last line of a bundle as the build writes it: the hash of the bundle's bytes before it. A hash taken at
 * build time spares every run hashing megabytes, and loading `node:crypto` to do it (together some 5-8 ms).
 */
const BUILD_STAMP = /\/\/ build ([0-9a-f]{16})\n$/;

/** The line the build appends to a bundle: the first 16 hex digits of the SHA-256 of its bytes. */
export const buildStamp = (hashHex: string) => `// build ${hashHex.slice(0, 16)}\n`;

/**
 * A bundle's text as the build writes it: every character beyond ASCII as its `\u` escape, so that the loader
 * reads the file as one byte a character, a string V8 decodes and compiles faster than the two-byte one that a
 * single other character makes of the whole (some 5 ms of a run, measured). The escape means the same in strings,
 * comments, regular expressions and template text; only a template's raw text (`String.raw`) keeps the escape
 * as written, and the command's code uses that only as regular-expression source, where it means the same again.
 */
export const asciiOnly = (text: string) =>
  text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A code cache's file name: the bundle's file name, its key, the command (a lowercase word). */
const cacheFileName = (bundleName: string, key: string, command: string) =>
  `${bundleName}.${key}.${command}.v8cache`;

/** The bundle's name and key of a code cache file's name, or null for any other file. */
function cacheFileParts(name: string): { bundleName: string; key: string } | null {
  const match = /^(.+)\.([0-9a-f]{16})\.[a-z]+\.v8cache$/.exec(name);
  return match ? { bundleName: match[1]!, key: match[2]! } : null;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where code caches go: `MLOPS_REPORT_CODE_CACHE` when set (`off`: none), else the platform's per-user cache
 * folder; null when there is no home folder to put it in. `privateCacheFolder` says whether it may be used.
 */
export function codeCacheFolder(env: Env, platform: NodeJS.Platform = process.platform): string | null {
  const chosen = env.MLOPS_REPORT_CODE_CACHE;
  if (chosen === "off") return null;
  if (chosen) return chosen;
  let home: string;
  try {
    home = homedir();
  } catch {
    return null;
  }
  if (platform === "win32") return join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "mlops-report");
  if (platform === "darwin") return join(home, "Library", "Caches", "mlops-report");
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "mlops-report");
}

/**
 * The folder for code caches and reports' memories when it may be used: the user's own and private, created so
 * when missing (`privateFolder`); else null, and the run keeps no cache.
 */
export function privateCacheFolder(env: Env): string | null {
  const folder = codeCacheFolder(env);
  return folder === null ? null : privateFolder(folder);
}

/** 64 bits of FNV-1a over a short text, as 16 hex digits: a file-name key, not a digest of anything large. */
function shortHash(text: string): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    low = Math.imul(low ^ text.charCodeAt(i), 0x01000193) >>> 0;
    high = Math.imul(high ^ low, 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

/**
 * The line a code cache starts with: what it was made for. The bundle's content, by the hash the build stamped it
 * with (hashing it on every run would cost 5-8 ms: `BUILD_STAMP`); the file itself, by its size, modification time
 * and inode, which tell a bundle changed or replaced since the build stamped it; and the Node that runs it. Compared byte for byte, so that a name that happens to match (the file name's key is a
 * 64-bit hash of it) is not enough.
 */
function binding(stamp: string, stats: BigIntStats): Buffer {
  const file = `${stats.size} ${stats.mtimeNs} ${stats.dev}:${stats.ino}`;
  return Buffer.from(
    `mlops-report code cache ${stamp} ${file} ${process.version} ${process.arch}\n`,
    "latin1",
  );
}

/**
 * Has V8 check the checksum it keeps in every code cache, which it skips by default outside debug builds: a cache
 * with any byte changed is then refused instead of crashing the process in deserialization. Checked natively,
 * this costs a fraction of a millisecond, where hashing the file with `node:crypto` cost some 4 ms.
 */
function verifyCodeCacheChecksums(): void {
  setFlagsFromString("--verify-snapshot-checksum");
}

/** Writes a code cache whole or not at all (a rename), and removes the caches of other builds of the same bundle
 * (an older version's, say); never throws. */
function writeCodeCache({ folder, file, bundleName, key }: CachePlace, data: Buffer): void {
  try {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      const parts = cacheFileParts(name);
      if (parts?.bundleName === bundleName && parts.key !== key) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // A read-only or full disk costs the next run a compile, nothing more.
  }
}

/**
 * The largest code cache read: the command's, with every function a run compiled, takes a megabyte or two; a
 * device in its place (`/dev/zero`) would never end.
 */
const CACHE_FILE_LIMIT = 64 * 1024 * 1024;

/**
 * A code cache file's bytes: only a regular file within the limit, never through a link, opened without blocking
 * (a FIFO in its place would hang every run); nothing for anything else, which the next save replaces.
 */
function readCodeCache(file: string): Buffer | undefined {
  try {
    return readRegularFile(file, CACHE_FILE_LIMIT, { noFollow: true });
  } catch {
    return undefined;
  }
}

export interface LoadOptions {
  /** Where code caches are kept, a private folder (`privateCacheFolder`); null: compile without one. */
  folder: string | null;
  /** Which command runs: each keeps its own cache, of the code that command compiles. */
  command: string;
  /**
   * `import()` for the bundle, which calls this instead (the build rewrites it): code V8 compiled from a code
   * cache cannot reach Node's module loader itself.
   */
  importModule: (specifier: string) => Promise<unknown>;
}

/**
 * What became of the code cache of a loaded bundle: "refused" when it was made for another bundle or V8 found it
 * damaged; "off" without a folder, or for a bundle the build did not stamp (nothing binds a cache to its content).
 */
export type CacheState = "off" | "used" | "none" | "refused";

export interface LoadedBundle {
  exports: unknown;
  cache: CacheState;
  /**
   * Writes the code cache when there was none to use (else does nothing); called as the process exits, the cache
   * then holds every function the command compiled, not only the bundle's top level. Never throws.
   */
  saveCache(): void;
  /** The bundle's build stamp; null for a bundle the build did not stamp. */
  build: string | null;
}

/** Where a bundle's code cache is kept, and the line it starts with (`binding`). */
interface CachePlace {
  folder: string;
  bundleName: string;
  key: string;
  file: string;
  header: Buffer;
}

function cachePlace(
  bundle: string,
  stamp: string | null,
  folder: string | null,
  command: string,
): CachePlace | null {
  if (folder === null || stamp === null) return null;
  const header = binding(stamp, statSync(bundle, { bigint: true }));
  const bundleName = basename(bundle);
  const key = shortHash(header.toString("latin1"));
  return { folder, bundleName, key, file: join(folder, cacheFileName(bundleName, key, command)), header };
}

/** The code cache's data for V8 when the file is one made for this bundle, else nothing. */
function cachedDataOf(place: CachePlace, bytes: Buffer | undefined): Buffer | undefined {
  const { header } = place;
  return bytes?.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
}

function stateOf(
  place: CachePlace | null,
  bytes: Buffer | undefined,
  data: Buffer | undefined,
  script: Script,
): CacheState {
  if (place === null) return "off";
  if (bytes === undefined) return "none";
  return data !== undefined && script.cachedDataRejected === false ? "used" : "refused";
}

/** Loads a CommonJS bundle as Node's `require` would, compiled from the code cache kept for it when there is one. */
export function loadBundle(bundle: string, options: LoadOptions): LoadedBundle {
  // The build writes ASCII only (`asciiOnly`): decoded as Latin-1, one byte a character, with no UTF-8 to check.
  const source = readFileSync(bundle).toString("latin1");
  const stamp = BUILD_STAMP.exec(source.slice(-32))?.[1] ?? null;
  const place = cachePlace(bundle, stamp, options.folder, options.command);
  // Before compiling, so that the cache this run may write is made under the flags it will be read under.
  if (place !== null) verifyCodeCacheChecksums();
  const bytes = place === null ? undefined : readCodeCache(place.file);
  const data = place === null ? undefined : cachedDataOf(place, bytes);
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, importModule) {${source}\n})`,
    { filename: bundle, cachedData: data },
  );
  const cache = stateOf(place, bytes, data, script);
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
    importModule: LoadOptions["importModule"],
  ) => void;
  const require = createRequire(bundle);
  wrapper.call(
    module.exports,
    module.exports,
    require,
    module,
    bundle,
    dirname(bundle),
    options.importModule,
  );
  const saveCache = () => {
    if (place === null || cache === "used") return;
    writeCodeCache(place, Buffer.concat([place.header, script.createCachedData()]));
  };
  return { exports: module.exports, cache, saveCache, build: stamp };
}
