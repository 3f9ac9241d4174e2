import type { RegExpFactory } from "../linear-regexp.js";
/** A problem in an expression, located by offset into the expression's source string. */
export interface DslError {
  message: string;
  /** Offset of the offending token in the source string (0-based, UTF-16 code units). */
  offset: number;
  /** Length of the offending token; 0 only for an empty expression. */
  length: number;
  /** The replacement text the writer probably meant (e.g. `checked`), without any "did you mean" wording. */
  suggestion?: string;
}

/** What an expression may refer to: the questions and checklist item ids the config knows. */
export interface DslEnvironment {
  questions: ReadonlySet<number>;
  checklistIds: ReadonlySet<string>;
  /** Makes the regex literals: JavaScript's RegExp unless given (an untrusted config's are linear-time). */
  regExp?: RegExpFactory;
}

/** A search term: a string (matched as the engine decides) or a regex literal. */
export type Term = string | RegExp;

/** What the engine supplies to evaluate an expression against one report. */
export interface EvalContext {
  checked(id: string): boolean;
  unchecked(id: string): boolean;
  answered(q: number): boolean;
  words(q: number): number;
  images(q: number): number;
  mentions(q: number, terms: readonly Term[]): boolean;
  negated(q: number, terms: readonly Term[]): boolean;
  count(q: number, terms: readonly Term[]): number;
  matches(q: number, re: RegExp): boolean;
  /** How many checklist items of the report are ticked, whatever their ids. */
  ticked(): number;
  /** The numbers of the report's questions. */
  answers(): readonly number[];
  /** The repository has a file the glob matches. */
  exists(glob: string): boolean;
  /** A line of a text file the glob matches matches the regex. */
  contains(glob: string, re: RegExp): boolean;
  /** How many repository files the glob matches. */
  files(glob: string): number;
}

export type Reference =
  | { kind: "question"; number: number; offset: number }
  | { kind: "checklist"; id: string; offset: number };

export interface CompiledExpression {
  source: string;
  /** question and checklist references in source order: the engine points a failed assertion at the first one */
  references: readonly Reference[];
  /** Whether it asks about the repository (`exists`, `contains`, `files`): meaningless for a report without one. */
  usesRepository: boolean;
  evaluate(ctx: EvalContext): boolean;
}

export type CompileResult = { ok: true; expression: CompiledExpression } | { ok: false; errors: DslError[] };
