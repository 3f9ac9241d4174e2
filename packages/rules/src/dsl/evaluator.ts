import { type RegExpFactory, RegExpNotLinear } from "../linear-regexp.js";
import type { Call, Expr } from "./ast.js";
import { FUNCTIONS, isFunctionName } from "./functions.js";
import type { EvalContext, Term } from "./types.js";

type Eval<T> = (ctx: EvalContext) => T;

/**
 * Turns a type-checked expression into closures. Literals, term lists and regexes are built once here,
 * not on every evaluation. Only call this on an AST that `checkExpression` accepted: the checker is what
 * guarantees that each node has the type asked for below.
 */
export function compileBoolean(node: Expr, regExp: RegExpFactory): Eval<boolean> {
  switch (node.kind) {
    case "boolean": {
      const value = node.value;
      return () => value;
    }
    case "not": {
      const operand = compileBoolean(node.operand, regExp);
      return (ctx) => !operand(ctx);
    }
    case "logical": {
      const left = compileBoolean(node.left, regExp);
      const right = compileBoolean(node.right, regExp);
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
      const left = compileScalar(node.left, regExp);
      const right = compileScalar(node.right, regExp);
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
      const value = compileNumber(node.value, regExp);
      const low = compileNumber(node.low, regExp);
      const high = compileNumber(node.high, regExp);
      return (ctx) => {
        const v = value(ctx);
        return low(ctx) <= v && v <= high(ctx);
      };
    }
    case "call":
      return compileBooleanCall(node, regExp);
  }
  throw new Error(`Not a boolean expression: ${node.kind}`);
}

export function compileNumber(node: Expr, regExp: RegExpFactory): Eval<number> {
  if (node.kind === "number") {
    const value = node.value;
    return () => value;
  }
  if (node.kind === "call") {
    switch (node.name) {
      case "words": {
        const q = questionArg(node, 0);
        return (ctx) => ctx.words(q);
      }
      case "images": {
        const q = questionArg(node, 0);
        return (ctx) => ctx.images(q);
      }
      case "count": {
        const q = questionArg(node, 0);
        const terms = termArgs(node, regExp);
        return (ctx) => ctx.count(q, terms);
      }
      case "ticked":
        return (ctx) => ctx.ticked();
      case "files": {
        const glob = stringArg(node, 0);
        return (ctx) => ctx.files(glob);
      }
    }
  }
  throw new Error(`Not a numeric expression: ${node.kind}`);
}

/** A comparison side: the checker allows numbers and booleans, never mixed. */
function compileScalar(node: Expr, regExp: RegExpFactory): Eval<number | boolean> {
  const numeric =
    node.kind === "number" ||
    (node.kind === "call" && isFunctionName(node.name) && FUNCTIONS[node.name].returns === "number");
  if (numeric) {
    return compileNumber(node, regExp);
  }
  return compileBoolean(node, regExp);
}

function compileBooleanCall(node: Call, regExp: RegExpFactory): Eval<boolean> {
  switch (node.name) {
    case "checked": {
      const id = checklistArg(node);
      return (ctx) => ctx.checked(id);
    }
    case "unchecked": {
      const id = checklistArg(node);
      return (ctx) => ctx.unchecked(id);
    }
    case "answered": {
      const q = questionArg(node, 0);
      return (ctx) => ctx.answered(q);
    }
    case "mentions": {
      const q = questionArg(node, 0);
      const terms = termArgs(node, regExp);
      return (ctx) => ctx.mentions(q, terms);
    }
    case "negated": {
      const q = questionArg(node, 0);
      const terms = termArgs(node, regExp);
      return (ctx) => ctx.negated(q, terms);
    }
    case "exists": {
      const glob = stringArg(node, 0);
      return (ctx) => ctx.exists(glob);
    }
    case "contains": {
      const glob = stringArg(node, 0);
      const re = toTerm(node.args[1]!, regExp);
      if (typeof re === "string") break;
      return (ctx) => ctx.contains(glob, re);
    }
    case "matches": {
      const q = questionArg(node, 0);
      const re = toTerm(node.args[1]!, regExp);
      if (typeof re === "string") break;
      return (ctx) => ctx.matches(q, re);
    }
  }
  throw new Error(`Not a boolean function: ${node.name}`);
}

function questionArg(node: Call, index: number): number {
  const arg = node.args[index];
  if (arg?.kind !== "question") throw new Error(`${node.name} needs a question`);
  return arg.number;
}

function stringArg(node: Call, index: number): string {
  const arg = node.args[index];
  if (arg?.kind !== "string") throw new Error(`${node.name} needs a string`);
  return arg.value;
}

function checklistArg(node: Call): string {
  const arg = node.args[0];
  if (arg?.kind !== "checklist") throw new Error(`${node.name} needs a checklist item`);
  return arg.id;
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

/** The terms after the question, frozen because the same array is handed to every evaluation. */
function termArgs(node: Call, regExp: RegExpFactory): readonly Term[] {
  return Object.freeze(node.args.slice(1).map((arg) => toTerm(arg, regExp)));
}
