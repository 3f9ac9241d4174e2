import { EmbeddedActionsParser, type IRecognitionException, type IToken } from "chevrotain";
import {
  type Call,
  type ComparisonOperator as ComparisonOperatorText,
  type Expr,
  joinSpans,
  type LogicalOperator,
  type Span,
} from "./ast.js";
import { decodeString, splitRegex } from "./literals.js";
import { type DslTokens, dslTokens } from "./tokens.js";

export function tokenSpan(token: IToken): Span {
  return { offset: token.startOffset, length: token.image.length };
}

function logical(operator: LogicalOperator, token: IToken, left: Expr, right: Expr): Expr {
  return {
    kind: "logical",
    operator,
    left,
    right,
    operatorSpan: tokenSpan(token),
    span: joinSpans(left.span, right.span),
  };
}

/** What `parseTokens` uses of the parser. */
interface ExpressionParser {
  input: IToken[];
  readonly errors: IRecognitionException[];
  expression(): Expr;
}

/**
 * expression  = implication
 * implication = disjunction [ "implies" implication ]      (right-associative)
 * disjunction = conjunction { "or" conjunction }
 * conjunction = negation { "and" negation }
 * negation    = "not" negation | comparison
 * comparison  = primary [ compare-op primary | "in" primary ".." primary ]
 * primary     = number | string | regex | "true" | "false" | question | call-or-id | "(" expression ")"
 *
 * The rule names below are what syntax-errors.ts sees in an exception's rule stack. The class is defined on
 * first use: extending chevrotain's parser class as this module loads would load chevrotain with it.
 */
