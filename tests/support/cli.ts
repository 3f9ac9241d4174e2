import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built command, as a user runs it. */
export const CLI = fileURLToPath(new URL("../../packages/cli/dist/cli.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    // A class's JSON, with every question's counts, is past spawnSync's 1 MiB default.
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with the given files (text or bytes), paths relative to it. */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "mlops-report-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}
