import { isMap, isScalar, isSeq, type Node } from "yaml";
import { builtinRules } from "../builtin/index.js";
import type { OptionSchema, Rule } from "../define-rule.js";
import { closestMatch } from "../dsl/index.js";
import { CONSISTENCY, CONSISTENCY_KEY } from "./consistency.js";
import { type Field, unknownKey } from "./fields.js";
import type { MergedConfig, RuleConfig } from "./merged-config.js";
import { keyName, type Reader } from "./reader.js";
import { type Json, level, type SchemaContext } from "./shapes.js";

/** A rule's option as its own schema (`defineRule`) types it. */
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

function optionFits(option: OptionSchema, value: unknown): boolean {
  switch (option.type) {
    case "enum":
      return option.values.includes(value as string);
    case "number":
      return typeof value === "number" && (option.minimum === undefined || value >= option.minimum);
    default:
      return typeof value === option.type;
  }
}

/** The options of a rule, typed from the rule's own schema. */
function optionsSchema(rule: Rule): Json {
  return {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(rule.options).map(([name, o]) => [name, optionSchema(o)])),
  };
}

function readOptions(r: Reader, rule: Rule, node: Node, into: Record<string, unknown>): void {
  const id = rule.meta.id;
  const names = Object.keys(rule.options);
  for (const pair of r.pairs(node, `options of \`${id}\``)) {
    const name = keyName(pair);
    const option = Object.hasOwn(rule.options, name) ? rule.options[name] : undefined;
    if (!option) {
      const has = names.length ? `its options: ${names.join(", ")}` : "it has no options";
      r.fail(pair.key, `rule \`${id}\` has no option \`${name}\` (${has})`, closestMatch(name, names));
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (optionFits(option, value)) {
      into[name] = value;
      continue;
    }
    const expected = option.type === "enum" ? `one of ${option.values.join(", ")}` : `a ${option.type}`;
    const suggestion = option.type === "enum" ? closestMatch(String(value), option.values) : undefined;
    r.fail(pair.value, `option \`${name}\` of \`${id}\` must be ${expected}`, suggestion);
  }
}

/** The nodes of `severity`, `[severity, options]` or `{ severity, options }`. */
interface SettingNodes {
  level?: Node | null;
  options?: Node | null;
}

/** The keys of `{ severity, options }`. */
const SETTING_KEYS = ["severity", "options"];

function settingNodes(r: Reader, id: string, node: Node | null): SettingNodes {
  if (isSeq(node)) {
    const [levelNode, optionsNode] = node.items as Node[];
    if (node.items.length > 2) r.fail(node.items[2] as Node, `rule \`${id}\` takes [severity, options]`);
    return { level: levelNode, options: optionsNode };
  }
  if (!isMap(node)) return { level: node };
  const nodes: SettingNodes = {};
  for (const pair of r.pairs(node, `rule ${id}`)) {
    const key = keyName(pair);
    if (key === "severity") nodes.level = pair.value;
    else if (key === "options") nodes.options = pair.value;
    else unknownKey(r, pair, "a rule", SETTING_KEYS);
  }
  return nodes;
}

/** One rule's setting over the earlier config's: its severity replaced, its options merged by name. */
function readSetting(r: Reader, rule: Rule, key: Node, node: Node | null, previous: RuleConfig | undefined) {
  const id = rule.meta.id;
  const setting: RuleConfig = { options: { ...previous?.options }, origin: r.origin(node ?? key) };
  if (previous?.level) setting.level = previous.level;
  const nodes = settingNodes(r, id, node);
  if (nodes.level) {
    const chosen = level.read(r, nodes.level, `the severity of \`${id}\``);
    if (chosen) setting.level = chosen;
  }
  if (nodes.options) readOptions(r, rule, nodes.options, setting.options);
  return setting;
}

/** A rule's setting in the schema; `options` typed as the rule types them. */
function settingSchema(ctx: SchemaContext, description: string | undefined, options: Json): Json {
  const severity = level.schema(ctx);
  return {
    ...(description ? { description } : {}),
    oneOf: [
      severity,
      { type: "array", minItems: 1, maxItems: 2, items: [severity, options] },
      { type: "object", additionalProperties: false, properties: { severity, options } },
    ],
  };
}

/** Rules by id, built-in and from plugins, and the consistency expressions under `consistency`. */
export const RULES: Field<MergedConfig> = {
  description: "Rule severities and options, and consistency expressions.",
  schema: (ctx) => ({
    type: "object",
    properties: {
      ...Object.fromEntries(
        [...ctx.rules]
          .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
          .map((rule) => [rule.meta.id, settingSchema(ctx, rule.meta.description, optionsSchema(rule))]),
      ),
      [CONSISTENCY_KEY]: { description: CONSISTENCY.description, ...CONSISTENCY.schema(ctx) },
    },
    // Plugins' rules, whose options the schema cannot know.
    additionalProperties: settingSchema(ctx, undefined, { type: "object" }),
  }),
  read(r, node, config, what) {
    const rules = [...builtinRules, ...config.plugins];
    const known = rules.map((rule) => rule.meta.id);
    for (const pair of r.pairs(node, what)) {
      const id = keyName(pair);
      if (id === CONSISTENCY_KEY) {
        CONSISTENCY.read(r, pair.value, config, `${what}.${CONSISTENCY_KEY}`);
        continue;
      }
      const rule = rules.find((x) => x.meta.id === id);
      if (!rule) {
        r.fail(pair.key, `unknown rule \`${id}\``, closestMatch(id, [...new Set(known), CONSISTENCY_KEY]));
        continue;
      }
      config.rules.set(id, readSetting(r, rule, pair.key, pair.value, config.rules.get(id)));
    }
  },
};
