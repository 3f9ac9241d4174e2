import { run } from "./main.js";

/** Runs the command line in this process, with its streams; the exit code goes to `process.exitCode`. */
export function start(argv: readonly string[]): void {
  run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
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
