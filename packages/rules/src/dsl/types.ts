import type { RegExpFactory } from "../linear-regexp.js";
import type { BUILTIN_FUNCTIONS } from "./builtin-functions.js";
import type { FunctionRegistry } from "./functions.js";

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
  /** The functions it may call: the built-in ones unless given. */
  functions?: FunctionRegistry;
}

/** A search term: a string (matched as the engine decides) or a regex literal. */
export type Term = string | RegExp;

/** A built-in function as a context offers it: its arguments in, its value out. */
type Bound<F> = F extends { evaluate: (scope: never, ...args: infer A) => infer V }
  ? (...args: A) => V
  : never;

/**
 * What an expression is evaluated against: each function of the registry bound to one report (see
 * `FunctionRegistry.context`), and the numbers of the report's questions.
 */
export type EvalContext = {
  readonly [F in (typeof BUILTIN_FUNCTIONS)[number] as F["name"]]: Bound<F>;
} & { answers(): readonly number[] };

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
