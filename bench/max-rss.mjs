// Preloaded (node --import) into the command that the class benchmark runs: on exit, the main thread writes the
// process's peak resident set size (worker threads included: they share the process) as the last line of
// standard error, in kilobytes.
import { writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) process.on("exit", () => writeSync(2, `\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
