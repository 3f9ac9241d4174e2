/** What a command needs of the process, so that tests can run it in-process too. */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /**
   * Standard input's bytes, to its end or to just past `limit` (`lint -`); none: standard input cannot be read.
   */
  readStdin?: (limit: number) => Promise<Uint8Array>;
  /** Standard error is a terminal: a progress line may be drawn there. */
  stderrIsTTY?: boolean;
  /**
   * The build of the running command (its bundle's stamp). What a run keeps on disk for the next is valid for
   * this build alone; without one, nothing is kept.
   */
  build?: string;
}

export function printError(io: Io, message: string): void {
  io.stderr(`mlops-report: error: ${message}\n`);
}

/** Something the user should know that does not change the outcome, in one line. */
export function printNote(io: Io, message: string): void {
  io.stderr(`mlops-report: note: ${message}\n`);
}

/** A UserError as the user sees it: config problems come formatted with their caret lines. */
export function printUserError(io: Io, error: { message: string; alreadyFormatted: boolean }): void {
  if (error.alreadyFormatted) io.stderr(`${error.message}\n`);
  else printError(io, error.message);
}
