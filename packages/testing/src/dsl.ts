import {
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
  method: keyof EvalContext;
  args: unknown[];
}

/** What the fake context answers; anything not listed is false or 0. */
export interface Answers {
  checked?: Record<string, boolean>;
  unchecked?: Record<string, boolean>;
  answered?: Record<number, boolean>;
  words?: Record<number, number>;
  images?: Record<number, number>;
  mentions?: boolean;
  negated?: boolean;
  count?: number;
  matches?: boolean;
  ticked?: number;
  exists?: boolean;
  contains?: boolean;
  files?: number;
}

/** A fake EvalContext that records every call with its arguments. */
export function recordingContext(answers: Answers = {}): { ctx: EvalContext; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const record = <T>(method: keyof EvalContext, args: unknown[], result: T): T => {
    calls.push({ method, args });
    return result;
  };
  const ctx: EvalContext = {
    checked: (id) => record("checked", [id], answers.checked?.[id] ?? false),
    unchecked: (id) => record("unchecked", [id], answers.unchecked?.[id] ?? false),
    answered: (q) => record("answered", [q], answers.answered?.[q] ?? false),
    words: (q) => record("words", [q], answers.words?.[q] ?? 0),
    images: (q) => record("images", [q], answers.images?.[q] ?? 0),
    mentions: (q, terms) => record("mentions", [q, terms], answers.mentions ?? false),
    negated: (q, terms) => record("negated", [q, terms], answers.negated ?? false),
    count: (q, terms) => record("count", [q, terms], answers.count ?? 0),
    matches: (q, re) => record("matches", [q, re], answers.matches ?? false),
    ticked: () => record("ticked", [], answers.ticked ?? 0),
    answers: () => record("answers", [], []),
    exists: (glob) => record("exists", [glob], answers.exists ?? false),
    contains: (glob, re) => record("contains", [glob, re], answers.contains ?? false),
    files: (glob) => record("files", [glob], answers.files ?? 0),
  };
  return { ctx, calls };
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
