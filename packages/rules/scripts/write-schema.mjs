// Writes the config file's JSON Schema from the built rules' metadata and the presets (run by the build).
import { writeFileSync } from "node:fs";

const { configSchema } = await import(new URL("../dist/index.js", import.meta.url).href);
writeFileSync(
  new URL("../schema/config.schema.json", import.meta.url),
  `${JSON.stringify(configSchema(), null, 2)}\n`,
);
