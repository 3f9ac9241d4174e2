import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The year presets travel with the bundle, so an installed package finds them beside it.
  onSuccess: async () => {
    cpSync("../../configs", "dist/presets", { recursive: true });
  },
});
