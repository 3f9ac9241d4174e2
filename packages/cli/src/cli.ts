#!/usr/bin/env node
import { VERSION, VERSION_FLAGS } from "./version.js";

/*
 * The installed command: a few lines that load the bundled command (the built `start.ts`, every dependency
 * inside) through V8's code cache, so that a run after the first compiles next to nothing. Built as CommonJS
 * (`dist/package.json` says so for the files beside it): Node starts a CommonJS entry some 6 ms sooner than an ES
 * module, whose loader it would set up for this file alone.
 */
const argv = process.argv.slice(2);
// The version alone needs none of the command, nor the loader's modules: answered here, it costs little more
// than starting Node.
if (argv.length === 1 && (VERSION_FLAGS as readonly string[]).includes(argv[0]!)) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // Bundled into this file, evaluated only here.
  void import("./code-cache.js").then(({ privateCacheFolder, loadBundle }) => {
    // `--help` alone has a bundle without the commands.
    const help = argv.length === 1 && (argv[0] === "--help" || argv[0] === "-h");
    const bundle = help ? "mlops-report-help.cjs" : "mlops-report.cjs";
    const loaded = loadBundle(`${__dirname}/${bundle}`, {
      folder: privateCacheFolder(process.env),
      // Commands compile different code; anything that is not a command word shares one cache.
      command: help ? "help" : /^[a-z]{2,12}$/.test(argv[0] ?? "") ? argv[0]! : "main",
      // Resolved from here: the packages the command depends on, and plugins by their file URL.
      importModule: (specifier) => import(specifier),
    });
    process.once("exit", loaded.saveCache);
    (loaded.exports as typeof import("./start.js")).start(argv, loaded.build);
  });
}
