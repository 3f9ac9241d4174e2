import { configLeavesIndexAsIs } from "./config-text.js";
import type { RepositoryFs } from "./fs.js";
import { gitTrackedFiles, gitTracksUnder, MAX_OUTPUT_BYTES } from "./git.js";
import { indexPaths } from "./git-index.js";
import { type GitFolders, MAX_CONFIG_BYTES, readWithin, usableGitFolder } from "./gitdir.js";

/*
 * What git tracks, read from the index itself: starting git for each repository of a class run cost more than
 * the rest of its listing. git runs only where the index or the config is one this reading might tell
 * differently (see `indexPaths`, `configLeavesIndexAsIs`), after `usableGitFolder` has looked at what it opens.
 */

/** An index larger than this is no student project's: git is asked, as before it was read directly. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** Variables that lead git to another index, folder or config than the repository's own (a hook sets some). */
const GIT_ENVIRONMENT = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_CONFIG_PARAMETERS",
  "GIT_CONFIG_COUNT",
  "GIT_ICASE_PATHSPECS",
];

const ABSENT = Symbol("absent");

/** The real path of the regular file at `path`, links followed; ABSENT when nothing is there; null otherwise. */
function regularFile(fs: RepositoryFs, path: string): string | typeof ABSENT | null {
  const stat = fs.lstat(path);
  if (stat === null) return ABSENT;
  const real = stat.kind === "file" ? path : stat.kind === "symlink" ? fs.realpath(path) : null;
  return real !== null && fs.lstat(real)?.kind === "file" ? real : null;
}

/** A regular file's bytes, at most `limit` of them; ABSENT when nothing is there; null when it cannot be read. */
function readBounded(fs: RepositoryFs, path: string, limit: number): Uint8Array | typeof ABSENT | null {
  const file = regularFile(fs, path);
  return file === null || file === ABSENT ? file : readWithin(fs, file, limit);
}

/** Whether git reads the repository's config (the shared folder's) and lists the index as it is. */
function configIsPlain(fs: RepositoryFs, folders: GitFolders): boolean {
  const bytes = readBounded(fs, `${folders.common}/config`, MAX_CONFIG_BYTES);
  return bytes === ABSENT || (bytes !== null && configLeavesIndexAsIs(new TextDecoder().decode(bytes)));
}

/** The paths `git ls-files -z --cached` prints at the repository's top level; null when git is to be asked. */
function indexListing(fs: RepositoryFs, folders: GitFolders): string[] | null {
  if (GIT_ENVIRONMENT.some((name) => process.env[name] !== undefined) || !configIsPlain(fs, folders))
    return null;
  const bytes = readBounded(fs, `${folders.folder}/index`, MAX_INDEX_BYTES);
  // Without an index git tracks nothing yet (a repository just made).
  if (bytes === ABSENT) return [];
  return bytes === null ? null : indexPaths(bytes, MAX_OUTPUT_BYTES);
}

/** git's answer, where it may be run (see `usableGitFolder`); null where it may not. */
function askGit<T>(fs: RepositoryFs, root: string, ask: () => T | null): T | null {
  return usableGitFolder(fs, root) === null ? null : ask();
}

/**
 * The files git tracks in the repository at `root` (its top level, whose git folders are `folders`), as
 * `git ls-files --cached` lists them; null when neither the index nor git can say.
 */
export function trackedFiles(fs: RepositoryFs, root: string, folders: GitFolders): string[] | null {
  return indexListing(fs, folders) ?? askGit(fs, root, () => gitTrackedFiles(root));
}

/**
 * Whether a relative path compares with the index's paths as git compares it: no empty, `.` or `..` part (git
 * would make it so first), and no U+FFFD or lone surrogate, which stand for bytes that are not UTF-8 in a path
 * read from the index, and are given to git as UTF-8.
 */
function comparesAsGit(path: string): boolean {
  return (
    !/\uFFFD|\p{Cs}/u.test(path) &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

/**
 * Whether git tracks any file under `path` (relative to `root`, taken literally), as `ls-files` with a literal
 * pathspec says; null when neither the index nor git can say.
 */
export function tracksUnder(
  fs: RepositoryFs,
  root: string,
  path: string,
  folders: GitFolders,
): boolean | null {
  const listed = comparesAsGit(path) ? indexListing(fs, folders) : null;
  if (listed === null) return askGit(fs, root, () => gitTracksUnder(root, path));
  const folder = `${path}/`;
  return listed.some((file) => file === path || file.startsWith(folder));
}
