import { posix, sep } from "node:path";
import picomatch from "picomatch";
import { currentFileObserver, type FileProbe, findRepositoryRoot } from "../resolve.js";
import { withoutExcluded } from "./exclude.js";
import { nodeRepositoryFs, type RepositoryFs } from "./fs.js";
import { gitTrackedFiles } from "./git.js";
import { walkFiles } from "./walk.js";

export interface RepositoryLimits {
  /** Files listed at most; the rest are not looked at. */
  maxFiles: number;
  /** A file bigger than this is not read as text. */
  maxFileBytes: number;
  /** Files read as text at most, per repository. */
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
   * The first line of the files a glob matches that the pattern finds, files in sorted order; files `skip` says
   * yes to are not searched.
   */
  search(glob: string, pattern: RegExp, skip?: (path: string) => boolean): RepositorySearch;
  /** What the view left out so far: files over a limit, unreadable files, links leading out or nowhere. */
  skipped(): readonly RepositorySkip[];
}

export interface OpenRepositoryOptions {
  fs?: RepositoryFs;
  /** The tracked files of a git repository, or null when git cannot say (default: `git ls-files`). */
  listTracked?: (root: string) => string[] | null;
  /** Where the repository's `.git` is looked for (default: the real file system). */
  probe?: FileProbe;
  limits?: Partial<RepositoryLimits>;
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
 * report's `reports/` folder; null when the report sits in neither (a bare file), and null when a git top level
 * lies above the report's own project folder (a group's copy inside a staff repository, an example inside a
 * tool's): that repository is not the group's alone, so nothing in it is evidence. Nothing is listed or read
 * before a rule asks.
 */
export function openRepository(
  reportPath: string,
  options: OpenRepositoryOptions = {},
): RepositoryView | null {
  const fs = options.fs ?? nodeRepositoryFs;
  const probe = options.probe ?? probeFromFs(fs);
  const abs = toPosix(reportPath);
  const root = findRepositoryRoot(abs, probe);
  const hasGit = probe.has ? probe.has(root, ".git") : (probe.list(root)?.includes(".git") ?? false);
  const reportDir = posix.dirname(abs);
  if (!hasGit && posix.basename(reportDir) !== "reports") return null;
  const project = posix.basename(reportDir) === "reports" ? posix.dirname(reportDir) : reportDir;
  if (hasGit && project !== root) return null;
  return new LazyRepositoryView(root, hasGit, fs, options.listTracked ?? gitTrackedFiles, {
    ...DEFAULT_REPOSITORY_LIMITS,
    ...options.limits,
  });
}

class LazyRepositoryView implements RepositoryView {
  private listing: { source: "git" | "walk"; files: string[]; set: Set<string> } | null = null;
  private realRoot: string | null = null;
  private readonly texts = new Map<string, string | null>();
  private readonly globs = new Map<string, readonly string[]>();
  private readonly skips = new Map<string, string>();
  private reads = 0;

  constructor(
    readonly root: string,
    private readonly hasGit: boolean,
    private readonly fs: RepositoryFs,
    private readonly listTracked: (root: string) => string[] | null,
    private readonly limits: RepositoryLimits,
  ) {}

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

  matching(glob: string): readonly string[] {
    let found = this.globs.get(glob);
    if (found === undefined) {
      const isMatch = matcher(glob);
      found = this.files().filter((f) => isMatch(f));
      this.globs.set(glob, found);
    }
    return found;
  }

  text(path: string): string | null {
    if (this.texts.has(path)) return this.texts.get(path) ?? null;
    const text = this.list().set.has(path) ? this.readText(path) : null;
    // A file left unread for the read limit may be read once another is no longer needed: not remembered.
    if (!(text === null && this.skips.get(path) === READ_LIMIT)) this.texts.set(path, text);
    return text;
  }

