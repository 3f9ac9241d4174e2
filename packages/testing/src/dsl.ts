import {
  builtinFunctions,
  type CompiledExpression,
  compileExpression,
  type DslEnvironment,
  type DslError,
  type EvalContext,
} from "@mlops-report/rules";

/** Questions q1 to q31 and a handful of checklist ids, like a recent report template. */
export const ENV: DslEnvironment = {
  questions: new Set(Array.from({ length: 31 }, (_, i) => i + 1)),
  checklistIds: new Set(["dvc", "git", "pre-commit", "unit-tests-data", "unit-tests-model", "docker"]),
};

export interface RecordedCall {
  method: string;
  args: unknown[];
}

/** A function's answer: one value, or a value per first argument (a checklist id or a question number). */
type Answer = boolean | number | Readonly<Record<string | number, boolean | number>>;

/** What the fake context answers, by function name; anything not listed is false or 0. */
export type Answers = Readonly<Record<string, Answer>>;

/** A fake EvalContext, with every built-in function, that records every call with its arguments. */
export function recordingContext(answers: Answers = {}): { ctx: EvalContext; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const ctx: Record<string, (...args: unknown[]) => unknown> = {
    answers: () => {
      calls.push({ method: "answers", args: [] });
      return [];
    },
  };
  for (const f of builtinFunctions.functions) {
    ctx[f.name] = (...args) => {
      calls.push({ method: f.name, args });
      const answer = answers[f.name];
      const value = typeof answer === "object" ? answer[String(args[0])] : answer;
      return value ?? (f.returns === "number" ? 0 : false);
    };
  }
  return { ctx: ctx as unknown as EvalContext, calls };
}

/** Compiles against ENV and fails loudly with the errors when the source does not compile. */
export function compiled(source: string, env: DslEnvironment = ENV): CompiledExpression {
  const result = compileExpression(source, env);
  if (!result.ok) throw new Error(`${source}: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.expression;
}

/** The errors of a source that must not compile. */
export function errorsOf(source: string, env: DslEnvironment = ENV): DslError[] {
  const result = compileExpression(source, env);
  if (result.ok) throw new Error(`${source} compiled, but errors were expected`);
  return result.errors;
}

/** Evaluates with a context that must not be consulted (for literal-only expressions). */
export const NO_CONTEXT: EvalContext = new Proxy({} as EvalContext, {
  get(_target, name) {
    return () => {
      throw new Error(`context.${String(name)} was called`);
    };
  },
});
