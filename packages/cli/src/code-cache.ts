import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/*
 * The command is one CommonJS bundle of about a megabyte and a half. Compiling it is a good part of a cold run,
 * so its compiled code is kept in V8's code cache, one file per bundle and command, in a per-user cache folder:
 * a later run deserializes it instead of parsing and compiling again. The cache is an optimization only: an
 * unwritable folder, a missing file, a damaged one or one V8 refuses all mean a plain compile.
 */

/** Bytes of the SHA-256 of the code cache that precede it in its file. */
const DIGEST_BYTES = 32;

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
 * The folder for code caches: `MLOPS_REPORT_CODE_CACHE` when set (`off`: none), else the platform's per-user
 * cache folder; null when there is no home folder to put it in.
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

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/**
 * The cache file's code cache: undefined when there is no file, `data` undefined when it is damaged. V8 checks
 * that a cache was made by the same V8 with the same flags for a source of the same length, but not every byte
 * of it: the digest does that.
 */
function readCodeCache(file: string): { data: Buffer | undefined } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(DIGEST_BYTES);
  const intact = bytes.length > DIGEST_BYTES && sha256(data).equals(bytes.subarray(0, DIGEST_BYTES));
  return { data: intact ? data : undefined };
}

/**
 * Writes a code cache whole or not at all (a rename), and removes the caches of other builds of the same bundle
 * (an older version's, say); never throws.
 */
function writeCodeCache(folder: string, file: string, bundleName: string, key: string, data: Buffer): void {
  try {
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.concat([sha256(data), data]));
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      const parts = cacheFileParts(name);
      if (parts?.bundleName === bundleName && parts.key !== key) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // A read-only or full disk costs the next run a compile, nothing more.
  }
}

export interface LoadOptions {
  /** Where code caches are kept; null: compile without one. */
  folder: string | null;
  /** Which command runs: each keeps its own cache, of the code that command compiles. */
  command: string;
  /**
   * `import()` for the bundle, which calls this instead (the build rewrites it): code V8 compiled from a code
   * cache cannot reach Node's module loader itself.
   */
  importModule: (specifier: string) => Promise<unknown>;
}

/** What became of the code cache of a loaded bundle. */
export type CacheState = "off" | "used" | "none" | "damaged" | "refused";

export interface LoadedBundle {
  exports: unknown;
  cache: CacheState;
  /**
   * Writes the code cache when there was none to use (else does nothing); called as the process exits, the cache
   * then holds every function the command compiled, not only the bundle's top level. Never throws.
   */
  saveCache(): void;
}

function stateOf(
  file: string | null,
  read: { data: Buffer | undefined } | undefined,
  script: Script,
): CacheState {
  if (file === null) return "off";
  if (read === undefined) return "none";
  if (read.data === undefined) return "damaged";
  return script.cachedDataRejected ? "refused" : "used";
}

/** Loads a CommonJS bundle as Node's `require` would, compiled from the code cache kept for it when there is one. */
export function loadBundle(bundle: string, options: LoadOptions): LoadedBundle {
  // Hashed as bytes: hashing the decoded text would encode it again, which takes several times longer.
  const bytes = readFileSync(bundle);
  const key = sha256(bytes, "\0", process.version, process.arch).toString("hex").slice(0, 16);
  const source = bytes.toString("utf8");
  const { folder } = options;
  const bundleName = basename(bundle);
  const file = folder === null ? null : join(folder, cacheFileName(bundleName, key, options.command));
  const read = file === null ? undefined : readCodeCache(file);
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, importModule) {${source}\n})`,
    { filename: bundle, cachedData: read?.data },
  );
  const cache = stateOf(file, read, script);
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
    if (folder !== null && file !== null && cache !== "used")
      writeCodeCache(folder, file, bundleName, key, script.createCachedData());
  };
  return { exports: module.exports, cache, saveCache };
}