function createExpressionParser(t: DslTokens): ExpressionParser {
  class Grammar extends EmbeddedActionsParser {
    constructor() {
      super(t.parserTokens, { recoveryEnabled: false, maxLookahead: 2 });
      this.performSelfAnalysis();
    }

    expression = this.RULE("expression", (): Expr => this.SUBRULE(this.implication));

    implication = this.RULE("implication", (): Expr => {
      let result = this.SUBRULE(this.disjunction);
      this.OPTION(() => {
        const operator = this.CONSUME(t.Implies);
        const right = this.SUBRULE(this.implication);
        result = this.ACTION(() => logical("implies", operator, result, right));
      });
      return result;
    });

    disjunction = this.RULE("disjunction", (): Expr => {
      let result = this.SUBRULE(this.conjunction);
      this.MANY(() => {
        const operator = this.CONSUME(t.Or);
        const right = this.SUBRULE2(this.conjunction);
        result = this.ACTION(() => logical("or", operator, result, right));
      });
      return result;
    });

    conjunction = this.RULE("conjunction", (): Expr => {
      let result = this.SUBRULE(this.negation);
      this.MANY(() => {
        const operator = this.CONSUME(t.And);
        const right = this.SUBRULE2(this.negation);
        result = this.ACTION(() => logical("and", operator, result, right));
      });
      return result;
    });

    negation = this.RULE(
      "negation",
      (): Expr =>
        this.OR([
          {
            ALT: () => {
              const operator = this.CONSUME(t.Not);
              const operand = this.SUBRULE(this.negation);
              return this.ACTION(
                (): Expr => ({
                  kind: "not",
                  operand,
                  operatorSpan: tokenSpan(operator),
                  span: joinSpans(tokenSpan(operator), operand.span),
                }),
              );
            },
          },
          { ALT: () => this.SUBRULE(this.comparison) },
        ]),
    );

    comparison = this.RULE("comparison", (): Expr => {
      let result = this.SUBRULE(this.primary);
      this.OPTION(() => {
        this.OR([
          {
            ALT: () => {
              const operator = this.CONSUME(t.ComparisonOperator);
              const right = this.SUBRULE2(this.primary);
              result = this.ACTION(() => ({
                kind: "comparison",
                operator: operator.image as ComparisonOperatorText,
                left: result,
                right,
                operatorSpan: tokenSpan(operator),
                span: joinSpans(result.span, right.span),
              }));
            },
          },
          { ALT: () => (result = this.SUBRULE(this.range, { ARGS: [result] })) },
        ]);
      });
      return result;
    });

    range = this.RULE("range", (value?: Expr): Expr => {
      const operator = this.CONSUME(t.In);
      const low = this.SUBRULE(this.primary);
      this.CONSUME(t.DotDot);
      const high = this.SUBRULE2(this.primary);
      return this.ACTION(() => ({
        kind: "range",
        value: value!,
        low,
        high,
        operatorSpan: tokenSpan(operator),
        span: joinSpans(value!.span, high.span),
      }));
    });

    primary = this.RULE(
      "primary",
      (): Expr =>
        this.OR([
          {
            ALT: () => {
              const token = this.CONSUME(t.NumberLiteral);
              return { kind: "number", value: Number(token.image), span: tokenSpan(token) };
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(t.StringLiteral);
              return this.ACTION(() => ({
                kind: "string",
                value: decodeString(token.image).value,
                span: tokenSpan(token),
              }));
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(t.RegexLiteral);
              return this.ACTION(() => {
                const { pattern, flags } = splitRegex(token.image);
                return { kind: "regex", pattern, flags, span: tokenSpan(token) };
              });
            },
          },
          { ALT: () => this.bool(this.CONSUME(t.True), true) },
          { ALT: () => this.bool(this.CONSUME(t.False), false) },
          {
            ALT: () => {
              const token = this.CONSUME(t.QuestionRef);
              return this.ACTION(() => ({
                kind: "question",
                number: Number.parseInt(token.image.slice(1), 10),
                text: token.image,
                span: tokenSpan(token),
              }));
            },
          },
          { ALT: () => this.SUBRULE(this.callOrChecklist) },
          { ALT: () => this.SUBRULE(this.parenthesized) },
        ]),
    );

    /** A name followed by `(` is a call; otherwise it is a checklist id. */
    callOrChecklist = this.RULE("callOrChecklist", (): Expr => {
      const name = this.CONSUME(t.Identifier);
      let result: Expr = { kind: "checklist", id: name.image, span: tokenSpan(name) };
      this.OPTION(() => {
        result = this.SUBRULE(this.call, { ARGS: [name] });
      });
      return result;
    });

    call = this.RULE("call", (name?: IToken): Call => {
      this.CONSUME(t.LParen);
      const args: Expr[] = [];
      this.MANY_SEP({ SEP: t.Comma, DEF: () => args.push(this.SUBRULE(this.expression)) });
      const close = this.CONSUME(t.RParen);
      return this.ACTION(() => ({
        kind: "call",
        name: name!.image,
        nameSpan: tokenSpan(name!),
        args,
        span: joinSpans(tokenSpan(name!), tokenSpan(close)),
      }));
    });

    parenthesized = this.RULE("parenthesized", (): Expr => {
      this.CONSUME(t.LParen);
      const inner = this.SUBRULE(this.expression);
      this.CONSUME(t.RParen);
      return inner;
    });

    private bool(token: IToken, value: boolean): Expr {
      return { kind: "boolean", value, span: tokenSpan(token) };
    }
  }
  return new Grammar();
}

let parser: ExpressionParser | undefined;
let built = 0;

/** How many expression parsers this process built: one at most, and none when no config needs one. */
export function expressionParsersBuilt(): number {
  return built;
}

/** The parser, built on first use: building one analyses the grammar, which a run without expressions skips. */
function expressionParser(): ExpressionParser {
  if (!parser) {
    parser = createExpressionParser(dslTokens());
    built++;
  }
  return parser;
}

export type ParseOutcome = { ok: true; ast: Expr } | { ok: false; error: IRecognitionException };

/** Parses a non-empty token stream; stops at the first syntax error. */
export function parseTokens(tokens: IToken[]): ParseOutcome {
  const parser = expressionParser();
  parser.input = tokens;
  const ast = parser.expression();
  const error = parser.errors[0];
  return error === undefined ? { ok: true, ast } : { ok: false, error };
}
