import { existsSync, readdirSync, realpathSync } from "node:fs";
import { posix, sep } from "node:path";
import type { ImageExistence } from "./types.js";

/** What image resolution asks of the file system; injectable so that tests and caches can see every look-up. */
export interface FileProbe {
  /** Names in a folder, or null when it is not a readable folder (a file, or nothing). */
  list(dir: string): readonly string[] | null;
  /** Whether something of that name is in the folder; cheaper than `list` for big folders. Default: via `list`. */
  has?(dir: string, name: string): boolean;
  /** The path with every link followed, or null when it cannot be; without it, links are not followed. */
  realPath?(path: string): string | null;
}

/**
 * A URL that names a file on the writer's own machine: a `file:` URL, or a Windows path with a drive letter
 * (`C:/Windows/x.png`, which would otherwise read as a URL of scheme `c`). GitHub can show neither.
 */
export function isMachinePath(url: string): boolean {
  return /^file:/i.test(url) || /^[a-z]:[\\/]/i.test(url);
}

/** Told of every answer a `nodeFileProbe` gives, so that a cache can learn which files a result depends on. */
export interface FileProbeObserver {
  listed(dir: string, names: readonly string[] | null): void;
  checked(path: string, exists: boolean): void;
}

let observer: FileProbeObserver | null = null;

interface Listing {
  names: readonly string[];
  /** Per name: whether it is a plain file, whose own `list` is then known to fail. */
  isFile: ReadonlyMap<string, boolean>;
}

function readListing(dir: string): Listing | null {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return { names: entries.map((e) => e.name), isFile: new Map(entries.map((e) => [e.name, e.isFile()])) };
  } catch {
    return null;
  }
}

/** The real file system, listing each folder once per probe. */
export function nodeFileProbe(): FileProbe {
  const listings = new Map<string, Listing | null>();
  // Asked once per image found, and for the repository root each time.
  const realPaths = new Map<string, string | null>();
  const listing = (dir: string): Listing | null => {
    let found = listings.get(dir);
    if (found === undefined) {
      // Images and links list their own path to tell a file from a folder, and a failing readdir costs an
      // exception: what the parent's listing shows to be a plain file, or not there at all, is not asked.
      const parent = posix.dirname(dir);
      const base = posix.basename(dir);
      const known = parent === dir || base === ".." || base === "." ? undefined : listings.get(parent);
      found = known && known.isFile.get(base) !== false ? null : readListing(dir);
      listings.set(dir, found);
    }
    return found;
  };
  return {
    list(dir) {
      const names = listing(dir)?.names ?? null;
      observer?.listed(dir, names);
      return names;
    },
    has(dir, name) {
      const path = `${dir}/${name}`;
      const exists = existsSync(path);
      observer?.checked(path, exists);
      return exists;
    },
    realPath(path) {
      let real = realPaths.get(path);
      if (real === undefined) {
        try {
          real = toPosix(realpathSync(path));
        } catch {
          real = null;
        }
        realPaths.set(path, real);
      }
      return real;
    },
  };
}

/**
 * Sets who hears of every look-up of every `nodeFileProbe` of this thread, rules' own probes included (null:
 * nobody); returns the previous observer so that a caller can put it back.
 */
/** Who hears of this thread's look-ups now; the repository view tells it what it lists and reads. */
export function currentFileObserver(): FileProbeObserver | null {
  return observer;
}

nodeFileProbe.observe = (next: FileProbeObserver | null): FileProbeObserver | null => {
  const previous = observer;
  observer = next;
  return previous;
};

function isInside(path: string | null, root: string): boolean {
  if (path === null) return true;
  const rel = posix.relative(root, path);
  return rel !== ".." && !rel.startsWith("../") && !posix.isAbsolute(rel);
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/**
 * The repository root GitHub renders the report from: the nearest folder above it holding `.git`; without one,
 * the parent of the `reports/` folder the report sits in; else the report's own folder.
 */
export function findRepositoryRoot(reportPath: string, probe: FileProbe): string {
  const abs = toPosix(reportPath);
  const reportDir = posix.dirname(abs);
  for (let dir = reportDir; ; dir = posix.dirname(dir)) {
    if (probe.has ? probe.has(dir, ".git") : probe.list(dir)?.includes(".git")) return dir;
    if (posix.dirname(dir) === dir) break;
  }
  return posix.basename(reportDir) === "reports" ? posix.dirname(reportDir) : reportDir;
}

export interface Resolution {
  resolved: string | null;
  exists: ImageExistence;
  actualPath?: string;
  /** For `case-mismatch`: more than one file differs from the link only in letter case. */
  ambiguousCase?: true;
}

/** A URL's path as GitHub reads it: query and fragment cut off, %-escapes decoded (a stray `%` stays). */
export function decodeUrlPath(url: string): string {
  const bare = url.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * Resolves a local image URL as GitHub renders it: relative to the report's folder, or from the repository root
 * for a leading `/`; %-decoded; case-sensitive, so a file that differs only in letter case does not count.
 */
export function resolveImage(url: string, reportPath: string, root: string, probe: FileProbe): Resolution {
  if (isMachinePath(url)) return { resolved: url, exists: "outside-repository" };
  const decoded = decodeUrlPath(url);
  if (decoded.trim() === "") return { resolved: null, exists: "missing" };
  const absRoot = toPosix(root);
  const reportDir = posix.dirname(toPosix(reportPath));
  const target = decoded.startsWith("/") ? posix.join(absRoot, decoded) : posix.join(reportDir, decoded);
  const rel = posix.relative(absRoot, target);
  if (rel === "" || rel.startsWith("../") || rel === ".." || posix.isAbsolute(rel)) {
    return { resolved: rel || ".", exists: "outside-repository" };
  }
  let dir = absRoot;
  let actual = "";
  let caseOnly = false;
  let ambiguous = false;
  const parts = rel.split("/");
  for (const part of parts) {
    const names = probe.list(dir);
    if (names === null) return { resolved: rel, exists: "missing" };
    let name = names.includes(part) ? part : undefined;
    if (name === undefined) {
      const lower = part.toLowerCase();
      const candidates = names.filter((n) => n.toLowerCase() === lower);
      name = candidates[0];
      if (name === undefined) return { resolved: rel, exists: "missing" };
      caseOnly = true;
      if (candidates.length > 1) ambiguous = true;
    }
    actual = actual ? `${actual}/${name}` : name;
    dir = `${dir}/${name}`;
  }
  // A folder of that name is no image.
  if (probe.list(dir) !== null) return { resolved: rel, exists: "missing" };
  // A link to a file outside the repository shows nothing on GitHub, and is not followed out of it.
  if (probe.realPath && !isInside(probe.realPath(dir), probe.realPath(absRoot) ?? absRoot))
    return { resolved: rel, exists: "outside-repository" };
  if (!caseOnly) return { resolved: rel, exists: "exists" };
  const mismatch: Resolution = { resolved: rel, exists: "case-mismatch", actualPath: actual };
  if (ambiguous) mismatch.ambiguousCase = true;
  return mismatch;
}
