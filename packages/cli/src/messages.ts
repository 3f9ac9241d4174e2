import { engineMessages, UserError } from "@mlops-report/engine/messages";

export { UserError };

/** Every user-facing error of the command line, one template each. */
export const messages = {
  ...engineMessages,
  noReportInFolder: (path: string) =>
    `${path}: no report found (looked for reports/README.md and README.md in this folder)`,
  reportIsFolder: (path: string) => `${path}: a folder, not a report file`,
  cannotWrite: (path: string, reason: string) => `${path}: cannot write the output (${reason})`,
  folderForFormat: (format: string, path: string) =>
    `--format ${format}=${path}: a folder; only html writes a folder of pages, ${format} writes one file (name a file)`,
  figureNotCopied: (path: string, reason: string) =>
    `${path}: figure not copied to the HTML folder (${reason})`,
  unknownFormat: (name: string, known: readonly string[]) =>
    `unknown format "${name}" (known formats: ${known.join(", ")})`,
  twoFormatsToStdout: (names: readonly string[]) =>
    `formats ${names.join(" and ")} would both print to standard output: give all but one a file (--format name=FILE)`,
  tooManyWarnings: (count: number, max: number) =>
    `${count} warnings, more than --max-warnings ${max} allows`,
  badYear: (year: string, years: readonly string[]) =>
    `--year takes one of ${years.join(", ")}, not "${year}"`,
  badPresetYear: (year: string) => `--year takes a course year such as 2027, not "${year}"`,
  configExists: (path: string) => `${path} exists already (pass --force to overwrite it)`,
  badMaxWarnings: (value: string) => `--max-warnings takes a whole number of 0 or more, not "${value}"`,
  badConcurrency: (value: string) =>
    `--concurrency takes auto, off or a whole number of 1 or more, not "${value}"`,
  noGlobMatch: (pattern: string) => `${pattern}: no report matches this pattern`,
  noReportInGroup: (path: string) => `${path}: no report found (looked for reports/README.md in this folder)`,
  cacheForeign: (path: string) =>
    `${path} is not an mlops-report cache: it is left as it is, and this run is not cached`,
  cacheDamaged: (path: string, reason: string) =>
    `${path} is ignored (${reason}): every report is linted afresh and the cache written anew`,
  cacheUnusable: (path: string, reason: string) =>
    `${path}: ${reason}: it is left as it is, and this run is not cached`,
  cacheNotWritten: (path: string, reason: string) => `${path}: cannot write the cache (${reason})`,
  badTimeLimit: (value: string) => `--time-limit takes a number of seconds above 0, not "${value}"`,
  changedSinceRead: (path: string) =>
    `${path}: changed since it was read: the fixes are not written (run again to fix the new text)`,
  outputIsReport: (path: string) => `${path}: is a report being linted: the output is not written there`,
  cannotWriteFixes: (path: string, reason: string) => `${path}: cannot write the fixes (${reason})`,
  watching: (reports: number) =>
    `${reports === 1 ? "watching the report, its figures and its config" : `watching ${reports} reports, their figures and configs`} for changes (Ctrl-C to stop)`,
  fixStdin: () =>
    "--fix cannot write a report read from standard input (-): --fix-dry-run shows its fixes as a patch",
  watchStdin: () => "--watch cannot watch standard input (-): name the report's file",
  stdinFilenameAlone: () =>
    "--stdin-filename names the report read from standard input: give - as the path to lint",
  noStdin: () => "-: standard input cannot be read here",
  fixed: (path: string, count: number) => `${path}: fixed ${count} ${count === 1 ? "finding" : "findings"}`,
} as const;
