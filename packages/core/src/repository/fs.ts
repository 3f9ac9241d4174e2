import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
} from "node:fs";

export type EntryKind = "file" | "directory" | "symlink" | "other";

export interface EntryStat {
  /** "unreadable": something may be there, but it cannot be looked at (`code` says why). */
  kind: EntryKind | "unreadable";
  size: number;
  /** Modification time, in milliseconds since the epoch. */
  mtimeMs: number;
  /** Why an unreadable entry cannot be looked at: the system's error code. */
  code?: string;
}

/**
 * What the repository view asks of the file system; injectable so that tests can see (and refuse) every path it
 * touches. Paths are absolute, with `/` separators.
 */
export interface RepositoryFs {
  /**
   * The entry itself, a link not followed; null when nothing is there (a folder on the way missing, or no folder).
   * Never throws: a path that cannot be looked at (no search permission, too long) is "unreadable".
   */
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

/** The least a read buffer grows by, once a file turns out longer than its size said. */
const READ_STEP = 64 * 1024;

function grown(buffer: Uint8Array, size: number): Uint8Array {
  const bigger = new Uint8Array(size);
  bigger.set(buffer);
  return bigger;
}

export const nodeRepositoryFs: RepositoryFs = {
  lstat(path) {
    try {
      const stat = lstatSync(path, { throwIfNoEntry: false });
      return stat ? { kind: kindOf(stat), size: stat.size, mtimeMs: stat.mtimeMs } : null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown";
      return code === "ENOTDIR" ? null : { kind: "unreadable", size: 0, mtimeMs: 0, code };
    }
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
    // Non-blocking: a pipe put where a file was looked at reads as empty instead of holding the run.
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      // Sized by the file, a byte more to see its end: limits are generous, and zeroing a megabyte per small
      // file cost more than reading it.
      let buffer: Uint8Array = new Uint8Array(Math.min(limit, fstatSync(fd).size + 1));
      let filled = 0;
      while (filled < limit) {
        // A file longer than it said (growing, or a device) is read on, in steps, up to the limit.
        if (filled === buffer.length)
          buffer = grown(buffer, Math.min(limit, filled + Math.max(filled, READ_STEP)));
        const n = readSync(fd, buffer, filled, buffer.length - filled, null);
        if (n === 0) break;
        filled += n;
      }
      return buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  },
};
