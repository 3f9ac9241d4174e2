import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from "node:fs";

export type EntryKind = "file" | "directory" | "symlink" | "other";

export interface EntryStat {
  kind: EntryKind;
  size: number;
  /** Modification time, in milliseconds since the epoch. */
  mtimeMs: number;
}

/**
 * What the repository view asks of the file system; injectable so that tests can see (and refuse) every path it
 * touches. Paths are absolute, with `/` separators.
 */
export interface RepositoryFs {
  /** The entry itself, a link not followed; null when nothing is there. */
  lstat(path: string): EntryStat | null;
  /** The path with every link resolved; null when it does not resolve (dangling link, loop). */
  realpath(path: string): string | null;
  /** The entries of a folder, or null when it cannot be listed. */
  readdir(path: string): { name: string; kind: EntryKind }[] | null;
  /** At most `limit` bytes from the start of a file; throws when the file cannot be read. */
  read(path: string, limit: number): Uint8Array;
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "directory";
  return "other";
}

export const nodeRepositoryFs: RepositoryFs = {
  lstat(path) {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    return stat ? { kind: kindOf(stat), size: stat.size, mtimeMs: stat.mtimeMs } : null;
  },
  realpath(path) {
    try {
      return realpathSync(path);
    } catch {
      return null;
    }
  },
  readdir(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, kind: kindOf(e) }));
    } catch {
      return null;
    }
  },
  read(path, limit) {
    const fd = openSync(path, "r");
    try {
      const buffer = new Uint8Array(limit);
      let filled = 0;
      while (filled < limit) {
        const n = readSync(fd, buffer, filled, limit - filled, null);
        if (n === 0) break;
        filled += n;
      }
      return buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  },
};
