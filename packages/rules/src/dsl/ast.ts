/** A stretch of the source string. */
export interface Span {
  offset: number;
  length: number;
}

export type LogicalOperator = "and" | "or" | "implies";
export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

export interface NumberLiteral {
  kind: "number";
  value: number;
  span: Span;
}

export interface StringLiteral {
  kind: "string";
  /** The text with escapes resolved. */
  value: string;
  span: Span;
}

export interface RegexLiteral {
  kind: "regex";
  /** The text between the slashes, as written. */
  pattern: string;
  flags: string;
  span: Span;
}

export interface BooleanLiteral {
  kind: "boolean";
  value: boolean;
  span: Span;
}

export interface QuestionRef {
  kind: "question";
  number: number;
  /** As written, e.g. `q7`; kept to report `q07`. */
  text: string;
  span: Span;
}

export interface ChecklistRef {
  kind: "checklist";
  id: string;
  span: Span;
}

export interface Call {
  kind: "call";
  name: string;
  nameSpan: Span;
  args: Expr[];
  /** From the name to the closing parenthesis. */
  span: Span;
}

export interface Not {
  kind: "not";
  operand: Expr;
  operatorSpan: Span;
  span: Span;
}

export interface Logical {
  kind: "logical";
  operator: LogicalOperator;
  left: Expr;
  right: Expr;
  operatorSpan: Span;
  span: Span;
}

export interface Comparison {
  kind: "comparison";
  operator: ComparisonOperator;
  left: Expr;
  right: Expr;
  operatorSpan: Span;
  span: Span;
}

/** `value in low..high`, inclusive at both ends. */
export interface Range {
  kind: "range";
  value: Expr;
  low: Expr;
  high: Expr;
  operatorSpan: Span;
  span: Span;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | RegexLiteral
  | BooleanLiteral
  | QuestionRef
  | ChecklistRef
  | Call
  | Not
  | Logical
  | Comparison
  | Range;

/** The span from the start of `first` to the end of `last`. */
export function joinSpans(first: Span, last: Span): Span {
  return { offset: first.offset, length: last.offset + last.length - first.offset };
}
