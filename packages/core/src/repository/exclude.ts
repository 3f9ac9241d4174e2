/**
 * Folders that hold no work of the group even when committed: git's own, installed packages, virtualenvs (a
 * folder holding `pyvenv.cfg`), and code copied in from other projects (`third_party/`, `vendor/`). Their files
 * would otherwise count as evidence (a virtualenv's packages import everything).
 */
const EXCLUDED_NAMES: ReadonlySet<string> = new Set([
  ".git",
  "node_modules",
  "site-packages",
  "dist-packages",
  "__pycache__",
  "third_party",
  "third-party",
  "thirdparty",
  "vendor",
  "vendored",
  "_vendor",
]);

/**
 * Files that are the course's own tools wherever a group copies them: `report.py` checks the report's format,
 * and imports (loguru, typer) that are no work of the group's.
 */
const COURSE_TOOL_NAMES: ReadonlySet<string> = new Set(["report.py"]);

export function isExcludedFolderName(name: string): boolean {
  return EXCLUDED_NAMES.has(name);
}

export const VIRTUALENV_MARKER = "pyvenv.cfg";

/** Drops the paths under excluded folders from a listing of relative `/`-separated paths. */
export function withoutExcluded(paths: readonly string[]): string[] {
  const venvs = new Set<string>();
  for (const path of paths) {
    if (path === VIRTUALENV_MARKER || path.endsWith(`/${VIRTUALENV_MARKER}`)) {
      venvs.add(path.slice(0, path.length - VIRTUALENV_MARKER.length));
    }
  }
  return paths.filter((path) => {
    const parts = path.split("/");
    if (COURSE_TOOL_NAMES.has(parts[parts.length - 1]!)) return false;
    for (let i = 0; i < parts.length - 1; i++) if (EXCLUDED_NAMES.has(parts[i]!)) return false;
    if (venvs.size === 0) return true;
    for (let end = path.indexOf("/"); end >= 0; end = path.indexOf("/", end + 1)) {
      if (venvs.has(path.slice(0, end + 1))) return false;
    }
    return !venvs.has("");
  });
}
