import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { tempTree } from "./cli.js";

export interface TemporaryFolders {
  /** A fresh empty folder, its name starting with `mlops-report-<name>-`. */
  folder(name: string): string;
  /** A fresh folder with the given files (text or bytes), paths relative to it. */
  tree(files: Record<string, string | Uint8Array>): string;
}

/**
 * The temporary folders of one test file, removed after its tests. Called at the top of the file, where
 * `afterAll` applies to the whole file. The folders are real paths, as the code under test resolves them.
 */
export function temporaryFolders(): TemporaryFolders {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const kept = (dir: string): string => {
    const real = realpathSync(dir);
    made.push(real);
    return real;
  };
  return {
    folder: (name) => kept(mkdtempSync(join(tmpdir(), `mlops-report-${name}-`))),
    tree: (files) => kept(tempTree(files)),
  };
}
