import { engineMessages, UserError } from "@mlops-report/engine/messages";

export { UserError };

/** Every user-facing error of the command line, one template each. */
export const messages = {
  ...engineMessages,
  outputIsReport: (path: string) => `${path}: is a report being linted: the output is not written there`,
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
  configExists: (path: string) => `${path} exists already (pass --force to overwrite it)`,
  badMaxWarnings: (value: string) => `--max-warnings takes a whole number of 0 or more, not "${value}"`,
  badConcurrency: (value: string) =>
    `--concurrency takes auto, off or a whole number of 1 or more, not "${value}"`,
  badTimeLimit: (value: string) => `--time-limit takes a number of seconds above 0, not "${value}"`,
  watching: (reports: number) =>
    `${reports === 1 ? "watching the report, its figures and its config" : `watching ${reports} reports, their figures and configs`} for changes (Ctrl-C to stop)`,
  fixStdin: () =>
    "--fix cannot write a report read from standard input (-): --fix-dry-run shows its fixes as a patch",
  watchStdin: () => "--watch cannot watch standard input (-): name the report's file",
  stdinFilenameAlone: () =>
    "--stdin-filename names the report read from standard input: give - as the path to lint",
  noStdin: () => "-: standard input cannot be read here",
} as const;
