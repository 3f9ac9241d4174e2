/** What the engine says about a report or config it cannot use, one template each. */
export const engineMessages = {
  missingPath: (path: string) => `${path}: no such file or folder`,
  binaryFile: (path: string) => `${path}: not a text file (it contains NUL bytes)`,
  notUtf8: (path: string, offset: number) => `${path}: not UTF-8 text (invalid byte at offset ${offset})`,
  unreadable: (path: string, reason: string) => `${path}: cannot be read (${reason})`,
  internalError: (path: string, detail: string) => `${path}: not linted: internal error: ${detail}`,
  badYear: (year: string, years: readonly string[]) =>
    `--year takes one of ${years.join(", ")}, not "${year}"`,
  overTimeLimit: (path: string, seconds: number) =>
    `${path}: not linted: it took longer than the time limit of ${seconds} s per report (--time-limit)`,
  noReportInFolder: (path: string) =>
    `${path}: no report found (looked for reports/README.md and README.md in this folder)`,
  reportIsFolder: (path: string) => `${path}: a folder, not a report file`,
  noGlobMatch: (pattern: string) => `${pattern}: no report matches this pattern`,
  noReportInGroup: (path: string) => `${path}: no report found (looked for reports/README.md in this folder)`,
  cacheForeign: (path: string) =>
    `${path} is not an mlops-report cache: it is left as it is, and this run is not cached`,
  cacheDamaged: (path: string, reason: string) =>
    `${path} is ignored (${reason}): every report is linted afresh and the cache written anew`,
  cacheUnusable: (path: string, reason: string) =>
    `${path}: ${reason}: it is left as it is, and this run is not cached`,
  cacheNotWritten: (path: string, reason: string) => `${path}: cannot write the cache (${reason})`,
  changedSinceRead: (path: string) =>
    `${path}: changed since it was read: the fixes are not written (run again to fix the new text)`,
  cannotWriteFixes: (path: string, reason: string) => `${path}: cannot write the fixes (${reason})`,
  fixed: (path: string, count: number) => `${path}: fixed ${count} ${count === 1 ? "finding" : "findings"}`,

  badPresetYear: (year: string) => `--year takes a course year such as 2027, not "${year}"`,
} as const;

/** A failure that is the user's input, not a bug: printed as one line (config problems: with their caret), exit 2. */
export class UserError extends Error {
  readonly alreadyFormatted: boolean;
  constructor(message: string, options: { alreadyFormatted?: boolean } = {}) {
    super(message);
    this.alreadyFormatted = options.alreadyFormatted ?? false;
  }
}
