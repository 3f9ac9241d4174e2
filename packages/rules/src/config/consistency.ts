import type { Scalar } from "yaml";
import { type Field, field, type Mapping, mappingSchema, readFields, replaces } from "./fields.js";
import {
  CHECK_KINDS,
  type ConsistencyConfig,
  type ExpressionConfig,
  type MergedConfig,
} from "./merged-config.js";
import { keyName } from "./reader.js";
import { definition, isOff, OFF, type Shape, severity, text } from "./shapes.js";

/** Where the consistency rules are written, under `rules`. */
export const CONSISTENCY_KEY = "consistency";

/** An expression as written, with its node, which the resolver compiles against the merged ids. */
const expression: Shape<ExpressionConfig> = {
  read(r, node, what) {
    const source = text.read(r, node, what);
    return source === undefined ? undefined : { source, node: node as Scalar };
  },
  schema: text.schema,
};

type RuleDraft = Partial<ConsistencyConfig>;
const set = replaces<RuleDraft>();

const RULE: Mapping<RuleDraft> = {
  noun: "a consistency rule",
  whatOf: (key, name) => `${key} of ${name}`,
  fields: {
    when: field(expression, set("when"), "An expression: the rule applies only when it holds."),
    assert: {
      ...field(expression, set("assert"), "An expression that must hold (docs/expressions.md)."),
      required: true,
    },
    message: field(text, set("message")),
    severity: field(severity, set("severity")),
  },
};

const ruleSchema = definition("consistencyRule", (ctx) => ({ oneOf: [OFF, mappingSchema(RULE, ctx)] }));

/** Consistency rules by name: `off` turns one off (derived ones too); a rule replaces the earlier one whole. */
export const CONSISTENCY: Field<MergedConfig> = {
  description: "Consistency rules by name: the derived `<id>-described/-denied/-unticked`, or expressions.",
  schema: (ctx) => ({
    type: "object",
    properties: Object.fromEntries(
      ctx.catalogIds.flatMap((id) => CHECK_KINDS.map((kind) => [`${id}-${kind}`, ruleSchema(ctx)])),
    ),
    additionalProperties: ruleSchema(ctx),
  }),
  read(r, node, config, what) {
    for (const pair of r.pairs(node, what)) {
      const name = keyName(pair);
      if (isOff(pair.value)) {
        config.consistency.delete(name);
        config.consistencyOff.add(name);
        continue;
      }
      config.consistencyOff.delete(name);
      const entry: RuleDraft = { name, severity: "warning", origin: r.origin(pair.value ?? pair.key) };
      readFields(r, pair.value, RULE, entry, name, `consistency rule ${name}`);
      if (!entry.assert) {
        r.fail(pair.key, `consistency rule ${name} needs an \`assert\` expression`);
        continue;
      }
      entry.message ??= `Consistency rule ${name} does not hold`;
      config.consistency.set(name, entry as ConsistencyConfig);
    }
  },
};
