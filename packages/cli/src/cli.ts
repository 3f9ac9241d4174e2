#!/usr/bin/env node
import { VERSION, VERSION_FLAGS } from "./version.js";

/*
 * The installed command: a few lines that load the bundled command (the built `start.ts`, every dependency
 * inside) through V8's code cache, so that a run after the first compiles next to nothing.
 */
const argv = process.argv.slice(2);
// The version alone needs none of the command, nor the loader's modules: answered here, it costs little more
// than starting Node.
if (argv.length === 1 && (VERSION_FLAGS as readonly string[]).includes(argv[0]!)) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { fileURLToPath } = await import("node:url");
  const { codeCacheFolder, loadBundle } = await import("./code-cache.js");
  // `--help` alone has a bundle without the commands.
  const help = argv.length === 1 && (argv[0] === "--help" || argv[0] === "-h");
  const bundle = help ? "./mlops-report-help.cjs" : "./mlops-report.cjs";
  const loaded = loadBundle(fileURLToPath(new URL(bundle, import.meta.url)), {
    folder: codeCacheFolder(process.env),
    // Commands compile different code; anything that is not a command word shares one cache.
    command: help ? "help" : /^[a-z]{2,12}$/.test(argv[0] ?? "") ? argv[0]! : "main",
    // Resolved from here: the packages the command depends on, and plugins by their file URL.
    importModule: (specifier) => import(specifier),
  });
  process.once("exit", loaded.saveCache);
  (loaded.exports as typeof import("./start.js")).start(argv);
}
