import ignore, { type Ignore } from "ignore";
import { isExcludedFolderName, VIRTUALENV_MARKER } from "./exclude.js";
import type { RepositoryFs } from "./fs.js";
import { settledState } from "./recall.js";

interface IgnoreLevel {
  /** The folder the `.gitignore` sits in, relative to the root with a trailing `/` ("" for the root). */
  base: string;
  rules: Ignore;
}

export interface WalkResult {
  files: string[];
  /** Folders walked (absolute), for whoever fingerprints the listing. */
  folders: { path: string; names: string[] }[];
  /** Links that lead outside the root, nowhere, or round in a loop: named, never followed. */
  links: { path: string; reason: string }[];
  truncated: boolean;
  /**
   * What the listing depends on, each with its state (`proofHolds` checks them again): every folder read, every
   * `.gitignore` honoured, every link resolved. Null when an ignore file changed too recently to tell.
   */
  proof: [string, string][] | null;
}

/** `.gitignore` text is small; a huge one is no ignore file to honour. */
const MAX_GITIGNORE_BYTES = 256 * 1024;

/** Kinds of what a walk depends on, as the prefix of its key. */
const FOLDER = "folder:";
const FILE = "file:";
const LINK = "link:";

function folderState(entries: readonly { name: string; kind: string }[]): string {
  return entries.map((e) => `${e.name}/${e.kind}`).join("\0");
}

function entryState(fs: RepositoryFs, path: string): string | null {
  const stat = fs.lstat(path);
  return stat?.kind === "file" ? settledState(stat) : (stat?.kind ?? "none");
}

function linkState(fs: RepositoryFs, target: string | null): string {
  return target === null ? "none" : `${target}:${fs.lstat(target)?.kind ?? "none"}`;
}

/** A file as a proof holds it: null when it is no file, or changed too recently to tell a later change. */
export function fileProof(fs: RepositoryFs, path: string): [string, string] | null {
  const stat = fs.lstat(path);
  const state = stat?.kind === "file" ? settledState(stat) : null;
  return state === null ? null : [`${FILE}${path}`, state];
}

/**
 * Whether everything a listing depended on (a walk's proof, or `fileProof` of git's index) is as it was, so that
 * it would list the same files; `folder` is told of every folder read on the way.
 */
export function proofHolds(
  fs: RepositoryFs,
  proof: readonly (readonly [string, string])[],
  folder: (path: string, names: string[]) => void,
): boolean {
  for (const [key, state] of proof) {
    if (key.startsWith(FOLDER)) {
      const path = key.slice(FOLDER.length);
      const entries = fs.readdir(path);
      if (entries === null) return false;
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (folderState(entries) !== state) return false;
      folder(
        path,
        entries.map((e) => e.name),
      );
    } else if (key.startsWith(FILE)) {
      if (entryState(fs, key.slice(FILE.length)) !== state) return false;
    } else {
      const path = key.slice(LINK.length);
      if (linkState(fs, fs.realpath(path)) !== state) return false;
    }
  }
  return true;
}

function readIgnore(fs: RepositoryFs, path: string): Ignore | null {
  try {
    const text = new TextDecoder().decode(fs.read(path, MAX_GITIGNORE_BYTES));
    return ignore({ allowRelativePaths: true }).add(text);
  } catch {
    return null;
  }
}

function ignored(levels: readonly IgnoreLevel[], rel: string, isFolder: boolean): boolean {
  let result = false;
  for (const level of levels) {
    if (!rel.startsWith(level.base)) continue;
    const test = level.rules.test(rel.slice(level.base.length) + (isFolder ? "/" : ""));
    if (test.ignored) result = true;
    else if (test.unignored) result = false;
  }
  return result;
}

/**
 * The files of a folder tree without git: `.gitignore` files honoured at every level, git's folder, installed
 * packages and virtualenvs skipped, links never followed into folders (so no loop), a link to a file kept only
 * when it resolves inside the root. At most `maxFiles` files.
 */
export function walkFiles(fs: RepositoryFs, root: string, realRoot: string, maxFiles: number): WalkResult {
  const result: WalkResult = { files: [], folders: [], links: [], truncated: false, proof: [] };
  const prove = (key: string, state: string | null) => {
    if (state === null) result.proof = null;
    else result.proof?.push([key, state]);
  };
  const stack: { rel: string; levels: IgnoreLevel[] }[] = [{ rel: "", levels: [] }];
  while (stack.length > 0) {
    const { rel, levels: parentLevels } = stack.pop()!;
    const abs = rel === "" ? root : `${root}/${rel.slice(0, -1)}`;
    const entries = fs.readdir(abs);
    if (entries === null) continue;
    const names = entries.map((e) => e.name);
    result.folders.push({ path: abs, names });
    if (rel !== "" && names.includes(VIRTUALENV_MARKER)) continue;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    prove(`${FOLDER}${abs}`, folderState(entries));
    let levels = parentLevels;
    if (entries.some((e) => e.name === ".gitignore" && e.kind === "file")) {
      prove(`${FILE}${abs}/.gitignore`, entryState(fs, `${abs}/.gitignore`));
      const rules = readIgnore(fs, `${abs}/.gitignore`);
      if (rules) levels = [...parentLevels, { base: rel, rules }];
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const path = rel + entry.name;
      if (entry.kind === "directory") {
        if (!isExcludedFolderName(entry.name) && !ignored(levels, path, true)) folders.push(`${path}/`);
        continue;
      }
      if (entry.kind === "other" || ignored(levels, path, false)) continue;
      if (entry.kind === "symlink") {
        const target = fs.realpath(`${abs}/${entry.name}`);
        prove(`${LINK}${abs}/${entry.name}`, linkState(fs, target));
        if (target === null) {
          result.links.push({ path, reason: "a link that leads nowhere or round in a loop" });
          continue;
        }
        if (target !== realRoot && !target.startsWith(`${realRoot}/`)) {
          result.links.push({ path, reason: "a link that leads outside the repository" });
          continue;
        }
        // A link to a folder inside the repository: git tracks the link, not the folder's files.
        if (fs.lstat(target)?.kind !== "file") continue;
      }
      if (result.files.length >= maxFiles) {
        result.truncated = true;
        return result;
      }
      result.files.push(path);
    }
    for (const folder of folders.reverse()) stack.push({ rel: folder, levels });
  }
  return result;
}
