import { isMap, type Node } from "yaml";
import { type Field, field, type Mapping, mappingSchema, readFields, replaces } from "./fields.js";
import {
  CHECK_KINDS,
  type CheckKind,
  type ChecklistIdConfig,
  type CheckSetting,
  type Origin,
} from "./merged-config.js";
import { keyName, type Reader } from "./reader.js";
import { REPOSITORY_EVIDENCE } from "./repository-evidence.js";
import {
  definition,
  flag,
  ID,
  ID_PATTERN,
  isOff,
  listOf,
  named,
  OFF,
  pattern,
  QUESTION_KEY_PATTERN,
  type SchemaContext,
  type Shape,
  severity,
  text,
  wholeNumber,
} from "./shapes.js";

const setCheck = replaces<CheckSetting>();

const CHECK: Mapping<CheckSetting> = {
  noun: "a check",
  whatOf: (key, what) => `${key} of ${what}`,
  fields: {
    severity: field(severity, setCheck("severity")),
    message: field(text, setCheck("message")),
    terms: field(text, setCheck("terms"), "A name from `terms`."),
    image: field(flag, setCheck("image")),
  },
};

/** A derived check of an id: `off`, or its settings over the earlier config's. */
const check = named<CheckSetting>("check", {
  read(r, node, what) {
    if (isOff(node)) return { off: true };
    if (!isMap(node)) {
      r.fail(node, `${what} must be \`off\` or a mapping of ${Object.keys(CHECK.fields).join(", ")}`);
      return undefined;
    }
    const out: CheckSetting = { off: false };
    readFields(r, node, CHECK, out, what);
    return out;
  },
  schema: (ctx) => ({ oneOf: [OFF, mappingSchema(CHECK, ctx)] }),
});

function checkField(kind: CheckKind): Field<ChecklistIdConfig> {
  return field(check, (entry, setting) => {
    entry.checks[kind] = setting.off ? setting : { ...entry.checks[kind], ...setting };
  });
}

/** Evidence terms by question number: a name from `terms` for one of the id's questions. */
const questionTerms: Shape<Record<number, string>> = {
  read(r, node, what) {
    const map: Record<number, string> = {};
    for (const q of r.pairs(node, what)) {
      const name = text.read(r, q.value, what);
      if (name !== undefined) map[Number(q.key?.value)] = name;
    }
    return map;
  },
  schema: () => ({
    type: "object",
    propertyNames: { pattern: QUESTION_KEY_PATTERN },
    additionalProperties: { type: "string" },
  }),
};

const set = replaces<ChecklistIdConfig>();
const courseYear = wholeNumber(1);
const questionNumbers = listOf(wholeNumber(1), "a list of question numbers, such as [10, 13] ([] for none)");

/** An id's keys: each replaces what the config extended says of the id; the checks merge key by key. */
const CHECKLIST_ID: Mapping<ChecklistIdConfig> = {
  noun: "a checklist id",
  whatOf: (key, what) => `${what} ${key}`,
  fields: {
    match: field(pattern, set("match"), "A case-insensitive regular expression that finds the item."),
    since: field(courseYear, set("since"), "The first course year whose template has the item."),
    until: field(courseYear, set("until"), "The last course year whose template has the item."),
    questions: field(
      questionNumbers,
      set("questions"),
      "The questions that discuss the item, the one that asks about it first.",
    ),
    terms: field(text, set("terms"), "The name of the evidence terms (`terms`)."),
    questionTerms: field(questionTerms, set("questionTerms"), "Other evidence terms for one question."),
    image: field(flag, set("image"), "An image in the first question is evidence too."),
    code: field(pattern, set("code"), "A regex searched in the first question's code as well."),
    says: field(text, set("says"), "How the 'not described' finding names the evidence."),
    local: field(flag, set("local"), "The terms are evidence only in the item's own questions."),
    elsewhere: field(
      text,
      set("elsewhere"),
      "For a local id: the terms by which any other answer describes the item too.",
    ),
    repository: REPOSITORY_EVIDENCE,
    ...Object.fromEntries(CHECK_KINDS.map((kind) => [kind, checkField(kind)])),
  },
};

/** An id's mapping, over what earlier configs said of it. */
function readId(
  r: Reader,
  id: string,
  node: Node,
  previous: ChecklistIdConfig | undefined,
): ChecklistIdConfig {
  const entry: ChecklistIdConfig = {
    ...previous,
    id,
    checks: { ...previous?.checks },
    origin: r.origin(node),
  };
  delete entry.off;
  readFields(r, node, CHECKLIST_ID, entry, `checklist id ${id}`);
  return entry;
}

/** `off`, a regex that finds the item (over what earlier configs said), or the id's mapping. */
function readIdValue(r: Reader, id: string, node: Node | null, previous: ChecklistIdConfig | undefined) {
  if (isOff(node)) return { id, off: true, checks: {}, origin: r.origin(node as Node) };
  if (isMap(node)) return readId(r, id, node, previous);
  const match = pattern.read(r, node, `checklist id ${id}`);
  const origin: Origin = r.origin(node as Node);
  return match ? { ...previous, id, match, checks: { ...previous?.checks }, origin } : undefined;
}

const checklistIdSchema = definition("checklistId", (ctx) => ({
  oneOf: [
    OFF,
    {
      ...pattern.schema(ctx),
      description: "A case-insensitive regular expression that finds the item by its text.",
    },
    mappingSchema(CHECKLIST_ID, ctx),
  ],
}));

/** Checklist ids by name: the catalog's, changed, or new ones; each over what the config extended says of it. */
export const CHECKLIST: Field<Map<string, ChecklistIdConfig>> = {
  description: "Checklist ids: the catalog's, changed, or new ones (docs/config.md).",
  schema: (ctx: SchemaContext) => ({
    type: "object",
    propertyNames: { pattern: ID_PATTERN },
    properties: Object.fromEntries(ctx.catalogIds.map((id) => [id, checklistIdSchema(ctx)])),
    additionalProperties: checklistIdSchema(ctx),
  }),
  read(r, node, into, what) {
    for (const pair of r.pairs(node, what)) {
      const id = keyName(pair);
      if (!ID.test(id)) {
        r.fail(
          pair.key,
          `checklist id \`${id}\` must be lower-case words joined by hyphens, such as \`unit-tests-data\``,
        );
        continue;
      }
      const entry = readIdValue(r, id, pair.value, into.get(id));
      if (entry) into.set(id, entry);
    }
  },
};
