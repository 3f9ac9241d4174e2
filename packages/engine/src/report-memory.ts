import { existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import {
  arrayOf,
  isParsedSection,
  isRepositoryRecall,
  isString,
  nullable,
  oneOf,
  type ParsedSection,
  pairOf,
  type RepositoryRecall,
  readRegularFile,
  SECTION_PARSER,
  shape,
} from "@mlops-report/core";
import { isStoredEvidence, type StoredEvidence } from "@mlops-report/rules";
import { checksum64, contentChecksum } from "./checksum.js";
import { KeptValues } from "./kept-values.js";
import { makeFolder } from "./make-folder.js";
import { replaceFile } from "./replace-file.js";

/*
 * What one report's runs keep for the next: a student who edits an answer and lints again has every other section
 * parsed already (core's `parseBySection`), every other answer's evidence hits found (the rules' evidence store)
 * and the same code in the repository (the view's recall). The engine keeps it in memory for an editor, and the
 * command on disk, one file per report in the per-user cache folder. It is an optimization only: a missing,
 * damaged or foreign file means the work is done again, an unwritable folder that the next run does it.
 */

/** What a report's memory is made from. */
interface Kept {
  sections: ReadonlyMap<string, ParsedSection>;
  evidence: ReadonlyMap<string, StoredEvidence>;
  repository: RepositoryRecall | null;
}

export class ReportMemory {
  /** The section trees of the report's last version, by section text. */
  readonly sections: KeptValues<ParsedSection>;
  /** The evidence hits of its answers, by answer and terms. */
  readonly evidence: KeptValues<StoredEvidence>;
  private repositoryRecall: RepositoryRecall | null;
  private repositoryChanged = false;

  constructor(kept: Partial<Kept> = {}) {
    this.sections = new KeptValues(kept.sections);
    this.evidence = new KeptValues(kept.evidence);
    this.repositoryRecall = kept.repository ?? null;
  }

  /** What the last run's repository view found, for this run's view to take again. */
  get repository(): RepositoryRecall | null {
    return this.repositoryRecall;
  }

  /** Keeps what this run's view found (its `recall()`; the same object when it found nothing new). */
  keepRepository(recall: RepositoryRecall | null): void {
    this.repositoryChanged ||= recall !== this.repositoryRecall;
    this.repositoryRecall = recall;
  }

  /** Starts a new run: what the last one did not use is let go. */
  nextRun(): void {
    this.sections.nextRun();
    this.evidence.nextRun();
  }

  /** Whether this run computed anything the last did not, or left something of it unused. */
  get hasChanged(): boolean {
    return this.repositoryChanged || this.sections.hasChanged || this.evidence.hasChanged;
  }
}

/**
 * Where a report's memory is kept on disk, a folder no one but its user can write (`privateFolder`: a run takes the
 * memory as its own work), and for which build of the command: another build's is not used.
 */
export interface MemoryPlace {
  folder: string;
  build: string;
}

/** The checksum of a memory file's content precedes it, on a line of its own at most this long. */
const CHECKSUM_LINE = 32;
/**
 * The largest memory file read: a report of the 1 MB limit keeps a few megabytes of trees; anything larger is not
 * one of ours.
 */
const FILE_LIMIT = 64 * 1024 * 1024;
/** Reports whose memory is kept: the least recently linted beyond these lose theirs. */
const KEPT_REPORTS = 16;
const FILE_PATTERN = /^report-[0-9a-f]{16}\.v8$/;

/** The memory file of the report at `reportPath` (an absolute path). */
export function reportMemoryFile(folder: string, reportPath: string): string {
  return join(folder, `report-${checksum64(Buffer.from(reportPath))}.v8`);
}

/**
 * A memory file's content of this build and parser, checked all the way down before any of it is used: a file
 * with the right checksum can still hold anything (a null among a tree's nodes crashed every later run of the
 * report, a sparse array of four billion slots took minutes, nodes without a type changed its findings).
 */
const isStored = (build: string) =>
  shape({
    build: oneOf(build),
    parser: oneOf(SECTION_PARSER),
    sections: arrayOf(pairOf(isString, isParsedSection)),
    evidence: arrayOf(pairOf(isString, isStoredEvidence)),
    repository: nullable(isRepositoryRecall),
  });

interface Stored {
  sections: [string, ParsedSection][];
  evidence: [string, StoredEvidence][];
  repository: RepositoryRecall | null;
}

/** What a memory file holds, when it is whole and was written by this build; else nothing. */
function readMemory(file: string, build: string): ReportMemory {
  let bytes: Buffer;
  try {
    // Only a regular file, opened without blocking and not through a link: a FIFO or device in its place cannot
    // hang the run.
    bytes = readRegularFile(file, FILE_LIMIT, { noFollow: true });
  } catch {
    return new ReportMemory();
  }
  const newline = bytes.subarray(0, CHECKSUM_LINE).indexOf(0x0a);
  if (newline < 0) return new ReportMemory();
  const content = bytes.subarray(newline + 1);
  if (contentChecksum(content) !== bytes.toString("latin1", 0, newline)) return new ReportMemory();
  let stored: unknown;
  try {
    stored = deserialize(content);
  } catch {
    return new ReportMemory();
  }
  if (!isStored(build)(stored)) return new ReportMemory();
  const { sections, evidence, repository } = stored as Stored;
  return new ReportMemory({ sections: new Map(sections), evidence: new Map(evidence), repository });
}

/** The memory of the report at `reportPath` that its last run kept. */
export function loadReportMemory(place: MemoryPlace, reportPath: string): ReportMemory {
  return readMemory(reportMemoryFile(place.folder, reportPath), place.build);
}

/** Removes the memory files of the reports linted longest ago, beyond the number kept. */
function pruneMemories(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => FILE_PATTERN.test(name))
    .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of files.slice(KEPT_REPORTS)) rmSync(join(folder, name), { force: true });
}

