import { createHash } from "node:crypto";
import { readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { type ParsedSection, readRegularFile, SECTION_PARSER, type SectionStore } from "@mlops-report/core";
import { makeFolder } from "./make-folder.js";
import { replaceFile } from "./replace-file.js";

/*
 * A report's section trees from its last run (see core's `parseBySection`): a student who edits an answer and lints
 * again has every other section parsed already. The engine keeps them in memory for an editor, and the command on
 * disk, one file per report in the per-user cache folder. The cache is an optimization only: a missing, damaged or
 * foreign file means a parse, an unwritable folder a parse next time.
 */

/** The section trees of the last run, and those of this one: a run keeps only what it used. */
export class SectionCache implements SectionStore {
  private current = new Map<string, ParsedSection>();
  private changed = false;

  constructor(private previous: ReadonlyMap<string, ParsedSection> = new Map()) {}

  get(text: string): ParsedSection | undefined {
    const found = this.current.get(text) ?? this.previous.get(text);
    if (found) this.current.set(text, found);
    return found;
  }

  set(text: string, section: ParsedSection): void {
    this.current.set(text, section);
    this.changed = true;
  }

  /** Starts a new run: the sections that the last one did not use are let go. */
  nextRun(): void {
    this.previous = this.current;
    this.current = new Map();
    this.changed = false;
  }

  /** Whether this run parsed a section or left one of the last run's unused. */
  get hasChanged(): boolean {
    return this.changed || this.current.size !== this.previous.size;
  }

  get sections(): ReadonlyMap<string, ParsedSection> {
    return this.current;
  }
}

/** Bytes of the SHA-256 of a cache file's content that precede it. */
const DIGEST_BYTES = 32;
/**
 * The largest cache file read: a report of the 1 MB limit keeps a few megabytes of trees; anything larger is not
 * one of ours.
 */
const FILE_LIMIT = 64 * 1024 * 1024;
/** Reports whose sections are kept: the least recently linted beyond these lose theirs. */
const KEPT_REPORTS = 16;
const FILE_PATTERN = /^sections-[0-9a-f]{16}\.v8$/;

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest();

/** The cache file of the report at `reportPath` (an absolute path). */
export function sectionCacheFile(folder: string, reportPath: string): string {
  return join(folder, `sections-${sha256(reportPath).toString("hex").slice(0, 16)}.v8`);
}

function isSection(value: unknown): value is ParsedSection {
  if (typeof value !== "object" || value === null) return false;
  const { children, end, open, definitions } = value as Partial<Record<keyof ParsedSection, unknown>>;
  if (!Array.isArray(children) || typeof open !== "boolean" || typeof definitions !== "boolean") return false;
  if (typeof end !== "object" || end === null) return false;
  const { line, column, offset } = end as Record<string, unknown>;
  return typeof line === "number" && typeof column === "number" && typeof offset === "number";
}

/** What a cache file holds, when it is whole and was written for this parser; else nothing. */
function readSections(file: string): Map<string, ParsedSection> {
  const sections = new Map<string, ParsedSection>();
  let bytes: Buffer;
  try {
    // Only a regular file, opened without blocking: a FIFO or device in its place cannot hang the run.
    bytes = readRegularFile(file, FILE_LIMIT);
  } catch {
    return sections;
  }
  const content = bytes.subarray(DIGEST_BYTES);
  if (bytes.length <= DIGEST_BYTES || !sha256(content).equals(bytes.subarray(0, DIGEST_BYTES)))
    return sections;
  let stored: unknown;
  try {
    stored = deserialize(content);
  } catch {
    return sections;
  }
  const { parser, entries } = (stored ?? {}) as { parser?: unknown; entries?: unknown };
  if (parser !== SECTION_PARSER || !Array.isArray(entries)) return sections;
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !isSection(entry[1])) return new Map();
    sections.set(entry[0], entry[1]);
  }
  return sections;
}

/** The cache of the report at `reportPath`, with the sections its last run kept. */
export function loadSectionCache(folder: string, reportPath: string): SectionCache {
  return new SectionCache(readSections(sectionCacheFile(folder, reportPath)));
}

/** Removes the cache files of the reports linted longest ago, beyond the number kept. */
function pruneSectionCaches(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => FILE_PATTERN.test(name))
    .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of files.slice(KEPT_REPORTS)) rmSync(join(folder, name), { force: true });
}

/**
 * Writes what this run of the report used, whole or not at all, when it differs from the file (else only marks
 * the file as used now, which pruning goes by); never throws.
 */
export function saveSectionCache(folder: string, reportPath: string, cache: SectionCache): void {
  const file = sectionCacheFile(folder, reportPath);
  try {
    if (!cache.hasChanged) {
      const now = new Date();
      utimesSync(file, now, now);
      return;
    }
    makeFolder(folder);
    const content = serialize({ parser: SECTION_PARSER, entries: [...cache.sections] });
    replaceFile(file, Buffer.concat([sha256(content), content]));
    pruneSectionCaches(folder);
  } catch {
    // A read-only or full disk costs the next run a parse, nothing more.
  }
}
