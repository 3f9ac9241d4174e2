import { type SchemaOptions, type Static, type TProperties, type TSchema, Type } from "@sinclair/typebox";
import { jsonSchemaVersion } from "./json.js";

/*
 * The JSON output (`--format json`), declared once: `json.ts` builds values of these declarations' static types,
 * and `schema/lint-results.schema.json`, which consumers validate the output against, is this declaration written
 * out (`lintResultsSchema`; a test keeps the file equal to it). The published schema says `oneOf`, `enum` and
 * `#/definitions/…`, which TypeBox's own builders do not write: the helpers below write them as the file has them.
 */

const definitions: Record<string, TSchema> = {};

/** A named schema of `definitions`: its references (`$ref`), each with its own description, have its type. */
function define<T extends TSchema>(name: string, schema: T) {
  definitions[name] = schema;
  return (description?: string) =>
    Type.Unsafe<Static<T>>({
      $ref: `#/definitions/${name}`,
      ...(description === undefined ? {} : { description }),
    });
}

/** An object with these fields and no others. */
const closed = <T extends TProperties>(properties: T, options: SchemaOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** Exactly one of these schemas. */
const oneOf = <T extends TSchema[]>(schemas: [...T], options: SchemaOptions = {}) =>
  Type.Unsafe<Static<T[number]>>({ ...options, oneOf: schemas });

/** This value alone (TypeBox's `Literal` would add its JSON type). */
const constant = <const T extends string | number>(value: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T>({ const: value, ...options });

/** One of these strings, typed as their union. */
const literals = <T extends string[]>(values: [...T], options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ enum: values, ...options });

const count = define("count", Type.Integer({ minimum: 0 }));
const position = define("position", Type.Integer({ minimum: 1 }));
const severity = () => literals(["error", "warning", "info"]);
const questionNumber = () => Type.Integer({ minimum: 1 });
const nullableString = (options: SchemaOptions = {}) => oneOf([Type.String(), Type.Null()], options);

const judgedCount = define(
  "judgedCount",
  closed(
    {
      count: oneOf([count(), Type.Null()], {
        description:
          "The count the rule judged by; null when it counts as the course checker does and the checker cannot read the report.",
      }),
      counting: literals(["official", "prose"], {
        description:
          "The rule's `counting` option: `official` counts as the course checker does, `prose` as a reader sees the answer.",
      }),
      allowed: oneOf([closed({ min: count(), max: count() }), Type.Null()], {
        description:
          "The range the config, else the question's prompt, allows; null when neither states one.",
      }),
      reader: Type.Optional(
        closed(
          { count: count(), why: Type.Array(Type.String()) },
          {
            description:
              "With `official` counting only, and only where it differs from `count`: what a reader sees, and why the course checker counts otherwise (each reason a clause such as `it counts 4 list bullets and symbols`; may be empty).",
          },
        ),
      ),
    },
    { description: "An answer's count as its rule judges it: the one number every format shows for it." },
  ),
);

const questionCounts = define(
  "questionCounts",
  closed({
    question: questionNumber(),
    status: literals(["ok", "info", "warning", "error", "unanswered"], {
      description:
        "`unanswered` when its answer is empty or the placeholder, whatever its findings; else the most severe finding about the question, or `ok`.",
    }),
    words: judgedCount(),
    images: judgedCount(),
  }),
);

const diagnostic = define(
  "diagnostic",
  closed({
    ruleId: Type.String({ minLength: 1, description: "e.g. `answer/word-count`." }),
    severity: severity(),
    message: Type.String(),
    line: position("1-based start line."),
    column: position("1-based start column, in UTF-16 code units."),
    endLine: position("1-based end line (inclusive)."),
    endColumn: position("1-based end column (exclusive)."),
    question: oneOf([questionNumber(), Type.Null()], {
      description: "The question the finding is about; null for a report-wide check.",
    }),
    checklistItem: nullableString({
      description: "Id of the checklist item the finding is about (e.g. `dvc`), or null.",
    }),
    fix: Type.Optional(
      closed(
        {
          start: Type.Integer({ minimum: 0 }),
          end: Type.Integer({ minimum: 0 }),
          text: Type.String(),
        },
        {
          description:
            "Present when `--fix` would resolve the finding (added within version 1; older readers may ignore it): replace the UTF-16 code units from `start` to `end` of the report's text, byte-order mark left out, by `text`.",
        },
      ),
    ),
  }),
);

const repositoryFile = define(
  "repositoryFile",
  closed({
    path: Type.String({ minLength: 1, description: "Relative to the repository root, with `/` separators." }),
    line: Type.Optional(position("For a content match: the line it was found on.")),
    text: Type.Optional(
      Type.String({ description: "For a content match: that line, trimmed and shortened." }),
    ),
  }),
);

const checklistItem = define(
  "checklistItem",
  closed(
    {
      id: Type.String({ minLength: 1, description: "The item's stable id, e.g. `dvc`." }),
      line: position(),
      text: Type.String(),
      state: literals(["checked", "unchecked", "other"]),
      verdict: Type.Optional(
        closed(
          {
            kind: Type.String({
              minLength: 1,
              description: "The severity table's row: `agrees`, `denied`, `not-described`, …",
            }),
            // The rules type these two as strings: what the table names, which these lists follow.
            answers: Type.Unsafe<string>({
              enum: ["described", "mixed", "hedged", "denied", "absent", "unanswered", "not-asked"],
            }),
            repository: Type.Unsafe<string>({
              enum: ["shows", "trace", "nothing", "unknown", "not-checked"],
            }),
            severity: oneOf([Type.Null(), severity()]),
            rule: oneOf([Type.Null(), Type.String({ minLength: 1 })]),
            reasons: Type.Array(Type.String()),
          },
          {
            description:
              "The item's verdict from all its evidence (docs/verdicts.md); absent when the config gives the item no checks. Added within schemaVersion 1.",
          },
        ),
      ),
      repository: oneOf(
        [
          Type.Null(),
          closed({
            trace: oneOf(
              [
                Type.Null(),
                closed({
                  found: Type.Boolean(),
                  complete: Type.Boolean(),
                  files: Type.Array(repositoryFile()),
                }),
              ],
              {
                description:
                  "Any trace of the work; null when not looked for (no trace check for this id and year, or the item is not ticked: only a ticked item is searched for a trace). `complete` is false when a size or count limit cut the search short.",
              },
            ),
            shows: oneOf(
              [Type.Null(), closed({ found: Type.Boolean(), files: Type.Array(repositoryFile()) })],
              { description: "The group's own work, clearly shown; null when not looked for." },
            ),
          }),
        ],
        {
          description:
            "What the repository around the report shows; null without a repository, or when the id has no repository evidence.",
        },
      ),
      answers: Type.Array(closed({ severity: severity(), message: Type.String(), line: position() }), {
        description:
          "The checklist/consistency findings about this item: what the answers say against its state.",
      }),
    },
    {
      description:
        "A checklist item the config names by id: its state, what the answers say, what the repository shows. Added within schemaVersion 1.",
    },
  ),
);

const result = define(
  "result",
  closed({
    filePath: Type.String({
      minLength: 1,
      description: "The report's path relative to the working directory, with `/` separators.",
    }),
    template: closed({
      year: oneOf([Type.Integer({ minimum: 2000 }), constant("unknown")], {
        description: "Detected course year of the template.",
      }),
      questionCount: count(
        "Questions the template asks (27 or 31), or the number of question headings when unknown.",
      ),
    }),
    errorCount: count(),
    warningCount: count(),
    infoCount: count(),
    questions: closed(
      {
        answered: count(),
        total: count(),
        counts: Type.Optional(
          Type.Array(questionCounts(), {
            description:
              "Per question, each number once (a repeated heading: its first), in report order: its status and its word and image counts as answer/word-count and answer/image-count judge them (added within schemaVersion 1).",
          }),
        ),
      },
      {
        description:
          "Distinct questions whose answer is written, out of the questions asked; and each question's counts.",
      },
    ),
    group: Type.Optional(
      closed(
        {
          text: nullableString({
            description:
              "The group-number question's answer as written in the report's source, its `---` wrappers left out and white space collapsed to single spaces; null when unanswered. Report text: untrusted.",
          }),
          number: oneOf([Type.String({ pattern: "^[0-9]+$" }), Type.Null()], {
            description:
              "The group-number question's (Question 1 unless the config says otherwise) number: the digits after the word `group`, else its first run of digits, as written; null when it has none or is unanswered.",
          }),
          students: Type.Array(Type.String({ pattern: "^s[0-9]{6}$" }), {
            description:
              "The study numbers (an s and six digits, in lower case) of the study-number question's answer (Question 2 unless the config says otherwise), each once, in the order written.",
          }),
        },
        {
          description: "Who the report is by, read as answer/format reads it (added within schemaVersion 1).",
        },
      ),
    ),
    diagnostics: Type.Array(diagnostic(), { description: "Sorted by line, column, ruleId." }),
    checklist: Type.Optional(
      Type.Array(checklistItem(), {
        description:
          "Per checklist item with an id, in checklist order (added within schemaVersion 1; absent when the config names no ids).",
      }),
    ),
  }),
);

const checkFailures = define(
  "checkFailures",
  closed(
    { ruleId: Type.String({ minLength: 1 }), errors: count(), warnings: count() },
    {
      description:
        "How many groups fail one check in one place: `errors` groups have an error of it there, `warnings` groups a warning and no error. Info findings fail nothing.",
    },
  ),
);

const summary = define(
  "summary",
  closed(
    {
      reports: count(),
      reportsWithErrors: count(),
      questions: Type.Array(
        closed({
          question: questionNumber(),
          checks: Type.Array(checkFailures(), { description: "Most failing groups first, then by ruleId." }),
        }),
        { description: "Questions with at least one failing group, by number." },
      ),
      reportWide: Type.Array(checkFailures(), {
        description: "Failing checks about no question (structure, checklist), most failing groups first.",
      }),
      checklist: Type.Array(
        closed({
          id: nullableString({ description: "The stable id the config gives the item (`dvc`), or null." }),
          section: Type.String(),
          text: Type.String({ description: "The item's text in the newest year's report of the class." }),
          module: nullableString(),
          ticked: count("Reports that tick the item (`[x]`)."),
          reports: count("Reports whose checklist has the item."),
        }),
        {
          description:
            "Every checklist item of the class, one row per stable id across reports and years (an item without an id: per text, whitespace and bold markers dropped), in the order the sorted reports first show them.",
        },
      ),
      mostErrors: Type.Array(
        closed({ filePath: Type.String({ minLength: 1 }), errors: count(), warnings: count() }),
        {
          description:
            "Up to five reports with errors: most errors first, then most warnings, then by filePath.",
        },
      ),
    },
    {
      description:
        "The class summary, present when the run linted two reports or more. Added within schemaVersion 1: output of a single report, and readers that ignore unknown keys, are unchanged.",
    },
  ),
);

const evidenceRow = closed({
  id: Type.String({ minLength: 1 }),
  reports: count("Reports whose checklist has the item."),
  ticked: count(),
  described: count(
    "Reports whose answers describe it as done: ticked with no consistency finding against it, or unticked with one saying the answers describe it.",
  ),
  trace: oneOf([count(), Type.Null()], {
    description: "Reports whose repository holds a trace of the work; null when never looked for.",
  }),
  shown: oneOf([count(), Type.Null()], {
    description: "Reports whose repository clearly shows the group's own work; null when never looked for.",
  }),
});

const output = closed({
  schemaVersion: constant(jsonSchemaVersion, { description: "Version of this shape." }),
  results: Type.Array(result(), {
    description: "One entry per linted report, sorted by filePath (code-unit order).",
  }),
  summary: Type.Optional(summary()),
  checklistEvidence: Type.Optional(
    Type.Array(evidenceRow, {
      description:
        "With two reports or more: per checklist id, how many groups ticked it, described it, and show it in the repository (added within schemaVersion 1).",
    }),
  ),
});

export type JsonOutput = Static<typeof output>;
export type JsonResult = Static<ReturnType<typeof result>>;
export type JsonDiagnostic = Static<ReturnType<typeof diagnostic>>;
export type JsonQuestion = Static<ReturnType<typeof questionCounts>>;

/** Where keys go in the written schema: the ones that say what a value is before the ones it holds. */
const KEY_ORDER = [
  "$schema",
  "title",
  "$ref",
  "type",
  "const",
  "enum",
  "minimum",
  "minLength",
  "pattern",
  "additionalProperties",
  "required",
  "description",
  "oneOf",
  "properties",
  "items",
  "definitions",
];

/** A schema as plain JSON, its keys in `KEY_ORDER` (TypeBox's symbols, which JSON does not carry, left out). */
function written(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(written);
  if (typeof value !== "object" || value === null) return value;
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, written((value as Record<string, unknown>)[key])]));
}

/** The JSON Schema (draft-07) of the JSON output, as `schema/lint-results.schema.json` publishes it. */
export function lintResultsSchema(): Record<string, unknown> {
  return written({
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "mlops-report lint results",
    description:
      "Output of `mlops-report lint --format json`. schemaVersion 1: new optional fields may be added; a field changing meaning or going away raises the version.",
    ...output,
    definitions,
  }) as Record<string, unknown>;
}