/**
 * A memory's content as written, within what `readMemory` reads back: without the repository's answers when they
 * alone take it beyond (a listing of a hundred thousand files, each glob's matches); null when even that is too
 * large.
 */
function serializeWithin(build: string, memory: ReportMemory): Buffer | null {
  const content = (repository: RepositoryRecall | null) =>
    serialize({
      build,
      parser: SECTION_PARSER,
      sections: [...memory.sections.values],
      evidence: [...memory.evidence.values],
      repository,
    });
  const fits = (bytes: Buffer) => bytes.length + CHECKSUM_LINE <= FILE_LIMIT;
  const whole = content(memory.repository);
  if (fits(whole)) return whole;
  const lean = memory.repository === null ? whole : content(null);
  return fits(lean) ? lean : null;
}

/**
 * Writes what this run of the report kept, whole or not at all, when it differs from the file (else only marks
 * the file as used now, which pruning goes by); never throws.
 */
export function saveReportMemory(place: MemoryPlace, reportPath: string, memory: ReportMemory): void {
  const file = reportMemoryFile(place.folder, reportPath);
  try {
    if (!memory.hasChanged) {
      const now = new Date();
      utimesSync(file, now, now);
      return;
    }
    makeFolder(place.folder, 0o700);
    const content = serializeWithin(place.build, memory);
    if (content === null) {
      // Nothing that fits: an older file would only be read back for answers this run no longer has.
      rmSync(file, { force: true });
      return;
    }
    // Only a report without a file yet adds one to the folder, and may take it beyond the number kept.
    const added = !existsSync(file);
    replaceFile(file, Buffer.concat([Buffer.from(`${contentChecksum(content)}\n`, "latin1"), content]));
    if (added) pruneMemories(place.folder);
  } catch {
    // A read-only or full disk costs the next run the work, nothing more.
  }
}
