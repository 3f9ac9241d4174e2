import { readFileSync } from "node:fs";
import { CONSISTENCY_RULE_ID, checklistConsistency } from "../builtin/checklist-consistency.js";
import { builtinRules } from "../builtin/index.js";
import type { OptionSchema, Rule } from "../define-rule.js";
import { CHECK_KINDS } from "./load.js";
import {
  CATALOG_PRESET,
  courseYears,
  DETECTED_PRESET,
  PRESET_PREFIX,
  presetNames,
  presetPath,
} from "./presets.js";
import { readYamlValue } from "./yaml-reads.js";

type Json = Record<string, unknown>;

const LEVELS = ["error", "warning", "info", "off"];
const SEVERITIES = ["error", "warning", "info"];
const ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
const RANGE = {
  oneOf: [
    { type: "string", pattern: "^\\s*\\d+\\s*(-|\\.\\.)\\s*\\d+\\s*$" },
    { type: "integer", minimum: 0 },
    {
      type: "object",
      required: ["min", "max"],
      additionalProperties: false,
      properties: { min: { type: "integer", minimum: 0 }, max: { type: "integer", minimum: 0 } },
    },
  ],
};

function optionSchema(option: OptionSchema): Json {
  const base = { description: option.description, default: option.default };
  switch (option.type) {
    case "enum":
      return { ...base, enum: [...option.values] };
    case "number":
      return {
        ...base,
        type: "number",
        ...(option.minimum === undefined ? {} : { minimum: option.minimum }),
      };
    default:
      return { ...base, type: option.type };
  }
}

/** The options of a rule, typed from the rule's own schema. */
function optionsOf(rule: Rule): Json {
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(rule.options).map(([name, o]) => [name, optionSchema(o)])),
  };
}

/** `severity`, `[severity, options]` or `{ severity, options }`. */
function ruleSetting(description: string | undefined, options: Json): Json {
  return {
    ...(description ? { description } : {}),
    oneOf: [
      { $ref: "#/definitions/level" },
      { type: "array", minItems: 1, maxItems: 2, items: [{ $ref: "#/definitions/level" }, options] },
      {
        type: "object",
        additionalProperties: false,
        properties: { severity: { $ref: "#/definitions/level" }, options },
      },
    ],
  };
}

/** The catalog's ids, for editors to complete; read from the catalog preset. */
function catalogIds(): string[] {
  if (!presetNames().includes(CATALOG_PRESET)) return [];
  const catalog = readYamlValue(readFileSync(presetPath(CATALOG_PRESET), "utf8")) as {
    checklist?: Json;
  } | null;
  return Object.keys(catalog?.checklist ?? {});
}

const CHECK = {
  oneOf: [
    { const: "off" },
    {
      type: "object",
      additionalProperties: false,
      properties: {
        severity: { enum: SEVERITIES },
        message: { type: "string" },
        terms: { type: "string", description: "A name from `terms`." },
        image: { type: "boolean" },
      },
    },
  ],
};

const YEAR_EXPRESSIONS = {
  oneOf: [
    { type: "string", description: "An expression over the repository, for every course year." },
    {
      type: "object",
      propertyNames: { pattern: "^[0-9]{4}$" },
      additionalProperties: { type: "string" },
      description: "An expression over the repository per course year; years left out have no such check.",
    },
  ],
};

const REPOSITORY_EVIDENCE = {
  type: "object",
  additionalProperties: false,
  description:
    "What the repository around the report shows of the item (docs/rules/checklist/repository.md).",
  properties: {
    absent: { type: "string", description: "What the repository lacks when `trace` finds nothing." },
    trace: { ...YEAR_EXPRESSIONS, description: "True when the repository holds any trace of the work." },
    present: { type: "string", description: "What the repository has when `shows` holds." },
    shows: {
      ...YEAR_EXPRESSIONS,
      description: "True only when the repository clearly shows the group's work.",
    },
  },
};

const CHECKLIST_ID = {
  oneOf: [
    { const: "off" },
    { type: "string", description: "A case-insensitive regular expression that finds the item by its text." },
    {
      type: "object",
      additionalProperties: false,
      properties: {
        match: { type: "string", description: "A case-insensitive regular expression that finds the item." },
        since: { type: "integer", description: "The first course year whose template has the item." },
        until: { type: "integer", description: "The last course year whose template has the item." },
        questions: {
          type: "array",
          items: { type: "integer", minimum: 1 },
          description: "The questions that discuss the item, the one that asks about it first.",
        },
        terms: { type: "string", description: "The name of the evidence terms (`terms`)." },
        questionTerms: {
          type: "object",
          propertyNames: { pattern: "^[1-9][0-9]?$" },
          additionalProperties: { type: "string" },
          description: "Other evidence terms for one question.",
        },
        image: { type: "boolean", description: "An image in the first question is evidence too." },
        code: { type: "string", description: "A regex searched in the first question's code as well." },
        says: { type: "string", description: "How the 'not described' finding names the evidence." },
        local: { type: "boolean", description: "The terms are evidence only in the item's own questions." },
        elsewhere: {
          type: "string",
          description: "For a local id: the terms by which any other answer describes the item too.",
        },
        repository: REPOSITORY_EVIDENCE,
        ...Object.fromEntries(CHECK_KINDS.map((kind) => [kind, { $ref: "#/definitions/check" }])),
      },
    },
  ],
};

