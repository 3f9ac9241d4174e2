import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Replaces the file's content through a temporary file beside it and a rename, keeping its mode: whoever reads it
 * meanwhile (an editor, the student's next save) sees the old text or the new, never half of one. A link is
 * followed, so that the file it names is replaced, not the link.
 */
export function writeAtomically(path: string, text: string): void {
  const target = realpathSync(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.mlops-report.tmp`);
  try {
    writeFileSync(temporary, text, { mode: statSync(target).mode & 0o7777, flag: "wx" });
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
