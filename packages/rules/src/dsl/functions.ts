/**
 * What a function parameter accepts. A `term` is a string or a regex literal; a `glob` is a string naming
 * repository paths (`*.dvc`, `src/**`).
 */
export type ParamKind = "checklist" | "question" | "term" | "regex" | "glob";
export type ResultType = "boolean" | "number";

export interface FunctionSignature {
  name: FunctionName;
  params: readonly ParamKind[];
  /** Accepts any number of further arguments of this kind after `params`. */
  rest?: ParamKind;
  returns: ResultType;
  /** One line for the docs and for error messages. */
  summary: string;
}

export const FUNCTION_NAMES = [
  "checked",
  "unchecked",
  "answered",
  "words",
  "images",
  "mentions",
  "negated",
  "count",
  "matches",
  "ticked",
  "exists",
  "contains",
  "files",
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSignature>> = {
  checked: {
    name: "checked",
    params: ["checklist"],
    returns: "boolean",
    summary: "the checklist item is ticked",
  },
  unchecked: {
    name: "unchecked",
    params: ["checklist"],
    returns: "boolean",
    summary: "the checklist item is left empty",
  },
  answered: {
    name: "answered",
    params: ["question"],
    returns: "boolean",
    summary: "the question has an answer",
  },
  words: { name: "words", params: ["question"], returns: "number", summary: "words in the answer" },
  images: { name: "images", params: ["question"], returns: "number", summary: "images in the answer" },
  mentions: {
    name: "mentions",
    params: ["question", "term"],
    rest: "term",
    returns: "boolean",
    summary: "the answer mentions one of the terms",
  },
  negated: {
    name: "negated",
    params: ["question", "term"],
    rest: "term",
    returns: "boolean",
    summary: "the answer mentions one of the terms in a negated sentence",
  },
  count: {
    name: "count",
    params: ["question", "term"],
    rest: "term",
    returns: "number",
    summary: "how many times the terms occur in the answer",
  },
  matches: {
    name: "matches",
    params: ["question", "regex"],
    returns: "boolean",
    summary: "the regex matches the answer",
  },
  ticked: {
    name: "ticked",
    params: [],
    returns: "number",
    summary: "how many checklist items are ticked",
  },
  exists: {
    name: "exists",
    params: ["glob"],
    returns: "boolean",
    summary: "the repository has a file the glob matches",
  },
  contains: {
    name: "contains",
    params: ["glob", "regex"],
    returns: "boolean",
    summary: "a line of a repository file the glob matches matches the regex",
  },
  files: {
    name: "files",
    params: ["glob"],
    returns: "number",
    summary: "how many repository files the glob matches",
  },
};

/** The functions that read the repository around the report; without one they are false (or 0). */
export const REPOSITORY_FUNCTIONS: ReadonlySet<FunctionName> = new Set(["exists", "contains", "files"]);

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

const PARAM_NOUNS: Record<ParamKind, string> = {
  checklist: "a checklist item",
  question: "a question",
  term: "a term",
  regex: "a regex",
  glob: "a glob",
};

/** `a question and a regex`, `a question and at least one term`: what the function's arguments are. */
export function describeParams(signature: FunctionSignature): string {
  const nouns = signature.params.map((kind) => PARAM_NOUNS[kind]);
  if (signature.rest !== undefined) {
    nouns[nouns.length - 1] = `at least one ${signature.rest}`;
  }
  return nouns.length <= 1 ? (nouns[0] ?? "nothing") : `${nouns.slice(0, -1).join(", ")} and ${nouns.at(-1)}`;
}