const CONSISTENCY_RULE = {
  oneOf: [
    { const: "off" },
    {
      type: "object",
      additionalProperties: false,
      required: ["assert"],
      properties: {
        when: { type: "string", description: "An expression: the rule applies only when it holds." },
        assert: { type: "string", description: "An expression that must hold (docs/expressions.md)." },
        message: { type: "string" },
        severity: { enum: SEVERITIES },
      },
    },
  ],
};

/** The config file's JSON Schema: the years and catalog ids of the presets, each rule's options typed. */
export function configSchema(rules: readonly Rule[] = builtinRules): Json {
  const years = courseYears();
  const ids = catalogIds();
  const presets = [...presetNames().map((n) => `${PRESET_PREFIX}${n}`), DETECTED_PRESET];
  const ruleProperties = Object.fromEntries(
    [...rules]
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .map((rule) => [rule.meta.id, ruleSetting(rule.meta.description, optionsOf(rule))]),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://mlops-report.invalid/schema/config.schema.json",
    title: "mlops-report configuration (.mlops-report.yaml)",
    type: "object",
    additionalProperties: false,
    definitions: {
      level: { enum: LEVELS },
      range: RANGE,
      check: CHECK,
      checklistId: CHECKLIST_ID,
      consistencyRule: CONSISTENCY_RULE,
    },
    properties: {
      extends: {
        description: `Presets (${presets.join(", ")}; \`${DETECTED_PRESET}\`: the year preset each report's template is detected as) or config paths; later wins.`,
        oneOf: [
          { type: "string", examples: presets },
          { type: "array", items: { type: "string", examples: presets } },
        ],
      },
      year: { description: "The course year this config describes.", enum: years },
      template: {
        description: "A year preset's template: its question count, checker skip and fingerprints.",
        type: "object",
        additionalProperties: false,
        properties: {
          questions: { type: "integer", minimum: 1 },
          checkerSkips: { type: "integer", minimum: 0 },
          fingerprints: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["says"],
              properties: {
                preamble: { type: "string" },
                prompts: { type: "string" },
                says: { type: "string" },
              },
            },
          },
        },
      },
      constraints: {
        description: "config: the questions table below; from-template: each question's own prompt.",
        enum: ["config", "from-template"],
      },
      questions: {
        description: "Word and image ranges per question number.",
        type: "object",
        propertyNames: { pattern: "^[1-9][0-9]?$" },
        additionalProperties: {
          oneOf: [
            { type: "null" },
            {
              type: "object",
              additionalProperties: false,
              properties: { words: { $ref: "#/definitions/range" }, images: { $ref: "#/definitions/range" } },
            },
          ],
        },
      },
      terms: {
        description: "Named evidence terms: case-insensitive regular expressions.",
        type: "object",
        propertyNames: { pattern: ID_PATTERN },
        additionalProperties: { type: "string" },
      },
      checklist: {
        description: "Checklist ids: the catalog's, changed, or new ones (docs/config.md).",
        type: "object",
        propertyNames: { pattern: ID_PATTERN },
        properties: Object.fromEntries(ids.map((id) => [id, { $ref: "#/definitions/checklistId" }])),
        additionalProperties: { $ref: "#/definitions/checklistId" },
      },
      rules: {
        description: "Rule severities and options, and consistency expressions.",
        type: "object",
        properties: {
          ...ruleProperties,
          [CONSISTENCY_RULE_ID]: ruleSetting(checklistConsistency.meta.description, { type: "object" }),
          consistency: {
            description:
              "Consistency rules by name: the derived `<id>-described/-denied/-unticked`, or expressions.",
            type: "object",
            properties: Object.fromEntries(
              ids.flatMap((id) =>
                CHECK_KINDS.map((kind) => [`${id}-${kind}`, { $ref: "#/definitions/consistencyRule" }]),
              ),
            ),
            additionalProperties: { $ref: "#/definitions/consistencyRule" },
          },
        },
        // Plugins' rules, whose options the schema cannot know.
        additionalProperties: ruleSetting(undefined, { type: "object" }),
      },
      reportUnusedDisableDirectives: {
        description:
          "Report a disable comment that disables no finding: a severity, true (warning) or false (off; the default).",
        oneOf: [{ enum: LEVELS }, { type: "boolean" }],
      },
      plugins: {
        description:
          "JS modules exporting rules made with defineRule; loaded only from --config or with --allow-plugins.",
        oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
      },
    },
  };
}
