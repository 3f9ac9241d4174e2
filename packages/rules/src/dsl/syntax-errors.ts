import { EOF, type IRecognitionException, type IToken, type TokenType, tokenMatcher } from "chevrotain";
import { tokenSpan } from "./parser.js";
import { dslTokens } from "./tokens.js";
import type { DslError } from "./types.js";

function is(token: IToken | undefined, ...types: TokenType[]): boolean {
  return token !== undefined && types.some((type) => tokenMatcher(token, type));
}

function quote(token: IToken): string {
  return `\`${token.image}\``;
}

function at(token: IToken, message: string): DslError {
  return { message, ...tokenSpan(token) };
}

/** True when `index` follows a comparison at the same nesting level, e.g. the second `<` of `a < b < c`. */
function followsComparison(tokens: readonly IToken[], index: number): boolean {
  const t = dslTokens();
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (is(token, t.RParen)) {
      depth++;
    } else if (is(token, t.LParen)) {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      if (is(token, t.ComparisonOperator, t.In)) return true;
      if (is(token, t.And, t.Or, t.Implies, t.Not, t.Comma)) return false;
    }
  }
  return false;
}

/** The innermost `(` still open before `index`. */
function unclosedParen(tokens: readonly IToken[], index: number): IToken | undefined {
  const t = dslTokens();
  const open: IToken[] = [];
  for (const token of tokens.slice(0, index)) {
    if (is(token, t.LParen)) open.push(token);
    else if (is(token, t.RParen)) open.pop();
  }
  return open.at(-1);
}

/** Where the parser was when it met a token that cannot continue the expression. */
type Place = "call" | "parenthesized" | "top";

const EXPECTED_IN: Record<Place, string> = {
  call: "`,` or `)`",
  parenthesized: "an operator or `)`",
  top: "an operator or the end of the expression",
};

/** A token found where the expression, a call's arguments or a parenthesis should have continued differently. */
function unexpected(
  tokens: readonly IToken[],
  index: number,
  found: IToken,
  previous: IToken,
  place: Place,
): DslError {
  const t = dslTokens();
  if (is(found, t.ComparisonOperator, t.In) && followsComparison(tokens, index)) {
    return at(found, "Comparisons cannot be chained; join two comparisons with `and`");
  }
  if (
    is(found, t.LParen) &&
    is(previous, t.QuestionRef, t.NumberLiteral, t.StringLiteral, t.RegexLiteral, t.True, t.False)
  ) {
    return at(previous, `${quote(previous)} is not a function, so it cannot be followed by \`(\``);
  }
  if (is(found, t.RParen) && place === "top") {
    return at(found, "Unexpected `)`: there is no `(` to close");
  }
  return at(found, `Expected ${EXPECTED_IN[place]} after ${quote(previous)}, but found ${quote(found)}`);
}

function expectedExpression(tokens: readonly IToken[], index: number): DslError {
  const t = dslTokens();
  const found = tokens[index];
  const previous = tokens[index - 1];
  if (found === undefined) {
    // The caller rules out empty expressions, so an expression ending early always has a last token.
    return at(previous!, `Expected an expression after ${quote(previous!)}, but the expression ends here`);
  }
  if (is(found, t.And, t.Or, t.Implies, t.In) && is(tokens[index + 1], t.LParen)) {
    return at(found, `${quote(found)} is an operator, not a function: write \`a ${found.image} b\``);
  }
  if (previous === undefined) {
    return at(found, `Expected an expression, but found ${quote(found)}`);
  }
  return at(found, `Expected an expression after ${quote(previous)}, but found ${quote(found)}`);
}

/** Turns chevrotain's first recognition exception into a message for people who write configs. */
export function describeSyntaxError(error: IRecognitionException, tokens: readonly IToken[]): DslError {
  const atEnd = tokenMatcher(error.token, EOF);
  const found = atEnd ? tokens.length : tokens.indexOf(error.token);
  const index = found === -1 ? tokens.length : found;
  const token = tokens[index];
  const previous = tokens[index - 1];
  const rule = error.context.ruleStack.at(-1);

  if (error.name === "NoViableAltException") {
    return expectedExpression(tokens, index);
  }
  if (error.name === "MismatchedTokenException" && previous !== undefined) {
    if (rule === "range") {
      const ending = token === undefined ? "the expression ends here" : `found ${quote(token)}`;
      return at(
        token ?? previous,
        `A range is written \`A..B\`: expected \`..\` after ${quote(previous)}, but ${ending}`,
      );
    }
    if (rule === "call" || rule === "parenthesized") {
      const open = unclosedParen(tokens, index);
      if (token === undefined && open !== undefined) {
        return at(open, "This `(` is never closed: add a `)`");
      }
      if (token !== undefined) {
        return unexpected(tokens, index, token, previous, rule);
      }
    }
  }
  if (error.name === "NotAllInputParsedException" && token !== undefined && previous !== undefined) {
    return unexpected(tokens, index, token, previous, "top");
  }
  // Not reached with this grammar; kept so that a grammar change still yields a located error.
  const fallback = token ?? previous;
  return fallback === undefined
    ? { message: "The expression could not be read", offset: 0, length: 0 }
    : at(fallback, `Unexpected ${quote(fallback)}`);
}
