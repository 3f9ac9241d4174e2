import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The server links each finding to its rule's page, shipped beside the bundle.
  onSuccess: async () => {
    cpSync("../../docs/rules", "dist/docs/rules", { recursive: true });
  },
});
