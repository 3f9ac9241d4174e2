import type { Field } from "./fields.js";
import { keyName } from "./reader.js";
import { ID, ID_PATTERN, pattern } from "./shapes.js";

/** Named evidence terms; a name's regex replaces the one of the config extended. */
export const TERMS: Field<Map<string, RegExp>> = {
  description: "Named evidence terms: case-insensitive regular expressions.",
  schema: () => ({
    type: "object",
    propertyNames: { pattern: ID_PATTERN },
    additionalProperties: { type: "string" },
  }),
  read(r, node, into, what) {
    for (const pair of r.pairs(node, what)) {
      const name = keyName(pair);
      if (!ID.test(name)) {
        r.fail(pair.key, `term name \`${name}\` must be lower-case words joined by hyphens`);
        continue;
      }
      const re = pattern.read(r, pair.value, `term ${name}`);
      if (re) into.set(name, re);
    }
  },
};
