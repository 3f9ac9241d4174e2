import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";
import { asciiOnly, buildStamp } from "./src/code-cache.js";

/** Built by the configs after the first; the first one's clean must leave them. */
const laterFiles = [
  "!cli.js",
  "!package.json",
  "!mlops-report-help.cjs",
  "!worker.mjs",
  "!worker.mjs.map",
  "!mlops-report.cjs",
  "!presets/**",
  "!config.schema.json",
  "!docs/**",
  "!lazy/**",
];

/** `import()` of anything but a module of the command's own (`import("./commands/lint.js")`). */
const RUNTIME_IMPORT = /\bimport\((?!\s*["']\.\.?\/)/g;

/**
 * The bundle's run-time imports (the worker pool, config plugins) call `importModule`, which the loader passes in:
 * on Node 20, code that V8 compiled from a code cache has no way back to Node's module loader ("A dynamic import
 * callback was not specified"). Only the project's own packages are rewritten; imports of the command's own
 * modules stay, and esbuild bundles them.
 */
const runtimeImports: Plugin = {
  name: "runtime-imports",
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/](src|dist)[\\/].*\.[jt]s$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!RUNTIME_IMPORT.test(text)) return undefined;
      return {
        contents: text.replace(RUNTIME_IMPORT, "importModule("),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

/** The commands' modules stay out of the bundle (`--help` imports none of them). */
const withoutCommands: Plugin = {
  name: "without-commands",
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\// }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Writes a bundle in ASCII (`asciiOnly`), ended with the hash of its bytes, which keys its code cache
 * (`code-cache.ts`): hashed here once, not by every run.
 */
const stampBundle = (file: string) => () => {
  const text = asciiOnly(readFileSync(file, "utf8"));
  writeFileSync(file, text + buildStamp(createHash("sha256").update(text).digest("hex")));
};

/** ES modules beside the CommonJS loader, whose folder is CommonJS (`dist/package.json`). */
const esmExtension = () => ({ js: ".mjs" });

/**
 * Modules that a one-report run with a built-in preset never uses, each replaced by one that loads it when one of
 * its exports is first used. Node's own modules are required then; the packages are built into files of their own
 * under `dist/lazy/`, one a group, so that the command's bundle holds none of their code: a cold run reads, and
 * deserializes the code cache of, a bundle a third of the size (about 90 ms less of a run, measured).
 * - `node:child_process`: commander requires it as it loads (for subcommands run as programs, which this command
 *   has none of); the repository view runs git with it only where it cannot read git's index itself;
 * - `node:crypto`: only the lint cache, the SARIF and HTML reports and git's index checksum hash anything;
 * - `node:zlib`: only a report's memory is checksummed, and a class run's results compressed, with it;
 * - `yaml`: only config files, and presets when the build's compiled ones are not used, are YAML;
 * - `tinyglobby`: only an input that names no file or folder is a glob;
 * - `chevrotain`: only expressions that a config file or a preset not compiled by the build brings are lexed and
 *   parsed; the built-in presets' come as syntax trees;
 * - `re2js`: only a config's own regular expressions are matched in linear time;
 * - the markdown-to-HTML modules (GFM, hast, the HTML parser and sanitizer): only the graders' HTML folder renders
 *   a report as GitHub does;
 * - the language server's protocol, and the file watcher: only `lsp` and `--watch` use them.
 * An export used while the importing module loads would load the module then: none of these is.
 */
const LAZY_BUILTINS = ["node:child_process", "node:crypto", "node:zlib"];
const LAZY_GROUPS: Record<string, readonly string[]> = {
  "markdown-to-html": [
    "micromark-extension-gfm",
    "mdast-util-gfm",
    "mdast-util-to-hast",
    "hast-util-raw",
    "hast-util-sanitize",
    "hast-util-to-html",
    "vfile",
  ],
  yaml: ["yaml"],
  tinyglobby: ["tinyglobby"],
  chevrotain: ["chevrotain"],
  re2js: ["re2js"],
  "language-server": [
    "vscode-languageserver",
    "vscode-languageserver/node",
    "vscode-languageserver-textdocument",
  ],
  chokidar: ["chokidar"],
};
const groupOf = new Map(
  Object.entries(LAZY_GROUPS).flatMap(([group, names]) => names.map((n) => [n, group])),
);
const builtinName = (path: string) => LAZY_BUILTINS.find((m) => m === path || m === `node:${path}`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const LAZY_MODULE = new RegExp(
  `^(${[...LAZY_BUILTINS.flatMap((m) => [m, m.slice("node:".length)]), ...groupOf.keys()].map(escapeRegExp).join("|")})$`,
);
/** The folders whose dependencies the lazy packages are: each is resolved from the first that has it. */
const PACKAGE_FOLDERS = [".", "../lsp", "../rules", "../core", "../reporters", "../engine"].map((dir) =>
  createRequire(new URL(`${dir}/package.json`, import.meta.url)),
);
/** A lazy module's entry file (a Node module's name), and its exports (whose names the stub's getters take). */
function requireFrom(name: string): { file: string; exports: object } {
  for (const from of PACKAGE_FOLDERS) {
    let file: string;
    try {
      file = from.resolve(name);
    } catch {
      continue;
    }
    return { file, exports: from(file) as object };
  }
  throw new Error(`${name}: not a dependency of the command's packages`);
}

/** A module that loads `load` (the text of an expression) when one of `exports`' names is first used. */
const lazyStub = (load: string, exports: object) => {
  const getters = Object.keys(exports).map((name) => `get ${name}() { return load().${name}; }`);
  return `let loaded;\nconst load = () => (loaded ??= ${load});\nmodule.exports = { ${getters.join(", ")} };\n`;
};

const lazyModules: Plugin = {
  name: "lazy-modules",
  setup(build) {
    build.onResolve({ filter: LAZY_MODULE }, (args) => {
      if (args.namespace === "lazy-modules") return undefined;
      return { path: builtinName(args.path) ?? args.path, namespace: "lazy-modules" };
    });
    // The group files sit beside the bundle, which Node's `require` finds from there.
    build.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: "lazy-modules" }, (args) => {
      const group = groupOf.get(args.path);
      const load =
        group === undefined
          ? `require(${JSON.stringify(args.path)})`
          : `require(${JSON.stringify(`./lazy/${group}.cjs`)})[${JSON.stringify(args.path)}]`;
      return {
        contents: lazyStub(load, requireFrom(args.path).exports),
        loader: "js",
        resolveDir: process.cwd(),
      };
    });
  },
};

/**
 * The entry of a lazy group's file, written where the build's caches go: its modules by name
 * (`module.exports["yaml"]`), which the build bundles with everything they import.
 */
function lazyGroupEntry(group: string): string {
  const lines = (LAZY_GROUPS[group] ?? []).map(
    (name) => `  ${JSON.stringify(name)}: require(${JSON.stringify(requireFrom(name).file)}),`,
  );
  const entry = join("node_modules", ".cache", "lazy-groups", `${group}.cjs`);
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, `module.exports = {\n${lines.join("\n")}\n};\n`);
  return entry;
}

/** What the command's CommonJS bundles have in common. */
const commandBundle = {
  format: ["cjs"],
  // Left as they are, so that `lazyModules` sees every `node:child_process`.
  removeNodeProtocol: false,
  outExtension: () => ({ js: ".cjs" }),
  // All but the worker pool, which starts its threads from files of its own package.
  noExternal: [/^(?!tinypool$)/],
  // `import.meta.url` of the bundled code (presets, worker and schema beside the bundle) becomes the bundle's.
  shims: true,
  clean: false,
  splitting: false,
  target: "node20",
} satisfies Options;

export default defineConfig([
  {
    // The library entry (`run`).
    entry: ["src/index.ts"],
    format: ["esm"],
    outExtension: esmExtension,
    dts: { entry: "src/index.ts" },
    // The workspace packages go inside the bundle, so that the packed command installs alone from npm.
    noExternal: [/^@mlops-report\//, "chevrotain", /^@chevrotain\//, /^lodash-es/],
    clean: laterFiles,
    target: "node20",
    sourcemap: true,
  },
  {
    // The installed command's loader, which imports only Node's own modules, as CommonJS: the files of dist/ are
    // CommonJS but for the ES modules' `.mjs`. The code cache's part is evaluated only when a bundle is loaded,
    // not for `--version`.
    entry: ["src/cli.ts"],
    format: ["cjs"],
    outExtension: () => ({ js: ".js" }),
    clean: false,
    splitting: false,
    target: "node20",
    onSuccess: async () => {
      writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
    },
  },
  {
    // The command itself, as one CommonJS file with every dependency inside, which `cli.js` loads through V8's
    // code cache (a cache is for a script, not an ES module). One file, because a graph of hundreds of module
    // files (the markdown parser's, chevrotain's lodash-es) takes hundreds of milliseconds to load. Commands
    // imported with `import()` stay inside it, evaluated only when they run.
    ...commandBundle,
    entry: { "mlops-report": "src/start.ts" },
    esbuildPlugins: [runtimeImports, lazyModules],
    onSuccess: stampBundle("dist/mlops-report.cjs"),
  },
  {
    // The lazy groups, a file each under dist/lazy/, which the two bundles above load when first used.
    ...commandBundle,
    entry: Object.fromEntries(
      Object.keys(LAZY_GROUPS).map((group) => [`lazy/${group}`, lazyGroupEntry(group)]),
    ),
  },
  {
    // The same without the commands, a tenth of the size, for `--help` alone: reading and compiling the whole
    // bundle took as long again as the rest of a `--help` run after starting Node.
    ...commandBundle,
    entry: { "mlops-report-help": "src/start.ts" },
    esbuildPlugins: [runtimeImports, withoutCommands, lazyModules],
    onSuccess: stampBundle("dist/mlops-report-help.cjs"),
  },
  {
    // The worker thread's entry, dist/worker.mjs beside cli.js, as one self-contained file: every thread loads its
    // own modules, and one file loads in a few tens of milliseconds where the parser's and rules' hundreds of
    // module files (chevrotain's lodash-es above all) take about 400 ms, paid again by every worker.
    // The engine's worker entry: the engine's pool, bundled into the command, starts its threads from this file.
    entry: { worker: "../engine/src/worker.ts" },
    format: ["esm"],
    outExtension: esmExtension,
    noExternal: [/.*/],
    // Bundled CommonJS (yaml) still requires Node's built-in modules.
    banner: {
      js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);',
    },
    clean: false,
    splitting: false,
    target: "node20",
    sourcemap: true,
    // The bundled rules look for the year presets beside the bundle; `init` points editors at the config schema;
    // `rules`, `init` and SARIF name the docs pages, which ship in the package too.
    onSuccess: async () => {
      // Afresh, so that a preset file deleted from configs/ does not linger beside the bundle.
      rmSync("dist/presets", { recursive: true, force: true });
      cpSync("../rules/dist/presets", "dist/presets", { recursive: true });
      cpSync("../rules/schema/config.schema.json", "dist/config.schema.json");
      // The language server links each finding to its rule's page.
      cpSync("../../docs", "dist/docs", { recursive: true, filter: (src) => !src.endsWith(".png") });
    },
  },
]);
