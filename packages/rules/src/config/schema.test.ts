import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { builtinRules } from "../builtin/index.js";
import { ConfigError } from "./errors.js";
import { loadConfigFile } from "./load.js";
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
    expect(validate({ checklist: { dvc: { since: 0 } } })).toBe(false);
    expect(validate({ rules: { "checklist/consistency": ["warning", { x: 1 }] } })).toBe(false);
  });

  it("accepts exactly what the loader accepts: both come from the same declarations", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlops-report-schema-"));
    const configs = [
      "checklist:\n  dvc: {match: dvc, since: 2024, described: {severity: info, image: true}}\n",
      "checklist:\n  dvc: {since: 0}\n",
      "checklist:\n  dvc: {described: {severity: warn}}\n",
      "rules:\n  checklist/consistency: [warning, {x: 1}]\n",
      "rules:\n  answer/word-count: {severity: info, options: {counting: prose}}\n",
      "template:\n  fingerprints: [{prompts: abc}]\n",
      "questions:\n  3: {words: 10-20, images: {min: 1, max: 2}}\n  4:\n",
      "reportUnusedDisableDirectives: true\n",
    ];
    const verdicts = await Promise.all(
      configs.map(async (text, i) => {
        const file = join(dir, `config-${i}.yaml`);
        writeFileSync(file, text);
        const loaded = await loadConfigFile(file, { allowPlugins: false }).then(
          () => true,
          (error: unknown) => (error instanceof ConfigError ? false : Promise.reject(error)),
        );
        return [loaded, validate(parseYaml(text))];
      }),
    );
    expect(verdicts).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [true, true],
      [false, false],
      [true, true],
      [true, true],
    ]);
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
