import { defineConfig } from "tsup";

export default defineConfig({
  // `read-file` alone for the command's loader, which reads the code cache before it loads the command.
  entry: ["src/index.ts", "src/read-file.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
});
