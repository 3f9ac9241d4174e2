import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import { dirname } from "node:path";
import { makeFolder } from "./make-folder.js";

/*
 * The per-user cache folder holds V8 code caches, whose code V8 runs after checking little more than the length of
 * the source they were made from, and reports' memories, which a run takes as its own work. Whoever can write the
 * folder could run code as whoever runs the command next (root, in a container with a shared cache folder). So, as
 * ssh treats its files, the folder is used only when no one but its user can change it or what leads to it.
 */

/** No one but the owner can rename or replace what the folder holds: not writable by others, or sticky (`/tmp`). */
const othersCannotReplace = (stats: Stats) => (stats.mode & 0o022) === 0 || (stats.mode & 0o1000) !== 0;

/**
 * `folder`, created with mode 0700 (and its missing parents, one at a time) when missing, when it is safe to keep
 * caches in: a folder, not a link, owned by the user running the command, that neither group nor others can write,
 * under folders owned by that user or root that no one else can change (a sticky folder such as `/tmp` is fine).
 * Null otherwise, or when it cannot be made: the run then keeps no cache, without a word. On Windows, which has no
 * user ids here, the folder is taken as it is.
 */
export function privateFolder(folder: string): string | null {
  const user = process.geteuid?.();
  try {
    makeFolder(folder, 0o700);
    if (user === undefined) return folder;
    const own = lstatSync(folder);
    if (!own.isDirectory() || own.uid !== user || (own.mode & 0o022) !== 0) return null;
    for (let path = realpathSync.native(dirname(folder)); ; path = dirname(path)) {
      const stats = statSync(path);
      if ((stats.uid !== user && stats.uid !== 0) || !othersCannotReplace(stats)) return null;
      if (dirname(path) === path) return folder;
    }
  } catch {
    return null;
  }
}
