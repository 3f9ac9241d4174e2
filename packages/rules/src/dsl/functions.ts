import type { ReportScope } from "../checklist/answer-context.js";
import type { RepositoryScope } from "../repository/context.js";
import type { EvalContext, Term } from "./types.js";

/**
 * What a function parameter accepts. A `term` is a string or a regex literal; a `glob` is a string naming
 * repository paths (`*.dvc`, `src/**`).
 */
export type ParamKind = "checklist" | "question" | "term" | "regex" | "glob";
export type ResultType = "boolean" | "number";

/** The value an implementation receives for each kind of parameter. */
export interface ParamValues {
  checklist: string;
  question: number;
  term: Term;
  regex: RegExp;
  glob: string;
}

interface ResultValues {
  boolean: boolean;
  number: number;
}

/** An argument as the evaluator prepares it: one value, or the array a parameter with `rest` gathers. */
export type ArgValue = ParamValues[ParamKind] | readonly ParamValues[ParamKind][];

/** What a function reads: the report being linted, or the repository around it. */
export interface FunctionScopes {
  report: ReportScope;
  repository: RepositoryScope;
}

/** What one evaluation supplies; a side that is missing makes the functions reading it false (or 0). */
export type FunctionScope = { readonly [S in keyof FunctionScopes]: FunctionScopes[S] | null };

type Values<P extends readonly ParamKind[]> = { -readonly [I in keyof P]: ParamValues[P[I]] };

/** With `rest`, the last parameter and any further arguments arrive as one (frozen) array. */
export type FunctionArgs<
  P extends readonly ParamKind[],
  Rest extends ParamKind | undefined,
> = Rest extends ParamKind
  ? P extends readonly [...infer Head extends readonly ParamKind[], ParamKind]
    ? [...Values<Head>, readonly ParamValues[Rest][]]
    : never
  : Values<P>;

/** One function of the expression language: everything the checker, the evaluator and the docs know of it. */
export interface FunctionDefinition<
  N extends string,
  P extends readonly ParamKind[],
  Rest extends ParamKind | undefined,
  R extends ResultType,
  S extends keyof FunctionScopes,
> {
  name: N;
  params: P;
  /** Accepts any number of further arguments of this kind after `params`. */
  rest?: Rest;
  returns: R;
  /** One line: the docs' function table shows it. */
  summary: string;
  /** What it reads. Without it (a report outside a repository; repository evidence) it is false, or 0. */
  reads: S;
  evaluate(scope: FunctionScopes[S], ...args: FunctionArgs<P, Rest>): ResultValues[R];
}

/** A function as the registry keeps it; `call` hands its arguments to `evaluate`. */
export interface DslFunction {
  readonly name: string;
  readonly params: readonly ParamKind[];
  readonly rest?: ParamKind;
  readonly returns: ResultType;
  readonly summary: string;
  readonly reads: keyof FunctionScopes;
  call(scope: FunctionScope, args: readonly ArgValue[]): boolean | number;
}

export function defineFunction<
  const N extends string,
  const P extends readonly ParamKind[],
  R extends ResultType,
  S extends keyof FunctionScopes,
  Rest extends ParamKind | undefined = undefined,
>(definition: FunctionDefinition<N, P, Rest, R, S>): FunctionDefinition<N, P, Rest, R, S> & DslFunction {
  const none = definition.returns === "number" ? 0 : false;
  return {
    ...definition,
    call(scope, args) {
      const read = scope[definition.reads];
      // The checker let through only arguments of the parameters' kinds, so they are the ones `evaluate` takes.
      return read === null ? none : definition.evaluate(read, ...(args as FunctionArgs<P, Rest>));
    },
  };
}

/** A function bound to one evaluation, as the evaluator calls it. */
type BoundFunction = (...args: readonly ArgValue[]) => boolean | number;

/** The functions an expression may call, by name, in the order the docs and error messages list them. */
export class FunctionRegistry {
  readonly names: readonly string[];
  private readonly byName: ReadonlyMap<string, DslFunction>;

  private constructor(readonly functions: readonly DslFunction[]) {
    this.byName = new Map(functions.map((f) => [f.name, f]));
    if (this.byName.size !== functions.length) throw new Error("Two expression functions share a name");
    this.names = Object.freeze(functions.map((f) => f.name));
  }

  /** The built-in functions; every other registry extends it, so an evaluation context always has them. */
  static builtin(functions: readonly DslFunction[]): FunctionRegistry {
    return new FunctionRegistry(functions);
  }

  /** This registry and more functions (a config or a test of its own). */
  with(...functions: readonly DslFunction[]): FunctionRegistry {
    return new FunctionRegistry([...this.functions, ...functions]);
  }

  get(name: string): DslFunction | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The names of the functions that read the repository. */
  readingRepository(): string[] {
    return this.functions.filter((f) => f.reads === "repository").map((f) => f.name);
  }

  /** Every function bound to one report (or repository), as the evaluator asks them. */
  context(scope: FunctionScope): EvalContext {
    const bound: Record<string, BoundFunction> = {};
    for (const f of this.functions) bound[f.name] = (...args) => f.call(scope, args);
    const answers = () => scope.report?.report.questions.map((q) => q.number) ?? [];
    // Built from a registry that extends the built-in one, so each built-in name is there with its arguments.
    return { ...bound, answers } as unknown as EvalContext;
  }
}

/** The function of a context by its name, which the checker found in the registry the context was made from. */
export function boundFunction(ctx: EvalContext, name: string): BoundFunction {
  return (ctx as unknown as Readonly<Record<string, BoundFunction>>)[name]!;
}

const PARAM_NOUNS: Record<ParamKind, string> = {
  checklist: "a checklist item",
  question: "a question",
  term: "a term",
  regex: "a regex",
  glob: "a glob",
};

/** `a question and a regex`, `a question and at least one term`: what the function's arguments are. */
export function describeParams(signature: Pick<DslFunction, "params" | "rest">): string {
  const nouns = signature.params.map((kind) => PARAM_NOUNS[kind]);
  if (signature.rest !== undefined) {
    nouns[nouns.length - 1] = `at least one ${signature.rest}`;
  }
  return nouns.length <= 1 ? (nouns[0] ?? "nothing") : `${nouns.slice(0, -1).join(", ")} and ${nouns.at(-1)}`;
}
