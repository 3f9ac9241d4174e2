import { execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The year presets travel with the bundle, compiled, so an installed package finds them beside it; the config
  // schema is generated from the rules' metadata and the presets.
  onSuccess: async () => {
    cpSync("../../configs", "dist/presets", { recursive: true });
    execFileSync(process.execPath, ["scripts/compile-presets.mjs"], { stdio: "inherit" });
    execFileSync(process.execPath, ["scripts/write-schema.mjs"], { stdio: "inherit" });
  },
});
