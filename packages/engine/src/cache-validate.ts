import {
  arrayOf,
  type Check,
  isBoolean,
  isNumber,
  isString,
  nullable,
  oneOf,
  recordOf,
  shape,
} from "@mlops-report/core";
import type { CacheEntry } from "./cache.js";

/**
 * The shape of cache entries, checked before any is used. The checksum in the cache's header only tells a file
 * cut short or edited by hand: anyone can write a matching one, and the cache is a file in the linted folder. An
 * entry of the wrong shape would crash every run that reads it, so a cache that does not validate is not used.
 */
// Short names, so that the shapes below read as the types they check.
const string = isString;
const number = isNumber;
const boolean = isBoolean;
const year: Check = (v) => (typeof v === "number" && Number.isInteger(v)) || v === "unknown";

const point = shape({ line: number, column: number, offset: number });
const range = shape({ start: point, end: point });
const bounds = shape({ min: number, max: number });
const counts = shape({ official: nullable(number), prose: number });

const image = shape({
  alt: string,
  url: string,
  kind: oneOf("markdown", "reference", "html", "remote", "in-code", "unrendered"),
  syntax: oneOf("markdown", "reference", "html"),
  line: number,
  column: number,
  range,
  question: nullable(number),
  resolved: nullable(string),
  exists: oneOf("exists", "missing", "case-mismatch", "outside-repository", "not-checked"),
  "actualPath?": string,
  "ambiguousCase?": oneOf(true),
  "code?": shape({ kind: oneOf("span", "block"), range }),
});

const answer = shape({
  state: oneOf("answered", "placeholder", "empty"),
  wrapper: oneOf("dashes", "none", "unbalanced"),
  leftoverPlaceholder: boolean,
  placeholders: arrayOf(range),
  line: number,
  column: number,
  range,
  text: string,
  blocks: arrayOf(
    shape({ kind: string, text: string, line: number, column: number, code: arrayOf(arrayOf(number)) }),
  ),
  words: counts,
  imageCount: counts,
  images: arrayOf(image),
  links: arrayOf(shape({ text: string, url: string, line: number, column: number })),
  code: arrayOf(shape({ lang: nullable(string), fenced: boolean, line: number })),
});

const report = shape({
  source: shape({
    path: string,
    text: string,
    hadBom: boolean,
    lineEnding: oneOf("lf", "crlf", "mixed", "none"),
    lineCount: number,
    frontMatter: nullable(shape({ raw: string, range })),
  }),
  template: shape({
    year,
    questionCount: number,
    answerStyle: oneOf("dashes", "plain"),
    fingerprints: arrayOf(string),
  }),
  checklist: shape({
    line: nullable(number),
    sections: arrayOf(
      shape({
        title: string,
        line: number,
        items: arrayOf(
          shape({
            text: string,
            module: nullable(string),
            mark: string,
            state: oneOf("checked", "unchecked", "other"),
            line: number,
            column: number,
            range,
          }),
        ),
      }),
    ),
  }),
  questions: arrayOf(
    shape({
      number,
      section: nullable(string),
      heading: string,
      line: number,
      column: number,
      range,
      prompt: string,
      example: nullable(string),
      constraints: shape({ "words?": bounds, "images?": bounds, "sourceText?": string }),
      answer,
    }),
  ),
  images: arrayOf(image),
  comments: arrayOf(shape({ text: string, line: number, column: number })),
  official: shape({
    year: nullable(number),
    skips: number,
    expectedAnswers: number,
    answers: number,
    crashes: boolean,
  }),
  problems: arrayOf(
    shape({ kind: string, message: string, line: number, column: number, "question?": number }),
  ),
});

const diagnostic = shape({
  ruleId: string,
  severity: oneOf("error", "warning", "info"),
  message: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  question: nullable(number),
  checklistItem: nullable(string),
  "fix?": shape({ start: number, end: number, text: string }),
});

const judgedCount = shape({
  count: nullable(number),
  counting: oneOf("official", "prose"),
  allowed: nullable(bounds),
  "reader?": shape({ count: number, why: arrayOf(string) }),
});

const entry = shape({
  key: string,
  detail: oneOf("full", "slim"),
  files: arrayOf(shape({ op: oneOf("list", "exists"), path: string, state: string })),
  configFiles: arrayOf(shape({ path: string, hash: string })),
  pluginRules: arrayOf(
    shape({ id: string, description: string, docs: string, defaultSeverity: string, "fixable?": boolean }),
  ),
  result: shape({
    report,
    diagnostics: arrayOf(diagnostic),
    errorCount: number,
    warningCount: number,
    infoCount: number,
    questionCounts: arrayOf(
      shape({ question: number, line: number, words: judgedCount, images: judgedCount }),
    ),
    group: shape({ text: nullable(string), number: nullable(string), students: arrayOf(string) }),
  }),
});

/** Whether parsed JSON is a map of report paths to cache entries of the shape this version writes. */
export const isCacheEntries: (value: unknown) => value is Record<string, CacheEntry> = recordOf(entry) as (
  value: unknown,
) => value is Record<string, CacheEntry>;
