import type { Call, ChecklistRef, Comparison, Expr, Logical, QuestionRef, Range, Span } from "./ast.js";
import { builtinFunctions } from "./builtin-functions.js";
import { describeParams, type FunctionRegistry, type ParamKind } from "./functions.js";
import { closestMatch } from "./suggest.js";
import type { DslEnvironment, DslError } from "./types.js";

/** `invalid` marks a node whose error is already reported, so that one mistake yields one message. */
export type ValueType = "boolean" | "number" | "string" | "regex" | "question" | "checklist" | "invalid";

const TYPE_NAMES: Record<ValueType, string> = {
  boolean: "true/false",
  number: "a number",
  string: "a string",
  regex: "a regex",
  question: "a question reference",
  checklist: "a checklist item",
  invalid: "not valid",
};

const PARAM_NAMES: Record<ParamKind, string> = {
  checklist: "a checklist item",
  question: "a question reference",
  term: "a string or regex",
  regex: "a regex",
  glob: "a glob string",
};

const PARAM_ACCEPTS: Record<ParamKind, readonly ValueType[]> = {
  checklist: ["checklist"],
  question: ["question"],
  term: ["string", "regex"],
  regex: ["regex"],
  glob: ["string"],
};

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? "st"
      : n % 10 === 2 && n !== 12
        ? "nd"
        : n % 10 === 3 && n !== 13
          ? "rd"
          : "th";
  return `${n}${suffix}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** `q1 to q31`, or `q1 to q5 and q7 to q31` when some are missing. */
export function describeQuestions(questions: ReadonlySet<number>): string {
  const sorted = [...questions].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  sorted.forEach((n, i) => {
    const next = sorted[i + 1];
    if (next !== n + 1) {
      runs.push(start === n ? `q${n}` : `q${start} to q${n}`);
      start = next;
    }
  });
  return runs.length <= 1 ? (runs[0] ?? "") : `${runs.slice(0, -1).join(", ")} and ${runs.at(-1)}`;
}

/** Escapes a string so that it reads the same as a regex literal body. */
function asRegexLiteral(text: string): string {
  return `/${text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")}/`;
}

class Checker {
  readonly errors: DslError[] = [];

  private readonly functions: FunctionRegistry;

  constructor(
    private readonly source: string,
    private readonly env: DslEnvironment,
  ) {
    this.functions = env.functions ?? builtinFunctions;
  }

  private report(span: Span, message: string, suggestion?: string): void {
    this.errors.push(suggestion === undefined ? { message, ...span } : { message, ...span, suggestion });
  }

  private text(span: Span): string {
    return this.source.slice(span.offset, span.offset + span.length);
  }

  /** What a misplaced reference was probably meant to be, in a boolean or a numeric position. */
  private refSuggestion(node: Expr, want: "boolean" | "number"): string | undefined {
    if (node.kind === "checklist" && want === "boolean") return `checked(${node.id})`;
    if (node.kind === "question")
      return want === "boolean" ? `answered(${node.text})` : `words(${node.text})`;
    return undefined;
  }

  typeOf(node: Expr): ValueType {
    switch (node.kind) {
      case "number":
      case "string":
      case "regex":
      case "boolean":
        return node.kind;
      case "question":
        return this.question(node);
      case "checklist":
        return this.checklist(node);
      case "call":
        return this.call(node);
      case "not": {
        const operand = this.typeOf(node.operand);
        if (operand !== "boolean" && operand !== "invalid") {
          this.report(
            node.operand.span,
            `\`not\` needs true/false after it, but got ${TYPE_NAMES[operand]}`,
            this.refSuggestion(node.operand, "boolean"),
          );
        }
        return "boolean";
      }
      case "logical":
        return this.logical(node);
      case "comparison":
        return this.comparison(node);
      case "range":
        return this.range(node);
    }
  }

  private question(node: QuestionRef): ValueType {
    const canonical = `q${node.number}`;
    if (node.text !== canonical) {
      this.report(node.span, `Write question references without leading zeros: \`${canonical}\``, canonical);
      return "invalid";
    }
    if (!this.env.questions.has(node.number)) {
      const known =
        this.env.questions.size === 0
          ? "the template has no questions"
          : `the template has questions ${describeQuestions(this.env.questions)}`;
      this.report(node.span, `Unknown question \`${node.text}\`: ${known}`);
      return "invalid";
    }
    return "question";
  }

  private checklist(node: ChecklistRef): ValueType {
    if (this.env.checklistIds.has(node.id)) return "checklist";
    if (this.functions.has(node.id)) {
      this.report(node.span, `\`${node.id}\` is a function and needs its arguments in parentheses`);
      return "invalid";
    }
    const suggestion = closestMatch(node.id, [...this.env.checklistIds].sort());
    this.report(node.span, `Unknown checklist item \`${node.id}\``, suggestion);
    return "invalid";
  }

  private logical(node: Logical): ValueType {
    const sides = [
      ["left", node.left, this.typeOf(node.left)],
      ["right", node.right, this.typeOf(node.right)],
    ] as const;
    for (const [side, operand, type] of sides) {
      if (type !== "boolean" && type !== "invalid") {
        this.report(
          operand.span,
          `\`${node.operator}\` needs true/false on both sides, but its ${side} side is ${TYPE_NAMES[type]}`,
          this.refSuggestion(operand, "boolean"),
        );
      }
    }
    return "boolean";
  }

