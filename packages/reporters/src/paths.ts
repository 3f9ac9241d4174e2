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

/**
 * A report's group, as staff call it: the repository folder that holds `reports/README.md` (or `README.md`), or
 * the path itself for a report at the top.
 */
export function groupName(path: string): string {
  const folder = path.replace(/(^|\/)(reports\/)?README\.md$/i, "");
  return folder === "" || folder === "." || folder === ".." ? path : (folder.split("/").pop() ?? path);
}
