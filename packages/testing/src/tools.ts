/** What the integration tests share: the external tools they need, running them, and packing the command. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { inCI, REPO_ROOT } from "./setting.js";

export const CLI_PACKAGE = join(REPO_ROOT, "packages", "cli");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  input?: string;
}

/**
 * The machine's environment (its proxy and certificate settings reach the registry) without what the test
 * runner and its package manager set for themselves, which would change how npm, pnpm or git behave.
 */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !/^(npm_|pnpm_|vitest|node_options$|node_env$|git_)/i.test(key))
      env[key] = value;
  return env;
}

export function run(command: string, args: readonly string[], options: RunOptions): Run {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: "utf8",
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...baseEnv(), ...options.env },
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails with the command's output, so that a failing step says why. */
export function runOk(command: string, args: readonly string[], options: RunOptions): Run {
  const result = run(command, args, options);
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`.trimEnd(),
    );
  return result;
}

function works(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

/**
 * pnpm as the test runner was started (`pnpm test` sets npm_execpath to it), else the one on PATH; null when
 * there is none.
 */
function findPnpm(): string[] | null {
  const execPath = process.env.npm_execpath;
  if (execPath && /^pnpm(\.c?js)?$/.test(basename(execPath)))
    return /\.c?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  return works("pnpm", ["--version"]) ? ["pnpm"] : null;
}

export const pnpm = findPnpm();

export const tools = {
  git: works("git", ["--version"]),
  npm: works("npm", ["--version"]),
  pnpm: pnpm !== null,
  "pre-commit": works("pre-commit", ["--version"]),
  nvim: works("nvim", ["--version"]),
  python3: works("python3", ["--version"]),
  soffice: works("soffice", ["--version"]),
} as const;

export type Tool = keyof typeof tools;

/**
 * True when the tests needing these tools should run: always under CI, where a missing tool must fail them
 * (scripts/system-deps.sh installs them), elsewhere only when they are installed, with a note when not.
 */
export function shouldRunWith(...needed: Tool[]): boolean {
  const missing = needed.filter((tool) => !tools[tool]);
  if (missing.length === 0 || inCI) return true;
  console.warn(`[integration] skipping tests that need ${missing.join(", ")}: not installed`);
  return false;
}

/** Fails a test under CI when a tool is missing, with the reason instead of a confusing spawn error. */
export function requireTools(...needed: Tool[]): void {
  const missing = needed.filter((tool) => !tools[tool]);
  if (missing.length > 0)
    throw new Error(`missing ${missing.join(", ")}: run scripts/system-deps.sh (Debian packages)`);
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `mlops-report-${name}-`));
}

/**
 * Packs the built command with `pnpm pack`, as a release does, into `destination`; returns the tarball's path.
 * Runs no build: the test suite runs after `pnpm build`, and rebuilding here would pull dist/ from under the
 * other tests.
 */
export function packCli(destination: string): string {
  requireTools("pnpm");
  if (!existsSync(join(CLI_PACKAGE, "dist", "cli.js")))
    throw new Error("packages/cli/dist/cli.js is missing: run `pnpm build` first");
  mkdirSync(destination, { recursive: true });
  const [command, ...prefix] = pnpm!;
  const packed = runOk(command!, [...prefix, "pack", "--json", "--pack-destination", destination], {
    cwd: CLI_PACKAGE,
  });
  return (JSON.parse(packed.stdout) as { filename: string }).filename;
}

/** The package's own manifest inside a packed tarball. */
export function packedManifest(tarball: string): Record<string, unknown> {
  const listed = runOk("tar", ["-xzOf", tarball, "package/package.json"], { cwd: tmpdir() });
  return JSON.parse(listed.stdout) as Record<string, unknown>;
}

/** The files inside a packed tarball, without the `package/` prefix, sorted. */
export function packedFiles(tarball: string): string[] {
  const listed = runOk("tar", ["-tzf", tarball], { cwd: tmpdir() });
  return listed.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/^package\//, ""))
    .sort();
}

/** npm with its cache in the given folder: nothing of a test run is left in the user's cache. */
export function npmEnv(cache: string): Record<string, string> {
  return {
    npm_config_cache: cache,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    NO_COLOR: "1",
  };
}
