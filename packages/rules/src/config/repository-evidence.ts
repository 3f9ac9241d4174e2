import { isMap, type Node } from "yaml";
import { compileExpression } from "../dsl/index.js";
import { REPOSITORY_ONLY_NAMES } from "../repository/context.js";
import { type Field, field, type Mapping, mappingSchema, readFields, replaces } from "./fields.js";
import type { RepositoryEvidenceConfig, YearExpressions } from "./merged-config.js";
import type { Reader } from "./reader.js";
import { type Shape, text, wholeNumber } from "./shapes.js";

/** An expression over the repository alone: the report's questions and items are not known to it. */
const repositoryExpression: Shape<string> = {
  read(r, node, what) {
    const source = text.read(r, node, what);
    if (source === undefined) return undefined;
    const result = compileExpression(source, REPOSITORY_ONLY_NAMES);
    if (!result.ok)
      for (const e of result.errors)
        r.fail(node, `${what}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
    return result.ok ? source : undefined;
  },
  schema: text.schema,
};

const year = wholeNumber(1);

/** One expression for every course year, or one per year. */
const yearExpressions: Shape<YearExpressions> = {
  read(r, node, what) {
    if (!isMap(node)) return repositoryExpression.read(r, node, what);
    const byYear: Record<number, string> = {};
    for (const y of r.pairs(node, what)) {
      const n = year.read(r, y.key, `a year of ${what}`);
      const source = repositoryExpression.read(r, y.value, `${what} ${String(y.key?.value)}`);
      if (n !== undefined && source !== undefined) byYear[n] = source;
    }
    return byYear;
  },
  schema: () => ({
    oneOf: [
      { type: "string", description: "An expression over the repository, for every course year." },
      {
        type: "object",
        propertyNames: { pattern: "^[0-9]{4}$" },
        additionalProperties: { type: "string" },
        description: "An expression over the repository per course year; years left out have no such check.",
      },
    ],
  }),
};

const set = replaces<RepositoryEvidenceConfig>();

const EVIDENCE: Mapping<RepositoryEvidenceConfig> = {
  noun: "repository evidence",
  whatOf: (key, what) => `${what} ${key}`,
  fields: {
    absent: field(text, set("absent"), "What the repository lacks when `trace` finds nothing."),
    trace: field(yearExpressions, set("trace"), "True when the repository holds any trace of the work."),
    present: field(text, set("present"), "What the repository has when `shows` holds."),
    shows: field(
      yearExpressions,
      set("shows"),
      "True only when the repository clearly shows the group's work.",
    ),
  },
};

/** Each check needs the text that says what it found. */
function checkComplete(
  r: Reader,
  node: Node | null | undefined,
  what: string,
  out: RepositoryEvidenceConfig,
) {
  if (out.trace !== undefined && !out.absent?.trim())
    r.fail(node, `${what} has a trace but no \`absent\` text`);
  if (out.shows !== undefined && !out.present?.trim())
    r.fail(node, `${what} has \`shows\` but no \`present\` text`);
}

/** An id's `repository`: field by field over what earlier configs said of the id. */
export const REPOSITORY_EVIDENCE: Field<{ repository?: RepositoryEvidenceConfig }> = {
  description:
    "What the repository around the report shows of the item (docs/rules/checklist/repository.md).",
  schema: (ctx) => mappingSchema(EVIDENCE, ctx),
  read(r, node, entry, what) {
    const out: RepositoryEvidenceConfig = { ...entry.repository };
    readFields(r, node, EVIDENCE, out, what);
    checkComplete(r, node, what, out);
    entry.repository = out;
  },
};
