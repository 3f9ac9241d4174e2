import type { TemplateFingerprint } from "@mlops-report/core";
import type { Node } from "yaml";
import { type Field, field, type Mapping, mappingSchema, readFields, replaces } from "./fields.js";
import type { TemplateConfig } from "./merged-config.js";
import type { Reader } from "./reader.js";
import { listOf, pattern, type Shape, text, wholeNumber } from "./shapes.js";

type FingerprintDraft = Partial<TemplateFingerprint>;

/** `preamble: regex` or `prompts: regex`: where the fingerprint looks, and what for. */
function place(name: TemplateFingerprint["in"]): Field<FingerprintDraft> {
  return {
    schema: pattern.schema,
    read(r, node, draft, what) {
      draft.in = name;
      draft.pattern = pattern.read(r, node, what);
    },
  };
}

const FINGERPRINT: Mapping<FingerprintDraft> = {
  noun: "a fingerprint",
  whatOf: (key) => `fingerprint ${key}`,
  fields: {
    preamble: place("preamble"),
    prompts: place("prompts"),
    says: { ...field(text, replaces<FingerprintDraft>()("says")), required: true },
  },
};

/** Text that tells a year's template from the others', and what it shows. */
const fingerprint: Shape<TemplateFingerprint> = {
  read(r: Reader, node: Node | null | undefined) {
    const draft: FingerprintDraft = {};
    readFields(r, node, FINGERPRINT, draft, "a fingerprint");
    const { in: where, pattern: found, says } = draft;
    if (where && found && says !== undefined) return { in: where, pattern: found, says };
    if (where && found) r.fail(node, "a fingerprint needs `says`: what it shows");
    else if (says !== undefined) r.fail(node, "a fingerprint needs `preamble` or `prompts`: a regex");
    return undefined;
  },
  schema: (ctx) => mappingSchema(FINGERPRINT, ctx),
};

const set = replaces<TemplateConfig>();

/** A year preset's template; each key replaces what the preset extended says (fingerprints: the whole list). */
export const TEMPLATE: Mapping<TemplateConfig> = {
  noun: "the template",
  whatOf: (key, what) => `${what} ${key}`,
  fields: {
    questions: field(wholeNumber(1), set("questions")),
    checkerSkips: field(wholeNumber(0), set("checkerSkips")),
    fingerprints: field(listOf(fingerprint, "a list"), set("fingerprints")),
  },
};
