import { posix, sep } from "node:path";
import picomatch from "picomatch";
import { currentFileObserver, type FileProbe, findRepositoryRoot } from "../resolve.js";
import { evidenceText } from "./evidence-text.js";
import { withoutExcluded } from "./exclude.js";
import { nodeRepositoryFs, type RepositoryFs } from "./fs.js";
import { type GitFolders, gitFoldersOf } from "./gitdir.js";
import {
  type Look,
  type RecalledListing,
  type RecalledSearch,
  type RepositoryRecall,
  settledState,
} from "./recall.js";
import { trackedFiles, tracksUnder } from "./tracked.js";
import { fileProof, proofHolds, walkFiles, walkProof } from "./walk.js";

export interface RepositoryLimits {
  /** Files listed at most; the rest are not looked at. */
  maxFiles: number;
  /** A file bigger than this is not read as text. */
  maxFileBytes: number;
  /** Listed paths looked at at most, per repository: read as text, or found to be no file to read. */
  maxReadFiles: number;
}

export const DEFAULT_REPOSITORY_LIMITS: RepositoryLimits = {
  maxFiles: 200_000,
  maxFileBytes: 1024 * 1024,
  maxReadFiles: 2_000,
};

/** A path the view did not look at, and why; each path is named once. */
export interface RepositorySkip {
  path: string;
  reason: string;
}

/** A line of a repository file that a pattern matched. */
export interface TextMatch {
  path: string;
  /** 1-based. */
  line: number;
  /** The line, trimmed and cut to a readable length. */
  text: string;
}

export interface RepositorySearch {
  match: TextMatch | null;
  /** False when a limit kept some candidate file unread, so that "no match" is not known for sure. */
  complete: boolean;
}

export interface RepositoryView {
  /** Absolute, with `/` separators. */
  readonly root: string;
  /** Where the listing comes from: the files git tracks, or a walk honouring `.gitignore`. */
  source(): "git" | "walk";
  /** Every listed file, relative to the root with `/`, sorted. */
  files(): readonly string[];
  /** The listed files a glob matches (picomatch syntax, dot files included). */
  matching(glob: string): readonly string[];
  /** A file's text; null when it is not a listed text file within the limits (then `skipped` says why). */
  text(path: string): string | null;
  /**
   * The first line of the files a glob matches that the pattern finds, files in sorted order; `except` names
   * files, and folders (ending in `/`), that are not searched.
   */
  search(glob: string, pattern: RegExp, except?: readonly string[]): RepositorySearch;
  /** What the view left out so far: files over a limit, unreadable files, links leading out or nowhere. */
  skipped(): readonly RepositorySkip[];
  /** Why nothing of the repository could be listed (its folder cannot be read); null when it was listed. */
  unreadable(): string | null;
  /**
   * What a later view of the same repository may take again (`recall`): the recall given when this view found
   * nothing new; null when nothing was listed.
   */
  recall(): RepositoryRecall | null;
}

