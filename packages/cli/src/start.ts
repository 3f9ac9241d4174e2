#!/usr/bin/env node
import { run } from "./main.js";

run(process.argv.slice(2), {
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
