import { cpSync, rmSync } from "node:fs";
import { defineConfig } from "tsup";

/** Built by the second config below; the first one's clean must leave them. */
const workerFiles = ["!worker.js", "!worker.js.map", "!presets/**", "!config.schema.json", "!docs/**"];

export default defineConfig([
  {
    entry: ["src/index.ts", "src/cli.ts"],
    format: ["esm"],
    dts: { entry: "src/index.ts" },
    // The workspace packages go inside the bundle, so that the packed command installs alone from npm.
    noExternal: [/^@mlops-report\//, "chevrotain", /^@chevrotain\//, /^lodash-es/],
    clean: workerFiles,
    target: "node20",
    sourcemap: true,
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
      // Afresh, so that a preset file deleted from configs/ does not linger beside the bundle.
      rmSync("dist/presets", { recursive: true, force: true });
      cpSync("../rules/dist/presets", "dist/presets", { recursive: true });
      cpSync("../rules/schema/config.schema.json", "dist/config.schema.json");
      // The language server links each finding to its rule's page.
      cpSync("../../docs/rules", "dist/docs/rules", { recursive: true });
    },
  },
]);
