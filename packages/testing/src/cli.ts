import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "./setting.js";

/** The built command, as a user runs it. */
export const CLI = join(REPO_ROOT, "packages", "cli", "dist", "cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command in `cwd`. `input` is written to its standard input (by default it gets none);
 * `hangGuardMs` stops a run that would never end (a test of input that once hung it), which then has no exit
 * code: a generous bound, not a measure of speed.
 */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  options: { input?: string | Uint8Array; hangGuardMs?: number } = {},
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    // A class's JSON outgrows spawnSync's 1 MiB default: past it the output is cut and the child killed.
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    ...(options.hangGuardMs === undefined
      ? {}
      : { timeout: options.hangGuardMs, killSignal: "SIGKILL" as const }),
    ...(options.input === undefined ? {} : { input: options.input }),
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
