import { defineConfig } from "tsup";

export default defineConfig({
  // `messages` alone for the command's start: `--version` and `--help` must load no parser or rule; the private
  // folder check and the file reader alone for the command's loader, which checks the code cache's folder and reads
  // the cache before loading the command.
  entry: ["src/index.ts", "src/messages.ts", "src/private-folder.ts", "src/read-file.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
});
