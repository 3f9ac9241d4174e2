import { formatted } from "@mlops-report/testing/generated";
import { compileSchema, lintResultsSchemaPath } from "@mlops-report/testing/schemas";
import { describe, expect, it } from "vitest";
import { lintResultsSchema } from "./lint-results-schema.js";

const schemaFile = lintResultsSchemaPath;

describe("the JSON output's published schema", () => {
  // After a change to the declaration: `npx vitest run src/lint-results-schema.test.ts -u` writes the file anew.
  it("is the declaration written out", async () => {
    await expect(formatted(JSON.stringify(lintResultsSchema()), schemaFile)).toMatchFileSnapshot(schemaFile);
  });

  it("is a draft-07 schema that ajv compiles", () => {
    expect(() => compileSchema(lintResultsSchema())).not.toThrow();
  });
});
