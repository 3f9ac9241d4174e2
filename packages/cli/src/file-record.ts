import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
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

function listingState(names: readonly string[]): string {
  const hash = createHash("sha256");
  for (const name of [...names].sort()) hash.update(name).update("\0");
  return `folder:${hash.digest("hex")}`;
}

/** What a path that cannot be listed is: nothing, or a file of this size and modification time. */
function pathState(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (!stat) return "missing";
  return stat.isFile() ? `file:${stat.size}:${stat.mtimeNs}` : "other";
}

function currentState(record: Pick<FileRecord, "op" | "path">): string {
  if (record.op === "exists") return existsSync(record.path) ? "yes" : "no";
  try {
    return listingState(readdirSync(record.path));
  } catch {
    return pathState(record.path);
  }
}

/** Runs `work` while recording every look-up any `nodeFileProbe` of this thread makes, rules' own included. */
export function recordFileLookups<T>(work: () => T): { value: T; records: FileRecord[] } {
  const records = new Map<string, FileRecord>();
  const observer: Observer = {
    listed(dir, names) {
      const key = `list:${dir}`;
      if (!records.has(key))
        records.set(key, { op: "list", path: dir, state: names ? listingState(names) : pathState(dir) });
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

/** True when every recorded look-up finds the same today. */
export function lookupsUnchanged(records: readonly FileRecord[]): boolean {
  return records.every((record) => currentState(record) === record.state);
}
