import { type Static, type TLiteral, type TSchema, type TUnion, Type } from "@sinclair/typebox";

/*
 * The lint cache's file, declared once. `cache.ts` reads and writes these declarations' static types, and assigns
 * them to the rules' `LintResult` and back: a field that the model gains or loses without the declaration
 * following fails to compile. `cache-check.ts`, which checks a file before any entry is used, is these
 * declarations compiled by TypeBox (its test keeps it so), so that the command loads no schema as it starts.
 * The checksum in the header only tells a file cut short or edited by hand: anyone can write a matching one, and
 * the cache is a file in the linted folder. An entry of the wrong shape would crash every run that reads it, so a
 * cache that does not validate is not used.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** One of these strings, typed as their union. */
function literals<T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((value) => Type.Literal(value))) as TUnion<{ [K in keyof T]: TLiteral<T[K]> }>;
}

const point = Type.Object({ line: Type.Number(), column: Type.Number(), offset: Type.Number() });
const range = Type.Object({ start: point, end: point });
const bounds = Type.Object({ min: Type.Number(), max: Type.Number() });
const counts = Type.Object({ official: nullable(Type.Number()), prose: Type.Number() });
const severity = literals("error", "warning", "info");

const image = Type.Object({
  alt: Type.String(),
  url: Type.String(),
  kind: literals("markdown", "reference", "html", "remote", "in-code", "unrendered"),
  syntax: literals("markdown", "reference", "html"),
  line: Type.Number(),
  column: Type.Number(),
  range,
  question: nullable(Type.Number()),
  resolved: nullable(Type.String()),
  exists: literals("exists", "missing", "case-mismatch", "outside-repository", "not-checked"),
  actualPath: Type.Optional(Type.String()),
  ambiguousCase: Type.Optional(Type.Literal(true)),
  unbracketedUrl: Type.Optional(Type.String()),
  code: Type.Optional(Type.Object({ kind: literals("span", "block"), range })),
});

const answer = Type.Object({
  state: literals("answered", "placeholder", "empty"),
  wrapper: literals("dashes", "none", "unbalanced"),
  leftoverPlaceholder: Type.Boolean(),
  placeholders: Type.Array(range),
  line: Type.Number(),
  column: Type.Number(),
  range,
  text: Type.String(),
  blocks: Type.Array(
    Type.Object({
      kind: literals("paragraph", "list-item", "heading", "table-cell", "html"),
      text: Type.String(),
      line: Type.Number(),
      column: Type.Number(),
      code: Type.Array(Type.Tuple([Type.Number(), Type.Number()])),
    }),
  ),
  words: counts,
  imageCount: counts,
  images: Type.Array(image),
  links: Type.Array(
    Type.Object({ text: Type.String(), url: Type.String(), line: Type.Number(), column: Type.Number() }),
  ),
  code: Type.Array(
    Type.Object({ lang: nullable(Type.String()), fenced: Type.Boolean(), line: Type.Number() }),
  ),
});

const question = Type.Object({
  number: Type.Number(),
  section: nullable(Type.String()),
  heading: Type.String(),
  line: Type.Number(),
  column: Type.Number(),
  range,
  prompt: Type.String(),
  example: nullable(Type.String()),
  constraints: Type.Object({
    words: Type.Optional(bounds),
    images: Type.Optional(bounds),
    sourceText: Type.Optional(Type.String()),
  }),
  answer,
});

const report = Type.Object({
  source: Type.Object({
    path: Type.String(),
    text: Type.String(),
    hadBom: Type.Boolean(),
    lineEnding: literals("lf", "crlf", "mixed", "none"),
    lineCount: Type.Number(),
    frontMatter: nullable(Type.Object({ raw: Type.String(), range })),
  }),
  template: Type.Object({
    // Any course year: a preset of a new year needs no new version of the command.
    year: Type.Union([Type.Integer(), Type.Literal("unknown")]),
    questionCount: Type.Number(),
    answerStyle: literals("dashes", "plain"),
    fingerprints: Type.Array(Type.String()),
  }),
  checklist: Type.Object({
    line: nullable(Type.Number()),
    sections: Type.Array(
      Type.Object({
        title: Type.String(),
        line: Type.Number(),
        items: Type.Array(
          Type.Object({
            text: Type.String(),
            module: nullable(Type.String()),
            mark: Type.String(),
            state: literals("checked", "unchecked", "other"),
            line: Type.Number(),
            column: Type.Number(),
            range,
          }),
        ),
      }),
    ),
  }),
  questions: Type.Array(question),
  images: Type.Array(image),
  comments: Type.Array(Type.Object({ text: Type.String(), line: Type.Number(), column: Type.Number() })),
  official: Type.Object({
    year: nullable(Type.Number()),
    skips: Type.Number(),
    expectedAnswers: Type.Number(),
    answers: Type.Number(),
    crashes: Type.Boolean(),
  }),
  problems: Type.Array(
    Type.Object({
      kind: literals(
        "not-a-report",
        "question-missing",
        "question-duplicated",
        "question-out-of-order",
        "heading-renamed",
        "title-missing",
        "checklist-missing",
        "checklist-unread",
        "text-outside-question",
        "answer-count-mismatch",
      ),
      message: Type.String(),
      line: Type.Number(),
      column: Type.Number(),
      question: Type.Optional(Type.Number()),
    }),
  ),
});

