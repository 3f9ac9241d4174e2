import { fileURLToPath } from "node:url";
import { formatted } from "@mlops-report/testing/generated";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { describe, expect, it } from "vitest";
import { cacheEntries, cacheHeader } from "./cache-schema.js";

const checkFile = fileURLToPath(new URL("./cache-check.ts", import.meta.url));

/** One declaration compiled to a function of its own, typed as the guard of the declaration's static type. */
const compiled = (name: string, schema: Parameters<typeof TypeCompiler.Code>[0], type: string, doc: string) =>
  `/** ${doc} */\nexport const ${name} = (() => {\n${TypeCompiler.Code(schema, [], { language: "javascript" })}\n})() as (value: unknown) => value is ${type};\n`;

/** `cache-check.ts` as the compiler writes it from `cache-schema.ts`. */
const source = () =>
  [
    "// biome-ignore-all lint: generated code",
    "// @ts-nocheck: the compiler writes JavaScript (its TypeScript does not parse); the exports are typed below.",
    "/*",
    " * Generated from the declarations of `cache-schema.ts` by TypeBox's compiler: do not edit. After a change to",
    " * them, `npx vitest run src/cache-check.test.ts -u` writes this file anew.",
    " */",
    'import type { CacheEntry, CacheHeader } from "./cache-schema.js";',
    "",
    compiled(
      "isCacheHeader",
      cacheHeader,
      "CacheHeader",
      "Whether a parsed first line is a cache header of ours (of any format or version).",
    ),
    compiled(
      "isCacheEntries",
      cacheEntries,
      "Record<string, CacheEntry>",
      "Whether parsed JSON is a map of report paths to cache entries of the shape this version writes.",
    ),
  ].join("\n");

describe("the cache's checks", () => {
  it("are the declarations compiled", async () => {
    await expect(formatted(source(), checkFile)).toMatchFileSnapshot(checkFile);
  });
});
