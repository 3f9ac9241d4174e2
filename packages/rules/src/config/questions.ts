import type { Constraints } from "@mlops-report/core";
import { isScalar } from "yaml";
import { type Field, field, type Mapping, mappingSchema, readFields, replaces } from "./fields.js";
import { keyName } from "./reader.js";
import { named, QUESTION_KEY_PATTERN, range } from "./shapes.js";

const bounds = named("range", range);
const set = replaces<Constraints>();

const QUESTION: Mapping<Constraints> = {
  noun: "a question",
  whatOf: (key, what) => `${what} ${key}`,
  fields: { words: field(bounds, set("words")), images: field(bounds, set("images")) },
};

/** Word and image ranges by question number; a question's entry replaces the one of the config extended. */
export const QUESTIONS: Field<Record<number, Constraints>> = {
  description: "Word and image ranges per question number.",
  schema: (ctx) => ({
    type: "object",
    propertyNames: { pattern: QUESTION_KEY_PATTERN },
    additionalProperties: { oneOf: [{ type: "null" }, mappingSchema(QUESTION, ctx)] },
  }),
  read(r, node, into, what) {
    for (const pair of r.pairs(node, what)) {
      const n = Number(pair.key?.value);
      if (!Number.isInteger(n) || n < 1 || n > 99) {
        r.fail(pair.key, `questions are keyed by their number (1-99), not \`${keyName(pair)}\``);
        continue;
      }
      const constraints: Constraints = {};
      // `7:` alone: the question has no constraints of its own.
      if (!(isScalar(pair.value) && pair.value.value === null))
        readFields(r, pair.value, QUESTION, constraints, `question ${n}`);
      into[n] = constraints;
    }
  },
};
