import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Runs git in `cwd` quietly, as a test's author (no user config needed); throws when it fails. */
export function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}

/**
 * Renames a path in a repository's index, byte for byte, to one git itself would refuse (`../x`): a forged index,
 * as anyone can write one. Both paths have the same length; the index's checksum is made anew.
 */
export function forgeIndexPath(repository: string, from: string, to: string): void {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error("forgeIndexPath: lengths differ");
  const file = join(repository, ".git/index");
  const index = readFileSync(file);
  const at = index.indexOf(`${from}\0`);
  if (at < 0) throw new Error(`forgeIndexPath: ${from} is not in the index`);
  const body = Buffer.concat([index.subarray(0, at), Buffer.from(to), index.subarray(at + to.length, -20)]);
  writeFileSync(file, Buffer.concat([body, createHash("sha1").update(body).digest()]));
}
