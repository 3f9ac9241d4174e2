import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeReadFailure, FileReadError, readRegularFile } from "@mlops-report/core";
import type { LintResult, RuleMeta } from "@mlops-report/rules";
import { isCacheEntries, isCacheHeader } from "./cache-check.js";
import { CACHE_FORMAT, contentHash } from "./cache-key.js";
import type { CacheEntry, CacheHeader } from "./cache-schema.js";
import { lookupsUnchanged } from "./file-record.js";
import { makeFolder } from "./make-folder.js";
import { replaceFile } from "./replace-file.js";
import { type Detail, slimReport } from "./slim-report.js";
import { VERSION } from "./version.js";

export const DEFAULT_CACHE_FILE = ".mlops-report-cache";

/** The largest cache file read, in bytes (a class of 1,000 full results takes some tens of MB). */
export const CACHE_SIZE_LIMIT = 512 * 1024 * 1024;

/** The largest config file hashed for the cache; a larger one is no config, and no result depending on it is kept. */
const CONFIG_SIZE_LIMIT = 1024 * 1024;

function readText(path: string, limit: number): string {
  return readRegularFile(path, limit).toString("utf8");
}

export type { CacheEntry, StoredResult } from "./cache-schema.js";

/** `--cache-location`: a file, or a folder (an existing one, or a path ending in a separator) to put it in. */
export function cacheFile(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, DEFAULT_CACHE_FILE) : path;
}

/**
 * Why a cache file that exists was not used: not ours (left alone), ours but damaged (rewritten), or not a file
 * that can be read as a cache at all (a FIFO, a device, too large; left alone).
 */
export type CacheProblem =
  | { kind: "foreign" }
  | { kind: "damaged"; reason: string }
  | { kind: "unusable"; reason: string };

/**
 * Results of earlier runs by report path. The file is one header line (JSON) and the entries (JSON); a file of
 * ours that is cut short or edited starts an empty cache, and one that is not ours is never overwritten.
 */
export class LintCache {
  private readonly configHashes = new Map<string, string | null>();
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
    /** False for a file that is not a cache of ours: it is not overwritten. */
    private readonly writable: boolean,
  ) {}

  /** Loads the cache; `problem` says why a file that exists could not be used (for a one-line note). */
  static load(file: string): { cache: LintCache; problem: CacheProblem | null } {
    const empty = (problem: CacheProblem | null) => ({
      cache: new LintCache(file, new Map(), problem === null || problem.kind === "damaged"),
      problem,
    });
    let text: string;
    try {
      text = readText(file, CACHE_SIZE_LIMIT);
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      const { failure } = error;
      if (failure.kind === "missing") return empty(null);
      if (failure.kind === "unreadable")
        return empty({ kind: "damaged", reason: `it ${describeReadFailure(failure)}` });
      return empty({ kind: "unusable", reason: describeReadFailure(failure) });
    }
    // A run stopped while creating the file may leave it empty: nothing to keep, and nothing foreign to spare.
    if (text.trim() === "") return empty({ kind: "damaged", reason: "it is empty" });
    const newline = text.indexOf("\n");
    let header: unknown;
    try {
      header = JSON.parse(newline === -1 ? text : text.slice(0, newline));
    } catch {
      return empty({ kind: "foreign" });
    }
    if (!isCacheHeader(header)) return empty({ kind: "foreign" });
    // Entries of another version could never match: start afresh without a word, as after an upgrade.
    if (header.cacheFormat !== CACHE_FORMAT || header.version !== VERSION) return empty(null);
    const body = newline === -1 ? "" : text.slice(newline + 1);
    if (contentHash(body) !== header.sha256)
      return empty({ kind: "damaged", reason: "its checksum does not match" });
    let entries: unknown;
    try {
      entries = JSON.parse(body);
    } catch {
      return empty({ kind: "damaged", reason: "its entries are not JSON" });
    }
    if (!isCacheEntries(entries))
      return empty({ kind: "damaged", reason: "its entries are not of the expected shape" });
    return { cache: new LintCache(file, new Map(Object.entries(entries)), true), problem: null };
  }

  private configHash(path: string): string | null {
    let hash = this.configHashes.get(path);
    if (hash === undefined) {
      try {
        hash = contentHash(readText(path, CONFIG_SIZE_LIMIT));
      } catch {
        hash = null;
      }
      this.configHashes.set(path, hash);
    }
    return hash;
  }

  /** The stored result for the report, when its key matches and every file it looked at is as it was. */
  lookup(
    path: string,
    key: string,
    detail: Detail,
    shown: string,
  ): { result: LintResult; pluginRules: RuleMeta[] } | null {
    const entry = this.entries.get(path);
    if (!entry || entry.key !== key) return null;
    // A slim entry lacks the texts that the HTML and SARIF reporters need.
    if (detail === "full" && entry.detail !== "full") return null;
    if (!entry.configFiles.every((config) => this.configHash(config.path) === config.hash)) return null;
    if (!lookupsUnchanged(entry.files, this.file)) return null;
    const stored = entry.result;
    const report = detail === "slim" && entry.detail === "full" ? slimReport(stored.report) : stored.report;
    return { result: { filePath: shown, ...stored, report }, pluginRules: entry.pluginRules };
  }

  store(
    path: string,
    entry: Omit<CacheEntry, "configFiles" | "result"> & { configFiles: string[]; result: LintResult },
  ): void {
    const configFiles: { path: string; hash: string }[] = [];
    for (const config of entry.configFiles) {
      const hash = this.configHash(config);
      // A config that cannot be read now cannot be checked later: such a result is not kept.
      if (hash === null) return;
      configFiles.push({ path: config, hash });
    }
    const { filePath: _shown, ...result } = entry.result;
    this.entries.set(path, { ...entry, configFiles, result });
    this.changed = true;
  }

  /** Drops the entries of reports that are gone, so that the file does not grow forever. */
  prune(): void {
    for (const path of this.entries.keys()) {
      if (!existsSync(path)) {
        this.entries.delete(path);
        this.changed = true;
      }
    }
  }

  /** Writes the cache when it changed, atomically: a run cut short leaves the old file or the new one. */
  save(): void {
    if (!this.changed || !this.writable) return;
    const sorted = [...this.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const body = JSON.stringify(Object.fromEntries(sorted));
    const header: CacheHeader = {
      tool: "mlops-report",
      cacheFormat: CACHE_FORMAT,
      version: VERSION,
      sha256: contentHash(body),
    };
    makeFolder(dirname(this.file));
    replaceFile(this.file, `${JSON.stringify(header)}\n${body}`);
    this.changed = false;
  }
}
