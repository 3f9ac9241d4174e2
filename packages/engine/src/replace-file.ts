import { renameSync, rmSync, writeFileSync } from "node:fs";

/** Writes a file whole or not at all: through a temporary file beside it and a rename, which a run cut short leaves. */
export function replaceFile(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
