import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  // The workspace packages go inside the bundle, so that the packed command installs alone from npm.
  noExternal: [/^@mlops-report\//],
  clean: true,
  target: "node20",
  sourcemap: true,
  // The bundled rules look for the year presets beside the bundle.
  onSuccess: async () => {
    cpSync("../../configs", "dist/presets", { recursive: true });
  },
});
