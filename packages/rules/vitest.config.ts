import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The shared test helpers import this package by name: its own tests hand them its source rather than its last
// build, so that a helper and the code under test are the same modules.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@mlops-report\/rules$/,
        replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
      },
    ],
  },
});
