/** JSON Schema validators for the tests (ajv, draft-07, with formats). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its plugin is the `default` property of the module object.
const addFormats = addFormatsModule.default;

const draft07 = "http://json-schema.org/draft-07/schema#";

/**
 * The OASIS SARIF 2.1.0 schema declares draft-04, which ajv 8 does not load. It uses no keyword whose meaning
 * changed in draft-07 (no boolean `exclusiveMinimum`/`exclusiveMaximum`, no `id` inside subschemas), so
 * validating it as draft-07 checks the same constraints; only its root `id` becomes `$id`.
 */
function asDraft07(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.$schema !== "http://json-schema.org/draft-04/schema#") return schema;
  const { id, $schema: _draft04, ...rest } = schema;
  return { $schema: draft07, ...(typeof id === "string" ? { $id: id } : {}), ...rest };
}

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(asDraft07(schema));
}

export function compileSchemaFile(path: string): ValidateFunction {
  return compileSchema(JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>);
}

/** The JSON output's schema, as the reporters package ships it. */
export const lintResultsSchemaPath = createRequire(import.meta.url).resolve(
  "@mlops-report/reporters/schema/lint-results.schema.json",
);
