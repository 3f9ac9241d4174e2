import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Creates `folder` and the missing folders above it, one at a time from the nearest one that exists, each with
 * `mode` (less the umask). Node's `mkdirSync(…, { recursive: true })` loops forever on some paths it cannot create
 * (under `/proc`, for one); here the first folder that cannot be made throws its error (ENOTDIR when a file is in
 * the way).
 */
export function makeFolder(folder: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let path = folder; ; path = dirname(path)) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats) {
      if (!stats.isDirectory())
        throw Object.assign(new Error(`${path} is not a folder`), { code: "ENOTDIR" });
      break;
    }
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing.reverse()) mkdirSync(path, { mode });
}
