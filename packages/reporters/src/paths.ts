import { posix } from "node:path";

const windowsDrive = /^[A-Za-z]:\//;

/**
 * The path relative to `cwd` with POSIX separators, so that output names no machine-specific directory.
 * A relative path is taken as already relative to `cwd`.
 */
export function relativePath(filePath: string, cwd: string): string {
  const file = filePath.replaceAll("\\", "/");
  const base = cwd.replaceAll("\\", "/");
  const isAbsolute = file.startsWith("/") || windowsDrive.test(file);
  const relative = isAbsolute ? posix.relative(base, file) : posix.normalize(file);
  if (relative === "" || relative === ".") return posix.basename(file);
  return relative.startsWith("./") ? relative.slice(2) : relative;
}
