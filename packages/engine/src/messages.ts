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
} as const;

/** A failure that is the user's input, not a bug: printed as one line (config problems: with their caret), exit 2. */
export class UserError extends Error {
  readonly alreadyFormatted: boolean;
  constructor(message: string, options: { alreadyFormatted?: boolean } = {}) {
    super(message);
    this.alreadyFormatted = options.alreadyFormatted ?? false;
  }
}