const diagnostic = Type.Object({
  ruleId: Type.String(),
  severity,
  message: Type.String(),
  line: Type.Number(),
  column: Type.Number(),
  endLine: Type.Number(),
  endColumn: Type.Number(),
  question: nullable(Type.Number()),
  checklistItem: nullable(Type.String()),
  fix: Type.Optional(Type.Object({ start: Type.Number(), end: Type.Number(), text: Type.String() })),
});

const judgedCount = Type.Object({
  count: nullable(Type.Number()),
  counting: literals("official", "prose"),
  allowed: nullable(bounds),
  reader: Type.Optional(Type.Object({ count: Type.Number(), why: Type.Array(Type.String()) })),
});

const repositoryFile = Type.Object({
  path: Type.String(),
  line: Type.Optional(Type.Number()),
  text: Type.Optional(Type.String()),
});

const checklistEvidence = Type.Object({
  id: Type.String(),
  line: Type.Number(),
  text: Type.String(),
  state: literals("checked", "unchecked", "other"),
  repository: nullable(
    Type.Object({
      trace: nullable(
        Type.Object({ found: Type.Boolean(), complete: Type.Boolean(), files: Type.Array(repositoryFile) }),
      ),
      shows: nullable(Type.Object({ found: Type.Boolean(), files: Type.Array(repositoryFile) })),
    }),
  ),
  verdict: Type.Optional(
    Type.Object({
      kind: Type.String(),
      answers: Type.String(),
      repository: Type.String(),
      severity: nullable(severity),
      rule: nullable(Type.String()),
      reasons: Type.Array(Type.String()),
    }),
  ),
});

/** A lint result as stored: everything but the path it is shown under, which depends on the working directory. */
const storedResult = Type.Object({
  report,
  diagnostics: Type.Array(diagnostic),
  errorCount: Type.Number(),
  warningCount: Type.Number(),
  infoCount: Type.Number(),
  checklist: Type.Optional(Type.Array(checklistEvidence)),
  checklistIds: Type.Optional(Type.Record(Type.String(), Type.Number())),
  questionCounts: Type.Array(
    Type.Object({ question: Type.Number(), line: Type.Number(), words: judgedCount, images: judgedCount }),
  ),
  group: Type.Object({
    text: nullable(Type.String()),
    number: nullable(Type.String()),
    students: Type.Array(Type.String()),
  }),
});

const cacheEntry = Type.Object({
  /** `entryKey`: the report's text, its config source, the options that change results, the tool version. */
  key: Type.String(),
  detail: literals("full", "slim"),
  /** The file-system look-ups the result depends on (the folders its image and link checks listed). */
  files: Type.Array(
    Type.Object({ op: literals("list", "exists"), path: Type.String(), state: Type.String() }),
  ),
  /** The config files that made its config, with the hash of each one's text. */
  configFiles: Type.Array(Type.Object({ path: Type.String(), hash: Type.String() })),
  pluginRules: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      docs: Type.String(),
      defaultSeverity: literals("error", "warning", "info", "off"),
      fixable: Type.Optional(Type.Boolean()),
    }),
  ),
  result: storedResult,
});

/** The entries that follow the header line: report paths to their entries. */
export const cacheEntries = Type.Record(Type.String(), cacheEntry);

/** The cache file's first line. */
export const cacheHeader = Type.Object({
  tool: Type.Literal("mlops-report"),
  cacheFormat: Type.Number(),
  version: Type.String(),
  /** Of the entries' JSON that follows the header line: a file edited or cut short is not trusted. */
  sha256: Type.String(),
});

export type StoredResult = Static<typeof storedResult>;
export type CacheEntry = Static<typeof cacheEntry>;
export type CacheHeader = Static<typeof cacheHeader>;