export interface OpenRepositoryOptions {
  fs?: RepositoryFs;
  /**
   * The tracked files of a git repository, or null when git cannot say (default: its index, read as
   * `git ls-files --cached` lists it).
   */
  listTracked?: (root: string) => string[] | null;
  /**
   * Whether the git repository at a top level tracks any file under a relative path, or null when git cannot say
   * (default: its index, read as `git ls-files` with a literal pathspec lists it).
   */
  tracksUnder?: (root: string, path: string) => boolean | null;
  /** Where the repository's `.git` is looked for (default: the real file system). */
  probe?: FileProbe;
  limits?: Partial<RepositoryLimits>;
  /** What an earlier view of the same repository found: answers still true are taken without a read. */
  recall?: RepositoryRecall;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

const LINE_TEXT_LENGTH = 160;

function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

const fatalDecoder = new TextDecoder("utf-8", { fatal: true });

function probeFromFs(fs: RepositoryFs): FileProbe {
  return {
    list: (dir) => fs.readdir(dir)?.map((e) => e.name) ?? null,
    has: (dir, name) => fs.lstat(`${dir}/${name}`) !== null,
  };
}

/**
 * The repository around a report: its root is the git top level above the report, else the folder holding the
 * report's `reports/` folder; null when the report sits in neither (a bare file). A git top level above the
 * report's own project folder is the group's repository only if it is theirs alone: where it tracks files of the
 * project folder (a group's copy committed to a staff repository, an example inside a tool's), nothing in it is
 * evidence and the answer is null; where it tracks none (a plain copy, untracked or ignored there), the folder
 * holding the report's `reports/` is read as a repository of its own. Nothing is listed or read before a rule asks,
 * but for that one question to the enclosing repository.
 */
export function openRepository(
  reportPath: string,
  options: OpenRepositoryOptions = {},
): RepositoryView | null {
  const fs = options.fs ?? nodeRepositoryFs;
  const probe = options.probe ?? probeFromFs(fs);
  const abs = toPosix(reportPath);
  let root = findRepositoryRoot(abs, probe);
  let hasGit = probe.has ? probe.has(root, ".git") : (probe.list(root)?.includes(".git") ?? false);
  const reportDir = posix.dirname(abs);
  if (!hasGit && posix.basename(reportDir) !== "reports") return null;
  const inReports = posix.basename(reportDir) === "reports";
  const project = inReports ? posix.dirname(reportDir) : reportDir;
  if (hasGit && project !== root) {
    if (!inReports || !project.startsWith(`${root}/`) || !isOwnCopy(fs, root, project, options)) return null;
    root = project;
    hasGit = false;
  }
  return new LazyRepositoryView(
    root,
    hasGit,
    fs,
    options.listTracked ?? ((top, folders) => trackedFiles(fs, top, folders)),
    { ...DEFAULT_REPOSITORY_LIMITS, ...options.limits },
    options.recall ?? null,
  );
}

/**
 * Whether a project folder below the git top level `top` is no part of that repository: git tracks none of its
 * files. The index is read only where it may be (see `gitFoldersOf`); where it cannot say, the folder is taken as
 * the enclosing repository's, as before git was asked.
 */
function isOwnCopy(fs: RepositoryFs, top: string, project: string, options: OpenRepositoryOptions): boolean {
  const folders = gitFoldersOf(fs, top);
  if (folders === null) return false;
  const tracks = options.tracksUnder ?? ((root, path) => tracksUnder(fs, root, path, folders));
  return tracks(top, project.slice(top.length + 1)) === false;
}

/** A path that is no file to read: what it is, and why it is left out if it is. */
const notAFile = (state: string, skip: string | null = null): Inspection => ({
  target: null,
  size: 0,
  state,
  skip,
});

const cannotRead = (code: string | undefined): string => `cannot be read${code ? ` (${code})` : ""}`;

/** A search made by this view: its answer, what it looked at, and whether a later view may take it again. */
interface Search extends RecalledSearch {
  recallable: boolean;
}

/** What a path is now: what a read opens (a link's target), and its state (null: changed too recently to tell). */
interface Inspection {
  target: string | null;
  size: number;
  state: string | null;
  skip: string | null;
}

function searchKey(glob: string, pattern: RegExp, except: readonly string[]): string {
  return [glob, pattern.source, pattern.flags, ...except].join("\0");
}

/** Whether `except` names the path: the path itself, or a folder (ending in `/`) it lies in. */
export function isExcepted(path: string, except: readonly string[]): boolean {
  return except.some((e) => (e.endsWith("/") ? path.startsWith(e) : path === e));
}

class LazyRepositoryView implements RepositoryView {
  private listing: { source: "git" | "walk"; files: string[]; set: Set<string> } | null = null;
  private realRoot: string | null = null;
  /** The git folders whose index may be read (see `gitFoldersOf`); null: none, undefined: not looked for yet. */
  private gitFoldersFound: GitFolders | null | undefined;
  private readonly texts = new Map<string, string | null>();
  /** Each read file's text as evidence (`evidenceText`): the same for every search of a report's checklist. */
  private readonly evidenceTexts = new Map<string, string>();
  private readonly realFolders = new Map<string, string | null>();
  private readonly looks = new Map<string, Look>();
  private readonly states = new Map<string, string | null>();
  private readonly globs = new Map<string, readonly string[]>();
  private readonly searches = new Map<string, Search>();
  private readonly skips = new Map<string, string>();
  private readonly limitsKey: string;
  /** Whether the recall given holds answers for this listing; decided once, when first asked. */
  private recallFits: boolean | null = null;
  /** Whether this view found anything that the recall given did not hold. */
  private learned = false;
  /** How this view's listing was made, for the next view to take it again (null: it cannot be); made when asked. */
  private listed: () => RecalledListing | null = () => null;
  private reads = 0;

