import { defineConfig } from "tsup";

export default defineConfig({
  // `messages` alone for the command's start: `--version` and `--help` must load no parser or rule.
  entry: ["src/index.ts", "src/messages.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
});
