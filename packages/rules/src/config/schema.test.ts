import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { builtinRules } from "../builtin/index.js";
import { configSchema } from "./schema.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/config.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const configs = new URL("../../../../configs/", import.meta.url);

describe("the config JSON Schema for editors", () => {
  it.each(readdirSync(configs).filter((f) => f.endsWith(".yaml")))("accepts the preset %s", (file) => {
    const ok = validate(parseYaml(readFileSync(new URL(file, configs), "utf8")));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects what the loader rejects: unknown keys, bad severities, bad ranges", () => {
    expect(validate({ rulez: {} })).toBe(false);
    expect(validate({ rules: { "answer/filled": "warn" } })).toBe(false);
    expect(validate({ questions: { 14: { words: "many" } } })).toBe(false);
    expect(validate({ rules: { consistency: { x: { when: "checked(dvc)" } } } })).toBe(false);
  });

  it("is the schema the rules' metadata and the presets make (the build writes it)", () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(configSchema())));
  });

  it("types each rule's options: an editor completes `counting` for answer/word-count", () => {
    const setting = schema.properties.rules.properties["answer/word-count"];
    const options = setting.oneOf[2].properties.options;
    expect(Object.keys(options.properties)).toEqual(["counting"]);
    expect(options.properties.counting.enum).toEqual(["prose", "official"]);
    expect(setting.oneOf[1].items[1]).toEqual(options);
    expect(validate({ rules: { "answer/word-count": ["warning", { counting: "oficial" }] } })).toBe(false);
    expect(validate({ rules: { "answer/word-count": ["warning", { counting: "official" }] } })).toBe(true);
  });

  it("names the course years and the catalog's checklist ids", () => {
    expect(schema.properties.year.enum).toEqual([2023, 2024, 2025, 2026]);
    expect(Object.keys(schema.properties.checklist.properties)).toContain("pre-commit");
    expect(Object.keys(schema.properties.rules.properties.consistency.properties)).toContain("dvc-described");
    expect(validate({ checklist: { dvc: { questions: [10], described: "off" } } })).toBe(true);
    expect(validate({ checklist: { dvc: { described: "of" } } })).toBe(false);
  });

  it("names every built-in rule, so that editors complete them", () => {
    const named = Object.keys(schema.properties.rules.properties).filter((k) => k !== "consistency");
    expect(named.sort()).toEqual(builtinRules.map((r) => r.meta.id).sort());
  });
});
