import { realpathSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describeErrorCode } from "@mlops-report/core";
import { makeFolder } from "@mlops-report/engine";
import { type FormatName, formatNames } from "@mlops-report/reporters";
import { messages, UserError } from "./messages.js";

export interface Output {
  format: FormatName;
  /** Absolute file path, or null for standard output. */
  file: string | null;
}

function isFormat(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

/** `--format terminal --format junit=out/junit.xml [--output FILE]` -> where each format goes. */
export function parseOutputs(specs: readonly string[], output: string | undefined, cwd: string): Output[] {
  const outputs = (specs.length ? specs : ["terminal"]).map((spec): Output => {
    const eq = spec.indexOf("=");
    const name = eq === -1 ? spec : spec.slice(0, eq);
    if (!isFormat(name)) throw new UserError(messages.unknownFormat(name, formatNames));
    return { format: name, file: eq === -1 ? null : resolve(cwd, spec.slice(eq + 1)) };
  });
  const toStdout = outputs.filter((o) => o.file === null);
  if (output !== undefined && toStdout.length > 0) toStdout[0]!.file = resolve(cwd, output);
  const stillStdout = outputs.filter((o) => o.file === null);
  if (stillStdout.length > 1)
    throw new UserError(messages.twoFormatsToStdout(stillStdout.map((o) => o.format)));
  return outputs;
}

export function writeOutput(file: string, text: string, shown: string): void {
  try {
    makeFolder(dirname(file));
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(messages.cannotWrite(shown, code ? describeErrorCode(code) : String(error)));
  }
}

/** The path with its links resolved, when it exists: two names of one file compare equal. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
