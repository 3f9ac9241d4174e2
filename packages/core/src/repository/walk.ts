import ignore, { type Ignore } from "ignore";
import { isExcludedFolderName, VIRTUALENV_MARKER } from "./exclude.js";
import type { RepositoryFs } from "./fs.js";
import { settledState } from "./recall.js";

interface IgnoreLevel {
  /** The folder the `.gitignore` sits in, relative to the root with a trailing `/` ("" for the root). */
  base: string;
  rules: Ignore;
}

type Entries = ReturnType<RepositoryFs["readdir"]>;

export interface WalkResult {
  files: string[];
  /** Folders walked (absolute), with their entries in name order (null: it could not be read). */
  folders: { path: string; entries: Entries }[];
  /**
   * What the walk left out, named: links that lead outside the root, nowhere, or round in a loop (never
   * followed), and ignore files beyond the limit of rules.
   */
  skips: { path: string; reason: string }[];
  truncated: boolean;
  /**
   * Every `.gitignore` honoured and link resolved, with its state when the walk looked (see `walkProof`); null
   * when an ignore file changed too recently to tell.
   */
  looked: [string, string][] | null;
}

/** `.gitignore` text is small; a huge one is no ignore file to honour. */
const MAX_GITIGNORE_BYTES = 256 * 1024;
/**
 * Rules honoured per walk, all ignore files together: each listed path is tested against every rule in force, so
 * thousands of rules over thousands of files took minutes. Real ignore files hold a few hundred at most.
 */
const MAX_IGNORE_RULES = 500;

/** Kinds of what a walk depends on, as the prefix of its key. */
const FOLDER = "folder:";
const FILE = "file:";
const LINK = "link:";

function folderState(entries: Entries): string {
  return entries === null ? "unreadable" : entries.map((e) => `${e.name}/${e.kind}`).join("\0");
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * What a walk's listing depended on, each with its state for `proofHolds`: every folder read (its entries, as the
 * walk read them), every `.gitignore` honoured, every link resolved; null when that cannot be told. Made when
 * asked, not by every walk: a class run never asks.
 */
export function walkProof(walked: WalkResult): [string, string][] | null {
  if (walked.looked === null) return null;
  const folders = walked.folders.map((f): [string, string] => [`${FOLDER}${f.path}`, folderState(f.entries)]);
  return [...folders, ...walked.looked];
}

function entryState(fs: RepositoryFs, path: string): string | null {
  const stat = fs.lstat(path);
  return stat?.kind === "file" ? settledState(stat) : (stat?.kind ?? "none");
}

/** A link's target and what is there (null: nothing): the target a walk follows, or none. */
function resolveLink(fs: RepositoryFs, path: string): { target: string | null; kind: string | null } {
  const target = fs.realpath(path);
  return { target, kind: target === null ? null : (fs.lstat(target)?.kind ?? null) };
}

function linkState({ target, kind }: { target: string | null; kind: string | null }): string {
  return target === null ? "none" : `${target}:${kind ?? "none"}`;
}

/** A file as a proof holds it: null when it is no file, or changed too recently to tell a later change. */
export function fileProof(fs: RepositoryFs, path: string): [string, string] | null {
  const stat = fs.lstat(path);
  const state = stat?.kind === "file" ? settledState(stat) : null;
  return state === null ? null : [`${FILE}${path}`, state];
}

/**
 * Whether everything a listing depended on (`walkProof`, or `fileProof` of git's index) is as it was, so that it
 * would list the same files; `folder` is told of every folder read on the way.
 */
export function proofHolds(
  fs: RepositoryFs,
  proof: readonly (readonly [string, string])[],
  folder: (path: string, names: string[]) => void,
): boolean {
  for (const [key, state] of proof) {
    if (key.startsWith(FOLDER)) {
      const path = key.slice(FOLDER.length);
      const entries = fs.readdir(path)?.sort(byName) ?? null;
      if (folderState(entries) !== state) return false;
      if (entries !== null)
        folder(
          path,
          entries.map((e) => e.name),
        );
    } else if (key.startsWith(FILE)) {
      if (entryState(fs, key.slice(FILE.length)) !== state) return false;
    } else {
      if (linkState(resolveLink(fs, key.slice(LINK.length))) !== state) return false;
    }
  }
  return true;
}

/** An ignore file's rules and how many there are (lines that are neither blank nor a comment). */
function readIgnore(fs: RepositoryFs, path: string): { rules: Ignore; count: number } | null {
  try {
    const text = new TextDecoder().decode(fs.read(path, MAX_GITIGNORE_BYTES));
    const count = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#")).length;
    return { rules: ignore({ allowRelativePaths: true }).add(text), count };
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
  const result: WalkResult = { files: [], folders: [], skips: [], truncated: false, looked: [] };
  const look = (key: string, state: string | null) => {
    if (state === null) result.looked = null;
    else result.looked?.push([key, state]);
  };
  const stack: { rel: string; levels: IgnoreLevel[] }[] = [{ rel: "", levels: [] }];
  let rulesHonoured = 0;
  while (stack.length > 0) {
    const { rel, levels: parentLevels } = stack.pop()!;
    const abs = rel === "" ? root : `${root}/${rel.slice(0, -1)}`;
    const entries = fs.readdir(abs)?.sort(byName) ?? null;
    result.folders.push({ path: abs, entries });
    if (entries === null) continue;
    if (rel !== "" && entries.some((e) => e.name === VIRTUALENV_MARKER)) continue;
    let levels = parentLevels;
    if (entries.some((e) => e.name === ".gitignore" && e.kind === "file")) {
      look(`${FILE}${abs}/.gitignore`, entryState(fs, `${abs}/.gitignore`));
      const read = readIgnore(fs, `${abs}/.gitignore`);
      if (read && rulesHonoured + read.count > MAX_IGNORE_RULES)
        result.skips.push({
          path: `${rel}.gitignore`,
          reason: `not honoured: more than ${MAX_IGNORE_RULES} ignore rules in the repository`,
        });
      else if (read) {
        rulesHonoured += read.count;
        levels = [...parentLevels, { base: rel, rules: read.rules }];
      }
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const path = rel + entry.name;
      // Git's own, whether its folder or the `.git` file of a submodule or worktree.
      if (entry.name === ".git") continue;
      if (entry.kind === "directory") {
        if (!isExcludedFolderName(entry.name) && !ignored(levels, path, true)) folders.push(`${path}/`);
        continue;
      }
      if (entry.kind === "other" || ignored(levels, path, false)) continue;
      if (entry.kind === "symlink") {
        const link = resolveLink(fs, `${abs}/${entry.name}`);
        const { target } = link;
        look(`${LINK}${abs}/${entry.name}`, linkState(link));
        if (target === null) {
          result.skips.push({ path, reason: "a link that leads nowhere or round in a loop" });
          continue;
        }
        if (target !== realRoot && !target.startsWith(`${realRoot}/`)) {
          result.skips.push({ path, reason: "a link that leads outside the repository" });
          continue;
        }
        // A link to a folder inside the repository: git tracks the link, not the folder's files.
        if (link.kind !== "file") continue;
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