  search(glob: string, pattern: RegExp, skip?: (path: string) => boolean): RepositorySearch {
    let complete = true;
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
    for (const path of this.matching(glob)) {
      if (skip?.(path)) continue;
      const text = this.text(path);
      if (text === null) {
        if (this.skips.has(path)) complete = false;
        continue;
      }
      const m = re.exec(text);
      if (m) {
        const start = text.lastIndexOf("\n", m.index) + 1;
        const end = text.indexOf("\n", m.index);
        const line = text.slice(start, end < 0 ? undefined : end).trim();
        let count = 1;
        for (let i = text.indexOf("\n"); i >= 0 && i < m.index; i = text.indexOf("\n", i + 1)) count++;
        const shown = line.length > LINE_TEXT_LENGTH ? `${line.slice(0, LINE_TEXT_LENGTH)}…` : line;
        return { match: { path, line: count, text: shown }, complete: true };
      }
    }
    return { match: null, complete };
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
    let source: "git" | "walk" = "walk";
    let files: string[] | null = null;
    if (this.hasGit) {
      files = this.listTracked(this.root);
      if (files !== null) {
        source = "git";
        // The index changes whenever the tracked listing does: its state stands for the listing.
        observer?.listed(`${this.root}/.git/index`, null);
      }
    }
    if (files === null) {
      const walked = walkFiles(this.fs, this.root, this.realRoot, this.limits.maxFiles);
      for (const link of walked.links) this.skip(link.path, link.reason);
      if (walked.truncated)
        this.skip(".", `more than ${this.limits.maxFiles} files: the rest are not looked at`);
      for (const folder of walked.folders) observer?.listed(folder.path, folder.names);
      files = walked.files;
    } else if (files.length > this.limits.maxFiles) {
      this.skip(".", `more than ${this.limits.maxFiles} files: the rest are not looked at`);
      files = files.slice(0, this.limits.maxFiles);
    }
    files = withoutExcluded(files).sort();
    this.listing = { source, files, set: new Set(files) };
    return this.listing;
  }

  /** Reads a listed file as text: inside the root only, within the limits, a failure named once. */
  private readText(path: string): string | null {
    if (this.reads >= this.limits.maxReadFiles) {
      this.skip(path, READ_LIMIT);
      return null;
    }
    const abs = `${this.root}/${path}`;
    const stat = this.fs.lstat(abs);
    if (stat === null || stat.kind === "directory" || stat.kind === "other") return null;
    let target = abs;
    let size = stat.size;
    if (stat.kind === "symlink") {
      const real = this.fs.realpath(abs);
      const realRoot = this.realRoot ?? this.root;
      if (real === null) {
        this.skip(path, "a link that leads nowhere or round in a loop");
        return null;
      }
      if (!real.startsWith(`${realRoot}/`)) {
        this.skip(path, "a link that leads outside the repository");
        return null;
      }
      const targetStat = this.fs.lstat(real);
      if (targetStat?.kind !== "file") return null;
      target = real;
      size = targetStat.size;
      if (targetStat.size > this.limits.maxFileBytes) {
        this.skip(path, `larger than ${this.limits.maxFileBytes} bytes`);
        return null;
      }
    } else if (stat.size > this.limits.maxFileBytes) {
      this.skip(path, `larger than ${this.limits.maxFileBytes} bytes`);
      return null;
    }
    this.reads++;
    let bytes: Uint8Array;
    try {
      // A buffer of the file's own size, not the limit's: allocating a megabyte per file costs more than reading.
      bytes = this.fs.read(target, Math.min(size, this.limits.maxFileBytes) + 1);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.skip(path, `cannot be read${code ? ` (${code})` : ""}`);
      return null;
    }
    currentFileObserver()?.listed(target, null);
    if (bytes.length > this.limits.maxFileBytes) {
      this.skip(path, `larger than ${this.limits.maxFileBytes} bytes`);
      return null;
    }
    if (isBinary(bytes)) return null;
    try {
      return fatalDecoder.decode(bytes);
    } catch {
      return null;
    }
  }
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

const READ_LIMIT = "not read: the limit of files read per repository was reached";
