import { execFileSync } from "node:child_process";
import { posix } from "node:path";

/** A listing bigger than this fails (a repository of a million files is no student project). */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/** Runs git without a shell, within bounded time and output, never asking for a password; throws when it fails. */
function runGit(cwd: string, args: readonly string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: MAX_OUTPUT_BYTES,
    timeout: TIMEOUT_MS,
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" },
    windowsHide: true,
  });
}

/**
 * The files git tracks in the repository at `root`, relative with `/`; null when git is missing or fails. Asked
 * where the index is not read directly (see `trackedFiles`). Works in a shallow clone (the index is there). git
 * runs with the repository's own fsmonitor hook switched off (the one setting that would make `ls-files` run a
 * command), and allowed to read a repository another user owns (a staff folder of cloned repositories, a CI
 * container).
 */
export function gitTrackedFiles(root: string): string[] | null {
  const out = listTracked(root, []);
  return out === null ? null : out.split("\0").filter((p) => p !== "");
}

/** `git ls-files -z --cached` of the paths given (all when none), as git prints it; null when git fails. */
function listTracked(root: string, paths: readonly string[]): string | null {
  try {
    return runGit(root, [
      "-c",
      `safe.directory=${root}`,
      "-c",
      "core.fsmonitor=false",
      "ls-files",
      "-z",
      "--cached",
      ...(paths.length > 0 ? ["--", ...paths] : []),
    ]);
  } catch {
    return null;
  }
}

/**
 * Whether git tracks any file under `path` (relative to `root`, the top level of the repository at `root`); null
 * when git is missing or fails. The path is taken literally, never as a pattern.
 */
export function gitTracksUnder(root: string, path: string): boolean | null {
  const out = listTracked(root, [`:(literal)${path}`]);
  return out === null ? null : out !== "";
}

/**
 * The files a git config file includes (`include.path`, `includeIf.*.path`, whatever their condition), as
 * written; null when git cannot read the file. The file alone is read: git runs from the file system's root, where
 * no repository's config (and its includes) is read along.
 */
export function gitConfigIncludes(file: string): string[] | null {
  const args = [
    "config",
    "--file",
    file,
    "--no-includes",
    "-z",
    "--get-regexp",
    "^include(if\\..*)?\\.path$",
  ];
  let out: string;
  try {
    out = runGit(posix.parse(file).root || "/", args);
  } catch (error) {
    // git config exits with 1 when no key matches.
    return (error as { status?: number }).status === 1 ? [] : null;
  }
  return out
    .split("\0")
    .filter((entry) => entry !== "")
    .map((entry) => entry.slice(entry.indexOf("\n") + 1));
}