  constructor(
    readonly root: string,
    private readonly hasGit: boolean,
    private readonly fs: RepositoryFs,
    private readonly listTracked: (root: string, folders: GitFolders) => string[] | null,
    private readonly limits: RepositoryLimits,
    private readonly recalled: RepositoryRecall | null,
  ) {
    this.limitsKey = `${limits.maxFiles}:${limits.maxFileBytes}:${limits.maxReadFiles}`;
  }

  source(): "git" | "walk" {
    return this.list().source;
  }

  files(): readonly string[] {
    return this.list().files;
  }

  skipped(): readonly RepositorySkip[] {
    this.list();
    return [...this.skips].map(([path, reason]) => ({ path, reason }));
  }

  unreadable(): string | null {
    this.list();
    return this.skips.get(".") === ROOT_UNLISTED ? ROOT_UNLISTED : null;
  }

  matching(glob: string): readonly string[] {
    let found = this.globs.get(glob) ?? (this.fitsRecall() ? this.recalled?.matches.get(glob) : undefined);
    if (found === undefined) {
      const isMatch = matcher(glob);
      found = this.files().filter((f) => isMatch(f));
      this.learned = true;
    }
    this.globs.set(glob, found);
    return found;
  }

  text(path: string): string | null {
    if (this.texts.has(path)) return this.texts.get(path) ?? null;
    const text = this.list().set.has(path) ? this.readText(path) : null;
    // A file left unread for the read limit may be read once another is no longer needed: not remembered.
    if (!(text === null && this.skips.get(path) === READ_LIMIT)) this.texts.set(path, text);
    return text;
  }

  search(glob: string, pattern: RegExp, except: readonly string[] = []): RepositorySearch {
    const key = searchKey(glob, pattern, except);
    let made = this.searches.get(key);
    if (made === undefined) {
      const again = this.takeAgain(key);
      // The glob's matches go on to the next recall, with the answer taken again.
      if (again) this.matching(glob);
      made = again ?? this.searchFiles(glob, pattern, except);
      this.searches.set(key, made);
    }
    return made.result;
  }

  recall(): RepositoryRecall | null {
    if (this.listing === null) return null;
    const earlier = this.recalled;
    if (
      earlier !== null &&
      !this.learned &&
      this.fitsRecall() &&
      this.searches.size === earlier.searches.size &&
      this.globs.size === earlier.matches.size
    )
      return earlier;
    const searches = new Map<string, RecalledSearch>();
    for (const [key, { result, looks, recallable }] of this.searches)
      if (recallable) searches.set(key, { result, looks });
    return {
      limits: this.limitsKey,
      files: this.listing.files,
      listing: this.listed(),
      matches: new Map(this.globs),
      searches,
    };
  }

  private evidence(path: string, text: string): string {
    let readable = this.evidenceTexts.get(path);
    if (readable === undefined) {
      readable = evidenceText(path, text);
      this.evidenceTexts.set(path, readable);
    }
    return readable;
  }

