import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { nodeFileProbe } from "@mlops-report/core";

/**
 * One look-up of the file system that a lint result depends on, with what it found: a folder's listing (or,
 * for what is no folder, the file's size and modification time, so that touching a linked image counts), or
 * whether a path exists. A result stays valid while every look-up finds the same again.
 */
export interface FileRecord {
  op: "list" | "exists";
  path: string;
  state: string;
}

type Observer = NonNullable<Parameters<typeof nodeFileProbe.observe>[0]>;

/**
 * A folder's names as one hash; `ignore` (the cache file, written after the look-ups) is left out, or the
 * first run that creates it in the repository's root would spoil its own entries.
 */
function listingState(dir: string, names: readonly string[], ignore: string | null): string {
  const skip = ignore !== null && resolve(dir) === dirname(ignore) ? basename(ignore) : null;
  const hash = createHash("sha256");
  for (const name of [...names].sort()) if (name !== skip) hash.update(name).update("\0");
  return `folder:${hash.digest("hex")}`;
}

/** What a path that cannot be listed is: nothing, or a file of this size and modification time. */
function pathState(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (!stat) return "missing";
  return stat.isFile() ? `file:${stat.size}:${stat.mtimeNs}` : "other";
}

function currentState(record: Pick<FileRecord, "op" | "path">, ignore: string | null): string {
  if (record.op === "exists") return existsSync(record.path) ? "yes" : "no";
  try {
    return listingState(record.path, readdirSync(record.path), ignore);
  } catch {
    return pathState(record.path);
  }
}

/**
 * Runs `work` while recording every look-up any `nodeFileProbe` of this thread makes, rules' own included;
 * `ignore` is a file whose coming and going does not count.
 */
export function recordFileLookups<T>(
  work: () => T,
  ignore: string | null = null,
): { value: T; records: FileRecord[] } {
  const records = new Map<string, FileRecord>();
  const observer: Observer = {
    listed(dir, names) {
      const key = `list:${dir}`;
      if (!records.has(key))
        records.set(key, {
          op: "list",
          path: dir,
          state: names ? listingState(dir, names, ignore) : pathState(dir),
        });
    },
    checked(path, exists) {
      const key = `exists:${path}`;
      if (!records.has(key)) records.set(key, { op: "exists", path, state: exists ? "yes" : "no" });
    },
  };
  const previous = nodeFileProbe.observe(observer);
  try {
    const value = work();
    const sorted = [...records.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { value, records: sorted.map(([, record]) => record) };
  } finally {
    nodeFileProbe.observe(previous);
  }
}

/** True when every recorded look-up finds the same today (`ignore` as when recording). */
export function lookupsUnchanged(records: readonly FileRecord[], ignore: string | null = null): boolean {
  return records.every((record) => currentState(record, ignore) === record.state);
}
