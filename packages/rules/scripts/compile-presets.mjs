// Compiles the presets beside the built bundle: read from YAML and checked once here, so that a run with a
// built-in preset parses no YAML and no expression (run by the build).
import { writeFileSync } from "node:fs";

const { compilePresets, compiledPresetsText, COMPILED_PRESETS_FILE } = await import(
  new URL("../dist/index.js", import.meta.url).href
);
const compiled = await compilePresets();
writeFileSync(
  new URL(`../dist/presets/${COMPILED_PRESETS_FILE}`, import.meta.url),
  compiledPresetsText(compiled),
);
