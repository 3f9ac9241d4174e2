import { realpathSync, statSync } from "node:fs";
import { relative, sep } from "node:path";

/** A scheme such as `https://`: `extends` reads files, never the network. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(realPath(root), realPath(path));
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
}

/** Why `extends: name` may not be followed before its target is resolved: a URL. */
export function extendsNameProblem(name: string): string | null {
  if (URL_LIKE.test(name))
    return `extends \`${name}\`: URLs are not supported (extend a preset such as \`mlops-report:2026\`, or a config file by its path)`;
  return null;
}

/**
 * Why the resolved `extends` target at `path` may not be read: a folder; or, for a config that is not trusted
 * (found inside a linted repository), a file outside that repository. Such a config could otherwise make the run
 * read any file of the linting machine (`/proc/self/environ`, `/etc/passwd`) and show part of it in an error.
 */
export function extendsTargetProblem(
  name: string,
  path: string,
  from: { repositoryRoot: string; trusted: boolean },
): string | null {
  if (!from.trusted && !isInside(path, from.repositoryRoot))
    return `extends \`${name}\`, outside this repository: a config found in a linted repository extends only presets and config files inside its repository`;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory())
    return `extends \`${name}\`, which is a folder, not a config file (looked at ${path})`;
  // A FIFO would block the read, a device never end it.
  if (stats && !stats.isFile()) return `extends \`${name}\`, which is not a regular file (looked at ${path})`;
  return null;
}