  private searchFiles(glob: string, pattern: RegExp, except: readonly string[]): Search {
    this.learned = true;
    let complete = true;
    let recallable = true;
    const looks: [string, Look][] = [];
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
    const searched = (result: RepositorySearch): Search => ({ result, looks, recallable });
    for (const path of this.matching(glob)) {
      if (isExcepted(path, except)) continue;
      const text = this.text(path);
      const look = this.looks.get(path);
      if (look) looks.push([path, look]);
      // A path read too recently, or not at all for the read limit, leaves nothing to tell its change by.
      if (!look || look.state === "") recallable = false;
      if (text === null) {
        // The limit is reached: no later file is read either, and looking at each costs a class run its time.
        if (this.skips.get(path) === READ_LIMIT) return searched({ match: null, complete: false });
        if (this.skips.has(path)) complete = false;
        continue;
      }
      const readable = this.evidence(path, text);
      const m = re.exec(readable);
      if (m) {
        // The line of what the pattern found, not of the line ends a leading `\s*` took along.
        const at = m.index + (m[0].length - m[0].trimStart().length);
        let count = 1;
        for (let i = readable.indexOf("\n"); i >= 0 && i < at; i = readable.indexOf("\n", i + 1)) count++;
        // The line as written, comment included: the reading blanks what cannot be evidence, never a line.
        let start = 0;
        for (let n = 1; n < count; n++) start = text.indexOf("\n", start) + 1;
        const end = text.indexOf("\n", start);
        const line = text.slice(start, end < 0 ? undefined : end).trim();
        const shown = line.length > LINE_TEXT_LENGTH ? `${line.slice(0, LINE_TEXT_LENGTH)}…` : line;
        return searched({ match: { path, line: count, text: shown }, complete: true });
      }
    }
    return searched({ match: null, complete });
  }

  /**
   * An earlier view's answer to the same search, when the listing is the same and every path it looked at is as
   * it was then; what the search did (files read, left out) is done again without reading.
   */
  private takeAgain(key: string): Search | null {
    const earlier = this.fitsRecall() ? this.recalled?.searches.get(key) : undefined;
    if (earlier === undefined) return null;
    for (const [path, look] of earlier.looks) if (this.stateNow(path) !== look.state) return null;
    const observer = currentFileObserver();
    for (const [path, look] of earlier.looks) {
      if (this.looks.has(path)) continue;
      this.looks.set(path, look);
      if (look.counted) this.reads++;
      if (look.skip !== null) this.skip(path, look.skip);
      if (look.read !== null) observer?.listed(look.read, null);
    }
    return { ...earlier, recallable: true };
  }

  /** A path's state now, looked at once per view: searches share most of their files. */
  private stateNow(path: string): string | null {
    if (!this.states.has(path)) this.states.set(path, this.inspect(path).state);
    return this.states.get(path) ?? null;
  }

  private fitsRecall(): boolean {
    if (this.recallFits === null) {
      const earlier = this.recalled;
      const files = this.files();
      this.recallFits =
        earlier !== null &&
        earlier.limits === this.limitsKey &&
        earlier.files.length === files.length &&
        earlier.files.every((file, i) => file === files[i]);
    }
    return this.recallFits;
  }

  private skip(path: string, reason: string): void {
    if (!this.skips.has(path)) this.skips.set(path, reason);
  }

  private list(): { source: "git" | "walk"; files: string[]; set: Set<string> } {
    if (this.listing) return this.listing;
    this.realRoot = toPosix(this.fs.realpath(this.root) ?? this.root);
    const observer = currentFileObserver();
    // Whether the repository is a git one decides where its listing comes from.
    observer?.checked(`${this.root}/.git`, this.hasGit);
    const { source, files } = this.listAgain() ?? this.listAnew();
    // The index changes whenever the tracked listing does: its state stands for the listing.
    if (source === "git") observer?.listed(this.indexPath, null);
    this.listing = { source, files, set: new Set(files) };
    return this.listing;
  }

  private get gitFolders(): GitFolders | null {
    if (this.gitFoldersFound === undefined)
      this.gitFoldersFound = this.hasGit ? gitFoldersOf(this.fs, this.root) : null;
    return this.gitFoldersFound;
  }

  private get indexPath(): string {
    return `${this.gitFolders?.folder}/index`;
  }

  /**
   * The recall's listing, when what it depended on is as it was: git's index, or every folder, ignore file and
   * link a walk looked at.
   */
  private listAgain(): { source: "git" | "walk"; files: string[] } | null {
    const earlier = this.recalled;
    const listing = earlier?.listing;
    if (!earlier || !listing || earlier.limits !== this.limitsKey) return null;
    if ((listing.source === "git") !== (this.gitFolders !== null)) return null;
    const folders: [string, string[]][] = [];
    if (!proofHolds(this.fs, listing.proof, (path, names) => folders.push([path, names]))) return null;
    const observer = currentFileObserver();
    for (const [path, names] of folders) observer?.listed(path, names);
    for (const [path, reason] of listing.skips) this.skip(path, reason);
    this.listed = () => listing;
    this.recallFits = true;
    return { source: listing.source, files: [...earlier.files] };
  }

