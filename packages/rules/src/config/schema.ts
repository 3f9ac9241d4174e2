import { readFileSync } from "node:fs";
import { builtinRules } from "../builtin/index.js";
import type { Rule } from "../define-rule.js";
import { CONFIG_KEYS } from "./config-keys.js";
import { mappingSchema } from "./fields.js";
import { CATALOG_PRESET, presetNames, presetPath } from "./presets.js";
import type { Json, SchemaContext } from "./shapes.js";
import { readYamlValue } from "./yaml-reads.js";

/** The catalog's ids, for editors to complete; read from the catalog preset. */
function catalogIds(): string[] {
  if (!presetNames().includes(CATALOG_PRESET)) return [];
  const catalog = readYamlValue(readFileSync(presetPath(CATALOG_PRESET), "utf8")) as {
    checklist?: Json;
  } | null;
  return Object.keys(catalog?.checklist ?? {});
}

/**
 * The config file's JSON Schema, written from the declarations the loader reads configs with (config-keys.ts):
 * the presets' years and catalog ids named, each rule's options typed.
 */
export function configSchema(rules: readonly Rule[] = builtinRules): Json {
  const ctx: SchemaContext = { catalogIds: catalogIds(), rules, definitions: {} };
  // The keys first: their shapes fill the definitions they refer to.
  const { properties, ...config } = mappingSchema(CONFIG_KEYS, ctx);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://mlops-report.invalid/schema/config.schema.json",
    title: "mlops-report configuration (.mlops-report.yaml)",
    ...config,
    definitions: ctx.definitions,
    properties,
  };
}