  private comparison(node: Comparison): ValueType {
    const left = this.typeOf(node.left);
    const right = this.typeOf(node.right);
    const equality = node.operator === "==" || node.operator === "!=";
    const allowed: readonly ValueType[] = equality ? ["number", "boolean"] : ["number"];
    const needs = equality ? "compares numbers or true/false values" : "needs numbers on both sides";
    let sidesOk = true;
    for (const [side, operand, type] of [
      ["left", node.left, left],
      ["right", node.right, right],
    ] as const) {
      if (type !== "invalid" && !allowed.includes(type)) {
        sidesOk = false;
        this.report(
          operand.span,
          `\`${node.operator}\` ${needs}, but its ${side} side is ${TYPE_NAMES[type]}`,
          this.refSuggestion(operand, "number"),
        );
      }
    }
    if (sidesOk && left !== "invalid" && right !== "invalid" && left !== right) {
      this.report(
        node.operatorSpan,
        `\`${node.operator}\` cannot compare ${TYPE_NAMES[left]} with ${TYPE_NAMES[right]}`,
      );
    }
    return "boolean";
  }

  private range(node: Range): ValueType {
    const value = this.typeOf(node.value);
    if (value !== "number" && value !== "invalid") {
      this.report(
        node.value.span,
        `\`in\` needs a number on its left side, but got ${TYPE_NAMES[value]}`,
        this.refSuggestion(node.value, "number"),
      );
    }
    let boundsOk = true;
    for (const [end, bound] of [
      ["lower", node.low],
      ["upper", node.high],
    ] as const) {
      const type = this.typeOf(bound);
      if (type !== "number") boundsOk = false;
      if (type !== "number" && type !== "invalid") {
        this.report(
          bound.span,
          `A range needs numbers at both ends, but its ${end} end is ${TYPE_NAMES[type]}`,
        );
      }
    }
    if (
      boundsOk &&
      node.low.kind === "number" &&
      node.high.kind === "number" &&
      node.low.value > node.high.value
    ) {
      const low = this.text(node.low.span);
      const high = this.text(node.high.span);
      this.report(
        {
          offset: node.low.span.offset,
          length: node.high.span.offset + node.high.span.length - node.low.span.offset,
        },
        `The range \`${low}..${high}\` is empty: its lower end is greater than its upper end`,
        `${high}..${low}`,
      );
    }
    return "boolean";
  }

  private call(node: Call): ValueType {
    const argTypes = node.args.map((arg) => this.typeOf(arg));
    const signature = this.functions.get(node.name);
    if (signature === undefined) {
      if (this.env.checklistIds.has(node.name)) {
        this.report(
          node.nameSpan,
          `\`${node.name}\` is a checklist item, not a function: write \`checked(${node.name})\``,
          `checked(${node.name})`,
        );
        return "invalid";
      }
      const suggestion = closestMatch(node.name, this.functions.names);
      const message =
        suggestion === undefined
          ? `Unknown function \`${node.name}\`; the functions are ${this.functions.names.join(", ")}`
          : `Unknown function \`${node.name}\``;
      this.report(node.nameSpan, message, suggestion);
      return "invalid";
    }
    const min = signature.params.length;
    const max = signature.rest === undefined ? min : Number.POSITIVE_INFINITY;
    const expects =
      max === 0
        ? "no arguments"
        : `${signature.rest === undefined ? "" : "at least "}${plural(min, "argument")} (${describeParams(signature)})`;
    if (node.args.length < min) {
      const got = node.args.length === 0 ? "none" : String(node.args.length);
      this.report(node.nameSpan, `\`${node.name}\` needs ${expects}, but got ${got}`);
    } else if (node.args.length > max) {
      this.report(node.args[max]!.span, `\`${node.name}\` takes ${expects}, but got ${node.args.length}`);
    }
    const single = min === 1 && max === 1;
    node.args.forEach((arg, i) => {
      const kind = signature.params[i] ?? signature.rest;
      const type = argTypes[i]!;
      if (kind === undefined || type === "invalid" || PARAM_ACCEPTS[kind].includes(type)) return;
      const position = single ? "its argument" : `its ${ordinal(i + 1)} argument`;
      const suggestion = kind === "regex" && arg.kind === "string" ? asRegexLiteral(arg.value) : undefined;
      this.report(
        arg.span,
        `\`${node.name}\` needs ${PARAM_NAMES[kind]} as ${position}, but got ${TYPE_NAMES[type]}`,
        suggestion,
      );
    });
    return signature.returns;
  }
}

/** Type-checks a parsed expression against the environment; returns every error found, in source order. */
export function checkExpression(ast: Expr, source: string, env: DslEnvironment): DslError[] {
  const checker = new Checker(source, env);
  const type = checker.typeOf(ast);
  if (type !== "boolean" && type !== "invalid") {
    const suggestion =
      ast.kind === "checklist"
        ? `checked(${ast.id})`
        : ast.kind === "question"
          ? `answered(${ast.text})`
          : undefined;
    checker.errors.push({
      message: `The expression must be true/false, but it is ${TYPE_NAMES[type]}`,
      ...ast.span,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
  return checker.errors;
}
