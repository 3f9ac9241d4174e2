import { execFileSync } from "node:child_process";

/** A listing bigger than this is cut (a repository of a million files is no student project). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/**
 * The files git tracks in the repository at `root`, relative with `/`; null when git is missing or fails. Works in
 * a shallow clone (the index is there). git runs without a shell, within bounded time and output, with the
 * repository's own fsmonitor hook switched off (the one setting that would make `ls-files` run a command), and
 * allowed to read a repository another user owns (a staff folder of cloned repositories, a CI container).
 */
export function gitTrackedFiles(root: string): string[] | null {
  try {
    const out = execFileSync(
      "git",
      ["-c", `safe.directory=${root}`, "-c", "core.fsmonitor=false", "ls-files", "-z", "--cached"],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: TIMEOUT_MS,
        stdio: ["ignore", "pipe", "ignore"],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" },
        windowsHide: true,
      },
    );
    return out.split("\0").filter((p) => p !== "");
  } catch {
    return null;
  }
}
