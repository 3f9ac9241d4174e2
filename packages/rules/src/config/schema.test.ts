import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { builtinRules } from "../builtin/index.js";
import { CONSISTENCY_RULE_ID } from "./resolve.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/config.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const configs = new URL("../../../../configs/", import.meta.url);

describe("the config JSON Schema for editors", () => {
  it.each(readdirSync(configs).filter((f) => f.endsWith(".yaml") && f !== "repository-evidence.yaml"))(
    "accepts the preset %s",
    (file) => {
      const ok = validate(parseYaml(readFileSync(new URL(file, configs), "utf8")));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it("rejects what the loader rejects: unknown keys, bad severities, bad ranges", () => {
    expect(validate({ rulez: {} })).toBe(false);
    expect(validate({ rules: { "answer/filled": "warn" } })).toBe(false);
    expect(validate({ questions: { 14: { words: "many" } } })).toBe(false);
    expect(validate({ rules: { consistency: { x: { when: "checked(dvc)" } } } })).toBe(false);
  });

  it("names every built-in rule, so that editors complete them", () => {
    const named = Object.keys(schema.properties.rules.properties).filter((k) => k !== "consistency");
    expect(named.sort()).toEqual([...builtinRules.map((r) => r.meta.id), CONSISTENCY_RULE_ID].sort());
  });
});
