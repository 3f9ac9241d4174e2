import { execFileSync } from "node:child_process";

/** Runs git in `cwd` quietly, as a test's author (no user config needed); throws when it fails. */
export function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}
