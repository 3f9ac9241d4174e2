import { type RegExpFactory, RegExpNotLinear } from "../linear-regexp.js";
import type { Call, Expr } from "./ast.js";
import {
  type ArgValue,
  boundFunction,
  type DslFunction,
  type FunctionRegistry,
  type ParamKind,
  type ParamValues,
} from "./functions.js";
import type { EvalContext, Term } from "./types.js";

type Eval<T> = (ctx: EvalContext) => T;

/** What compiling needs besides the tree: how regex literals are made, and the functions calls name. */
export interface Compiling {
  regExp: RegExpFactory;
  functions: FunctionRegistry;
}

/**
 * Turns a type-checked expression into closures. Literals, term lists and regexes are built once here,
 * not on every evaluation. Only call this on an AST that `checkExpression` accepted: the checker is what
 * guarantees that each node has the type asked for below.
 */
export function compileBoolean(node: Expr, how: Compiling): Eval<boolean> {
  switch (node.kind) {
    case "boolean": {
      const value = node.value;
      return () => value;
    }
    case "not": {
      const operand = compileBoolean(node.operand, how);
      return (ctx) => !operand(ctx);
    }
    case "logical": {
      const left = compileBoolean(node.left, how);
      const right = compileBoolean(node.right, how);
      // Short-circuit, so that the right side of `implies` is not asked about when the left is false.
      switch (node.operator) {
        case "and":
          return (ctx) => left(ctx) && right(ctx);
        case "or":
          return (ctx) => left(ctx) || right(ctx);
        case "implies":
          return (ctx) => !left(ctx) || right(ctx);
      }
      break;
    }
    case "comparison": {
      const left = compileScalar(node.left, how);
      const right = compileScalar(node.right, how);
      switch (node.operator) {
        case "==":
          return (ctx) => left(ctx) === right(ctx);
        case "!=":
          return (ctx) => left(ctx) !== right(ctx);
        case "<":
          return (ctx) => left(ctx) < right(ctx);
        case "<=":
          return (ctx) => left(ctx) <= right(ctx);
        case ">":
          return (ctx) => left(ctx) > right(ctx);
        case ">=":
          return (ctx) => left(ctx) >= right(ctx);
      }
      break;
    }
    case "range": {
      const value = compileNumber(node.value, how);
      const low = compileNumber(node.low, how);
      const high = compileNumber(node.high, how);
      return (ctx) => {
        const v = value(ctx);
        return low(ctx) <= v && v <= high(ctx);
      };
    }
    case "call":
      return compileBooleanCall(node, how);
  }
  throw new Error(`Not a boolean expression: ${node.kind}`);
}

export function compileNumber(node: Expr, how: Compiling): Eval<number> {
  if (node.kind === "number") {
    const value = node.value;
    return () => value;
  }
  if (node.kind === "call" && functionOf(node, how).returns === "number") {
    return compileCall(node, how) as Eval<number>;
  }
  throw new Error(`Not a numeric expression: ${node.kind}`);
}

/** A comparison side: the checker allows numbers and booleans, never mixed. */
function compileScalar(node: Expr, how: Compiling): Eval<number | boolean> {
  const numeric =
    node.kind === "number" || (node.kind === "call" && functionOf(node, how).returns === "number");
  if (numeric) {
    return compileNumber(node, how);
  }
  return compileBoolean(node, how);
}

function compileBooleanCall(node: Call, how: Compiling): Eval<boolean> {
  if (functionOf(node, how).returns !== "boolean") throw new Error(`Not a boolean function: ${node.name}`);
  return compileCall(node, how) as Eval<boolean>;
}

function functionOf(node: Call, how: Compiling): DslFunction {
  const f = how.functions.get(node.name);
  if (!f) throw new Error(`Not a function: ${node.name}`);
  return f;
}

/**
 * A call whose return type the caller checked: the arguments are prepared once, the parameter with `rest` and the
 * arguments after it gathered into one frozen array, because the same one is handed to every evaluation.
 */
function compileCall(node: Call, how: Compiling): Eval<boolean | number> {
  const f = functionOf(node, how);
  const single = f.rest === undefined ? f.params.length : f.params.length - 1;
  const args: ArgValue[] = node.args
    .slice(0, single)
    .map((arg, i) => argValue(node, arg, f.params[i]!, how.regExp));
  if (f.rest !== undefined) {
    const rest = node.args
      .slice(single)
      .map((arg, i) => argValue(node, arg, f.params[single + i] ?? f.rest!, how.regExp));
    args.push(Object.freeze(rest));
  }
  const name = node.name;
  return (ctx) => boundFunction(ctx, name)(...args);
}

function argValue(node: Call, arg: Expr, kind: ParamKind, regExp: RegExpFactory): ParamValues[ParamKind] {
  switch (kind) {
    case "checklist":
      if (arg.kind === "checklist") return arg.id;
      break;
    case "question":
      if (arg.kind === "question") return arg.number;
      break;
    case "glob":
      if (arg.kind === "string") return arg.value;
      break;
    case "term":
      return toTerm(arg, regExp);
    case "regex": {
      const re = toTerm(arg, regExp);
      if (typeof re !== "string") return re;
      break;
    }
  }
  throw new Error(`${node.name} needs ${kind}`);
}

function toTerm(arg: Expr, regExp: RegExpFactory): Term {
  if (arg.kind === "string") return arg.value;
  if (arg.kind === "regex") {
    try {
      return regExp(arg.pattern, arg.flags);
    } catch (error) {
      if (error instanceof RegExpNotLinear) error.span = arg.span;
      throw error;
    }
  }
  throw new Error(`Not a term: ${arg.kind}`);
}
