import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

/** Built by the configs after the first; the first one's clean must leave them. */
const laterFiles = [
  "!worker.js",
  "!worker.js.map",
  "!mlops-report.cjs",
  "!presets/**",
  "!config.schema.json",
];

export default defineConfig([
  {
    // The library entry (`run`) and the installed command's loader.
    entry: ["src/index.ts", "src/cli.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
    // The workspace packages go inside the bundle, so that the packed command installs alone from npm.
    noExternal: [/^@mlops-report\//, "chevrotain", /^@chevrotain\//, /^lodash-es/],
    clean: laterFiles,
    target: "node20",
    sourcemap: true,
  },
  {
    // The command itself, as one CommonJS file with every dependency inside, which `cli.js` loads through V8's
    // code cache (a cache is for a script, not an ES module). One file, because a graph of hundreds of module
    // files (the markdown parser's, chevrotain's lodash-es) takes hundreds of milliseconds to load. Commands
    // imported with `import()` stay inside it, evaluated only when they run.
    entry: { "mlops-report": "src/start.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    // All but the worker pool, which starts its threads from files of its own package.
    noExternal: [/^(?!tinypool$)/],
    // `import.meta.url` of the bundled code (presets, worker and schema beside the bundle) becomes the bundle's.
    shims: true,
    clean: false,
    splitting: false,
    target: "node20",
  },
  {
    // The worker thread's entry, dist/worker.js beside cli.js, as one self-contained file: every thread loads its
    // own modules, and one file loads in a few tens of milliseconds where the parser's and rules' hundreds of
    // module files (chevrotain's lodash-es above all) take about 400 ms, paid again by every worker.
    entry: { worker: "src/worker.ts" },
    format: ["esm"],
    noExternal: [/.*/],
    // Bundled CommonJS (yaml) still requires Node's built-in modules.
    banner: {
      js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);',
    },
    clean: false,
    splitting: false,
    target: "node20",
    sourcemap: true,
    // The bundled rules look for the year presets beside the bundle; `init` points editors at the config schema.
    onSuccess: async () => {
      cpSync("../../configs", "dist/presets", { recursive: true });
      cpSync("../rules/schema/config.schema.json", "dist/config.schema.json");
    },
  },
]);