  private listAnew(): { source: "git" | "walk"; files: string[] } {
    this.learned = true;
    let proofOf = (): [string, string][] | null => null;
    let source: "git" | "walk" = "walk";
    let files: string[] | null = null;
    const folders = this.gitFolders;
    if (folders !== null) {
      // Looked at before it is read: an index that changes meanwhile is then told by its state next time.
      const index = fileProof(this.fs, this.indexPath);
      files = this.listTracked(this.root, folders);
      if (files !== null) {
        files = this.withinRoot(withoutRepeats(files));
        source = "git";
        proofOf = () => index && [index];
      }
    }
    if (files === null) {
      const walked = walkFiles(this.fs, this.root, this.realRoot ?? this.root, this.limits.maxFiles);
      // A root that cannot be listed lists nothing: that is no empty repository.
      if (walked.folders[0]?.entries === null) this.skip(".", ROOT_UNLISTED);
      for (const { path, reason } of walked.skips) this.skip(path, reason);
      if (walked.truncated)
        this.skip(".", `more than ${this.limits.maxFiles} files: the rest are not looked at`);
      const observer = currentFileObserver();
      if (observer)
        for (const { path, entries } of walked.folders)
          if (entries !== null)
            observer.listed(
              path,
              entries.map((e) => e.name),
            );
      files = walked.files;
      proofOf = () => walkProof(walked);
    } else if (files.length > this.limits.maxFiles) {
      this.skip(".", `more than ${this.limits.maxFiles} files: the rest are not looked at`);
      files = files.slice(0, this.limits.maxFiles);
    }
    // Nothing but the listing has been looked at yet: every skip so far is the listing's.
    const skips = [...this.skips];
    this.listed = () => {
      const proof = proofOf();
      return proof && { source, proof, skips };
    };
    return { source, files: withoutExcluded(files).sort() };
  }

  /** The paths that name a place inside the root; each other one (`..`, absolute, empty parts) is named once. */
  private withinRoot(paths: string[]): string[] {
    const kept = paths.filter((path) => !UNNORMAL_PATH.test(path));
    if (kept.length < paths.length)
      for (const path of paths)
        if (UNNORMAL_PATH.test(path)) this.skip(path, "a path outside the repository");
    return kept;
  }

  /**
   * What a listed path is now: the file a read would open (a link's target, only inside the root), its size, its
   * state, and why it is left out if it is.
   */
  private inspect(path: string): Inspection {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? this.realRootPath : this.realFolder(path.slice(0, slash));
    // A folder on the way that is a link is followed only inside the root, as a link to a file is.
    if (folder !== null && !this.isInside(folder)) return notAFile(`link:${folder}`, LEADS_OUTSIDE);
    const abs = folder === null ? `${this.root}/${path}` : `${folder}/${path.slice(slash + 1)}`;
    const stat = this.fs.lstat(abs);
    if (stat === null) return notAFile("none");
    if (stat.kind === "directory" || stat.kind === "other") return notAFile(stat.kind);
    if (stat.kind === "unreadable") return notAFile("unreadable", cannotRead(stat.code));
    if (stat.kind === "file") {
      const state = settledState(stat);
      // Reached through a folder link: which file it is depends on the link too.
      const moved = abs !== `${this.realRootPath}/${path}`;
      return {
        target: abs,
        size: stat.size,
        state: moved && state ? `link:${abs}:${state}` : state,
        skip: null,
      };
    }
    const real = this.fs.realpath(abs);
    if (real === null) return notAFile("link", "a link that leads nowhere or round in a loop");
    if (!real.startsWith(`${this.realRootPath}/`)) return notAFile(`link:${real}`, LEADS_OUTSIDE);
    const targetStat = this.fs.lstat(real);
    if (targetStat?.kind !== "file") return notAFile(`link:${real}:${targetStat?.kind ?? "none"}`);
    const state = settledState(targetStat);
    return { target: real, size: targetStat.size, state: state && `link:${real}:${state}`, skip: null };
  }

