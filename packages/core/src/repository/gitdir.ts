import { posix } from "node:path";
import type { RepositoryFs } from "./fs.js";
import { gitConfigIncludes } from "./git.js";

/*
 * Before the index of an untrusted repository is read, or git runs there, what either will open is looked at: a
 * `.git` file (a submodule's or a worktree's) must lead to a real git folder, and every file read to list the
 * index (HEAD, the index, each config and, for git, what it includes) must be a regular file. A named pipe or a
 * device there would hold the reader or git until its timeout, repository after repository; such a repository is
 * listed by a walk instead, at once.
 */

/** A `.git` file holds one line, `gitdir: PATH`. */
const MAX_GITFILE_BYTES = 4096;
/** A config git reads is small; a huge one is no repository's own to honour (nor to read for the index). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Git follows includes this deep, and no deeper. */
const MAX_INCLUDE_DEPTH = 10;
/** Config files looked at at most, includes of includes counted. */
const MAX_CONFIGS = 32;

/** What a path is once every link is followed: null when nothing is there (or a link leads nowhere). */
function kindFollowed(fs: RepositoryFs, path: string): string | null {
  const real = fs.realpath(path);
  return real === null ? null : (fs.lstat(real)?.kind ?? null);
}

/** Whether what is at `path` is a regular file, or nothing: what git may open without waiting. */
function isFileOrNothing(fs: RepositoryFs, path: string): boolean {
  const kind = kindFollowed(fs, path);
  return kind === null || kind === "file";
}

/** A file's bytes when it has at most `limit` of them; null when it is longer or cannot be read. */
export function readWithin(fs: RepositoryFs, path: string, limit: number): Uint8Array | null {
  try {
    const bytes = fs.read(path, limit + 1);
    return bytes.length > limit ? null : bytes;
  } catch {
    return null;
  }
}

function readText(fs: RepositoryFs, path: string, limit: number): string | null {
  const bytes = readWithin(fs, path, limit);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** The folder `root/.git` leads to, links followed: itself, or what a `.git` file names; null when neither. */
function gitFolderOf(fs: RepositoryFs, root: string): string | null {
  const dotGit = `${root}/.git`;
  const stat = fs.lstat(dotGit);
  let folder = dotGit;
  if (stat?.kind === "file") {
    const text = readText(fs, dotGit, MAX_GITFILE_BYTES);
    const named = text?.match(/^gitdir: *([^\r\n]+?)\s*$/m)?.[1];
    if (!named) return null;
    folder = posix.isAbsolute(named) ? named : posix.join(root, named);
  } else if (stat?.kind !== "directory" && stat?.kind !== "symlink") return null;
  const real = fs.realpath(folder);
  return real !== null && fs.lstat(real)?.kind === "directory" ? real : null;
}

/**
 * Whether a config and everything it includes (at any depth, under any condition) is a regular file or nothing;
 * `seen` counts the configs looked at.
 */
function configsAreFiles(fs: RepositoryFs, config: string, depth: number, seen: Set<string>): boolean {
  if (!isFileOrNothing(fs, config)) return false;
  if (fs.realpath(config) === null || seen.has(config)) return true;
  seen.add(config);
  if (seen.size > MAX_CONFIGS || depth > MAX_INCLUDE_DEPTH) return false;
  const text = readText(fs, config, MAX_CONFIG_BYTES);
  if (text === null) return false;
  // Only a config that mentions includes is asked for them: git's own parser tells which lines are.
  if (!/include/i.test(text)) return true;
  const includes = gitConfigIncludes(config);
  if (includes === null) return false;
  const home = process.env.HOME ?? "";
  return includes.every((include) => {
    const path = include.startsWith("~/")
      ? posix.join(home, include.slice(2))
      : posix.isAbsolute(include)
        ? include
        : posix.join(posix.dirname(config), include);
    return configsAreFiles(fs, path, depth + 1, seen);
  });
}

/** Where a git folder's `commondir` leads (its real path), or the folder itself without one; null when nowhere. */
function commonFolderOf(fs: RepositoryFs, folder: string): string | null {
  if (fs.lstat(`${folder}/commondir`) === null) return folder;
  const named = readText(fs, `${folder}/commondir`, MAX_GITFILE_BYTES)?.trim();
  const real = named ? fs.realpath(posix.isAbsolute(named) ? named : posix.join(folder, named)) : null;
  return real !== null && fs.lstat(real)?.kind === "directory" ? real : null;
}

/** The git folders of a repository: its own (HEAD, the index) and the one it shares (config, objects). */
export interface GitFolders {
  /** The real path of the folder `.git` leads to: a worktree's or a submodule's own. */
  folder: string;
  /** The real path of the folder holding the config and the objects: `folder`, or what its `commondir` names. */
  common: string;
}

/**
 * The git folders of the repository at `root` when it is one (HEAD, and objects) whose index and configs are
 * regular files or nothing, as a reader of the index needs; null otherwise, and the repository is read as a
 * walk. Nothing here runs git: what git would open besides is looked at by `usableGitFolder`, before it runs.
 */
export function gitFoldersOf(fs: RepositoryFs, root: string): GitFolders | null {
  const folder = gitFolderOf(fs, root);
  if (folder === null || kindFollowed(fs, `${folder}/HEAD`) !== "file") return null;
  const files = ["index", "config", "commondir"].map((name) => `${folder}/${name}`);
  // The commondir file is read only once it is known to be a regular file.
  if (!files.every((file) => isFileOrNothing(fs, file))) return null;
  const common = commonFolderOf(fs, folder);
  if (common === null || kindFollowed(fs, `${common}/objects`) !== "directory") return null;
  return isFileOrNothing(fs, `${common}/config`) ? { folder, common } : null;
}

/**
 * The git folder of the repository at `root` (its real path) when git may be run there: a git folder (see
 * `gitFoldersOf`) where every file git reads to list the index (each shared index, each config and what it
 * includes) is a regular file or nothing; null otherwise, and the repository is then read as a walk.
 */
export function usableGitFolder(fs: RepositoryFs, root: string): string | null {
  const folders = gitFoldersOf(fs, root);
  if (folders === null) return null;
  const { folder, common } = folders;
  const files = [`${folder}/config.worktree`];
  for (const name of fs.readdir(folder)?.map((e) => e.name) ?? [])
    if (name.startsWith("sharedindex.")) files.push(`${folder}/${name}`);
  if (!files.every((file) => isFileOrNothing(fs, file))) return null;
  const configs = [`${folder}/config`, `${folder}/config.worktree`];
  if (common !== folder) configs.push(`${common}/config`);
  const seen = new Set<string>();
  return configs.every((config) => configsAreFiles(fs, config, 0, seen)) ? folder : null;
}
