import { run } from "./main.js";

/** Standard input to its end, or to just past `limit` bytes (the caller then says it is too large). */
async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

/** The command whose work goes on after its action returns: the language server answers its editor until told to exit. */
const SERVER_COMMAND = "lsp";

/**
 * Ends the process as soon as what it wrote has reached standard output and error. Left to end by itself, Node
 * first runs the garbage collector's pending incremental marking to its end, which a run that just printed its
 * findings has often started: 15-20 ms of a one-report `lint`.
 */
function exitOnceWritten(): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit()));
}

/**
 * Runs the command line in this process, with its streams, as the bundle of build `build` (its stamp; null: not
 * stamped); the exit code goes to `process.exitCode`.
 */
export function start(argv: readonly string[], build: string | null): void {
  run(argv, {
    ...(build === null ? {} : { build }),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
      if (argv[0] !== SERVER_COMMAND) exitOnceWritten();
    },
    (error: unknown) => {
      // A bug, not bad input: say so in one line, and where to look with the stack only on request.
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`mlops-report: internal error: ${detail}\n`);
      if (process.env.MLOPS_REPORT_DEBUG)
        process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
      process.exitCode = 2;
    },
  );
}
