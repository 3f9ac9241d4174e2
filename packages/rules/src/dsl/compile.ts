import type { IToken } from "chevrotain";
import { nativeRegExp, RegExpNotLinear } from "../linear-regexp.js";
import type { Expr } from "./ast.js";
import { builtinFunctions } from "./builtin-functions.js";
import { checkExpression } from "./checker.js";
import { compileBoolean } from "./evaluator.js";
import type { FunctionRegistry } from "./functions.js";
import { scan } from "./lexer.js";
import { parseTokens } from "./parser.js";
import { collectReferences } from "./references.js";
import { describeSyntaxError } from "./syntax-errors.js";
import { dslTokens } from "./tokens.js";
import type { CompiledExpression, CompileResult, DslEnvironment, DslError } from "./types.js";

/** Far beyond any real rule; keeps the recursive parser, checker and evaluator clear of the stack limit. */
export const MAX_TOKENS = 400;
export const MAX_NESTING = 32;

export type ParseResult = { ok: true; ast: Expr } | { ok: false; errors: DslError[] };

function bySourceOrder(errors: DslError[]): DslError[] {
  return errors.sort((a, b) => a.offset - b.offset);
}

function limitError(tokens: readonly IToken[]): DslError | undefined {
  if (tokens.length > MAX_TOKENS) {
    const first = tokens[MAX_TOKENS]!;
    return {
      message: `The expression is too long (more than ${MAX_TOKENS} tokens); split it into several rules`,
      offset: first.startOffset,
      length: first.image.length,
    };
  }
  const { LParen, RParen } = dslTokens();
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === LParen) depth++;
    else if (token.tokenType === RParen) depth--;
    if (depth > MAX_NESTING) {
      return {
        message: `Parentheses are nested too deeply (more than ${MAX_NESTING} levels)`,
        offset: token.startOffset,
        length: 1,
      };
    }
  }
  return undefined;
}

interface Reading {
  /** Present when the tokens parsed, even if a literal inside them is faulty. */
  ast: Expr | undefined;
  errors: DslError[];
}

/**
 * Lexical errors are all reported; parsing stops at the first syntax error. Errors inside literals
 * (a bad escape, regex flag or regex body) do not stop it, so the checker can report alongside them.
 */
function read(source: string): Reading {
  const scanned = scan(source);
  if (scanned.fatal.length > 0) {
    return { ast: undefined, errors: bySourceOrder([...scanned.fatal, ...scanned.literal]) };
  }
  if (scanned.tokens.length === 0) {
    return { ast: undefined, errors: [{ message: "The expression is empty", offset: 0, length: 0 }] };
  }
  const tooBig = limitError(scanned.tokens);
  if (tooBig !== undefined) {
    return { ast: undefined, errors: bySourceOrder([...scanned.literal, tooBig]) };
  }
  const parsed = parseTokens(scanned.tokens);
  if (!parsed.ok) {
    const syntaxError = describeSyntaxError(parsed.error, scanned.tokens);
    return { ast: undefined, errors: bySourceOrder([...scanned.literal, syntaxError]) };
  }
  return { ast: parsed.ast, errors: scanned.literal };
}

/** Reads an expression into its syntax tree, without type checking. */
export function parseExpression(source: string): ParseResult {
  const { ast, errors } = read(source);
  return ast !== undefined && errors.length === 0 ? { ok: true, ast } : { ok: false, errors };
}

/** Whether a tree calls a function that reads the repository. */
export function callsRepository(ast: Expr, functions: FunctionRegistry = builtinFunctions): boolean {
  const calls = (node: Expr) => callsRepository(node, functions);
  switch (ast.kind) {
    case "call":
      return functions.get(ast.name)?.reads === "repository" || ast.args.some(calls);
    case "not":
      return calls(ast.operand);
    case "logical":
    case "comparison":
      return calls(ast.left) || calls(ast.right);
    case "range":
      return calls(ast.value) || calls(ast.low) || calls(ast.high);
    default:
      return false;
  }
}

/** Parses, type-checks and prepares an expression whose value must be true/false. */
export function compileExpression(source: string, env: DslEnvironment): CompileResult {
  const { ast, errors: readErrors } = read(source);
  if (ast === undefined) return { ok: false, errors: readErrors };
  const errors = bySourceOrder([...readErrors, ...checkExpression(ast, source, env)]);
  if (errors.length > 0) return { ok: false, errors };
  try {
    return {
      ok: true,
      expression: compiledFromAst(source, ast, env.regExp ?? nativeRegExp, env.functions ?? builtinFunctions),
    };
  } catch (error) {
    if (!(error instanceof RegExpNotLinear) || !error.span) throw error;
    const message = `This regex cannot be matched in linear time (${error.message}): a config found in a linted repository may not use lookaround or back-references`;
    return { ok: false, errors: [{ message, ...error.span }] };
  }
}

/** An expression ready to evaluate from a syntax tree that was already checked (a compiled preset's). */
export function compiledFromAst(
  source: string,
  ast: Expr,
  regExp = nativeRegExp,
  functions = builtinFunctions,
): CompiledExpression {
  return {
    source,
    references: Object.freeze(collectReferences(ast)),
    usesRepository: callsRepository(ast, functions),
    evaluate: compileBoolean(ast, { regExp, functions }),
  };
}