  private get realRootPath(): string {
    return this.realRoot ?? this.root;
  }

  private isInside(real: string): boolean {
    return real === this.realRootPath || real.startsWith(`${this.realRootPath}/`);
  }

  /** A listed folder's real path, links followed (null: it does not resolve); looked at once per view. */
  private realFolder(folder: string): string | null {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      const found = this.fs.realpath(`${this.root}/${folder}`);
      real = found === null ? null : toPosix(found);
      this.realFolders.set(folder, real);
    }
    return real;
  }

  /** Leaves a path unread, for `reason` (null: none worth naming): named once, and in its look. */
  private leave(path: string, look: Look, reason: string | null): null {
    if (reason !== null) {
      look.skip ??= reason;
      this.skip(path, reason);
    }
    return null;
  }

  /** Reads a listed file as text: inside the root only, within the limits, a failure named once. */
  private readText(path: string): string | null {
    const counted = this.looks.get(path)?.counted === true;
    if (!counted && this.reads >= this.limits.maxReadFiles) {
      this.skip(path, READ_LIMIT);
      return null;
    }
    const { target, size, state, skip } = this.inspect(path);
    // A recalled search that looks at this path later in the run finds its state here, not by a second look.
    this.states.set(path, state);
    // An empty state is never found again: a path that changed too recently is looked at anew next time.
    // Every path looked at counts, a file or not: a forged index of a million absent files is looked at no more.
    const look: Look = { state: state ?? "", read: null, skip, counted: true };
    this.looks.set(path, look);
    if (!counted) this.reads++;
    if (target === null) return this.leave(path, look, skip);
    if (size > this.limits.maxFileBytes)
      return this.leave(path, look, `larger than ${this.limits.maxFileBytes} bytes`);
    let bytes: Uint8Array;
    try {
      // A buffer of the file's own size, not the limit's: allocating a megabyte per file costs more than reading.
      bytes = this.fs.read(target, Math.min(size, this.limits.maxFileBytes) + 1);
    } catch (error) {
      return this.leave(path, look, cannotRead((error as NodeJS.ErrnoException).code));
    }
    look.read = target;
    currentFileObserver()?.listed(target, null);
    if (bytes.length > this.limits.maxFileBytes)
      return this.leave(path, look, `larger than ${this.limits.maxFileBytes} bytes`);
    if (isBinary(bytes)) return null;
    try {
      return fatalDecoder.decode(bytes);
    } catch {
      return null;
    }
  }
}

/** Each path once: git lists an unmerged path once per stage of the merge. */
function withoutRepeats(paths: string[]): string[] {
  const unique = new Set(paths);
  return unique.size === paths.length ? paths : [...unique];
}

const matchers = new Map<string, (path: string) => boolean>();

/**
 * Globs are few and asked of every repository: each is compiled once, to its regex. Listed paths are
 * `/`-separated on every platform, so the regex is the posix one and is tested directly: picomatch's own matcher
 * makes two result objects per path, which cost a cold run about a third of its glob matching.
 */
function matcher(glob: string): (path: string) => boolean {
  let isMatch = matchers.get(glob);
  if (!isMatch) {
    const re = picomatch.makeRe(glob, { dot: true, windows: false });
    // picomatch's matcher also takes a path that is the glob itself, even where the glob's regex does not.
    isMatch = (path) => path === glob || re.test(path);
    matchers.set(glob, isMatch);
  }
  return isMatch;
}

const ROOT_UNLISTED = "its folder cannot be listed";
const READ_LIMIT = "not read: the limit of files looked at per repository was reached";
const LEADS_OUTSIDE = "a link that leads outside the repository";
/**
 * A path with an empty, `.` or `..` part, or absolute: git never writes one to its index, but a forged index may
 * hold any. On Windows a backslash separates parts too.
 */
const UNNORMAL_PATH = sep === "/" ? /(?:^|\/)\.{0,2}(?:\/|$)/ : /(?:^|[\\/])\.{0,2}(?:[\\/]|$)|^[a-z]:/i;
