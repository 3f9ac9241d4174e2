import { createToken, type IToken, Lexer, type TokenType } from "chevrotain";
import { isFunctionName } from "./functions.js";
import { regexProblems, stringProblems } from "./literals.js";
import type { DslError } from "./types.js";

/** Anything that looks like a name but breaks the naming rules (upper case, `_`, a dangling `-`). */
export const InvalidWord = createToken({ name: "InvalidWord", pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/,
  longer_alt: InvalidWord,
});

function keyword(word: string): TokenType {
  return createToken({ name: word, pattern: new RegExp(word), longer_alt: [Identifier, InvalidWord] });
}

export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const Implies = keyword("implies");
export const In = keyword("in");
export const True = keyword("true");
export const False = keyword("false");
export const KEYWORDS = ["and", "or", "not", "implies", "in", "true", "false"] as const;

export const QuestionRef = createToken({
  name: "QuestionRef",
  pattern: /q[0-9]+/,
  longer_alt: [Identifier, InvalidWord],
});

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'/,
});
/** Tried after StringLiteral fails: a quote that is never closed on its line. */
export const UnclosedString = createToken({ name: "UnclosedString", pattern: /["'][^\r\n]*/ });

export const RegexLiteral = createToken({
  name: "RegexLiteral",
  // A `/` inside a character class does not end the regex, as in JavaScript.
  pattern: /\/(?:[^/\\\r\n[]|\\.|\[(?:[^\]\\\r\n]|\\.)*\])*\/[A-Za-z]*/,
});
export const UnclosedRegex = createToken({ name: "UnclosedRegex", pattern: /\/[^\r\n]*/ });

export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /[0-9]+(?:\.[0-9]+)?/ });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./ });

export const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA });
function comparison(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, categories: ComparisonOperator });
}
export const Equal = comparison("Equal", /==/);
export const NotEqual = comparison("NotEqual", /!=/);
export const LessEqual = comparison("LessEqual", /<=/);
export const GreaterEqual = comparison("GreaterEqual", />=/);
export const Less = comparison("Less", /</);
export const Greater = comparison("Greater", />/);

/** Operators from other languages, lexed only to say which word to use instead. */
export const MisusedOperator = createToken({ name: "MisusedOperator", pattern: /&&|\|\||=>|->|[=!&|-]/ });

export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });

/** The tokens the parser sees (the error tokens never reach it). */
export const parserTokens: TokenType[] = [
  StringLiteral,
  RegexLiteral,
  NumberLiteral,
  DotDot,
  ComparisonOperator,
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  LParen,
  RParen,
  Comma,
  And,
  Or,
  Not,
  Implies,
  In,
  True,
  False,
  QuestionRef,
  Identifier,
];

const lexerTokens: TokenType[] = [
  WhiteSpace,
  StringLiteral,
  UnclosedString,
  RegexLiteral,
  UnclosedRegex,
  NumberLiteral,
  DotDot,
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  MisusedOperator,
  LParen,
  RParen,
  Comma,
  And,
  Or,
  Not,
  Implies,
  In,
  True,
  False,
  QuestionRef,
  Identifier,
  InvalidWord,
];

// Built on first use: a run with only compiled presets never lexes an expression, and building costs tens of ms.
let lexer: Lexer | undefined;

export interface ScanResult {
  tokens: IToken[];
  /** Errors that leave no usable token stream: parsing stops here. */
  fatal: DslError[];
  /** Errors inside otherwise well-formed literals: parsing can go on. */
  literal: DslError[];
}

const MISUSED: Readonly<Record<string, string>> = {
  "&&": "and",
  "&": "and",
  "||": "or",
  "|": "or",
  "!": "not",
  "=": "==",
  "=>": "implies",
  "->": "implies",
};

function describeCharacters(text: string): string {
  return [...text]
    .map((char) =>
      /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
        ? `\`${char}\``
        : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
    )
    .join(" ");
}

function misusedOperatorError(token: IToken): DslError {
  const replacement = MISUSED[token.image] ?? "";
  const at = { offset: token.startOffset, length: token.image.length };
  if (token.image === "-") {
    // Word bands are written `200-300` elsewhere in configs; here a range needs `..`.
    return {
      message: "`-` is not an operator; write a range as `A..B`, e.g. `words(q1) in 100..200`",
      ...at,
    };
  }
  const message =
    token.image === "="
      ? "`=` is not an operator; write `==` to compare"
      : `\`${token.image}\` is not an operator; write \`${replacement}\``;
  return { message, ...at, suggestion: replacement };
}

/** Explains why a name-like word is not a valid name, with the valid spelling when there is one. */
function invalidWordError(token: IToken): DslError {
  const word = token.image;
  const at = { offset: token.startOffset, length: word.length };
  const lower = word.toLowerCase();
  if ((KEYWORDS as readonly string[]).includes(lower)) {
    return { message: `Keywords are lower-case: write \`${lower}\``, ...at, suggestion: lower };
  }
  if (isFunctionName(lower)) {
    return { message: `Function names are lower-case: write \`${lower}\``, ...at, suggestion: lower };
  }
  if (/^q[0-9]+$/.test(lower)) {
    return { message: `Question references are lower-case: write \`${lower}\``, ...at, suggestion: lower };
  }
  const dashed = lower.replaceAll("_", "-");
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(dashed)) {
    return {
      message: `Checklist ids are lower-case with \`-\` between words: write \`${dashed}\``,
      ...at,
      suggestion: dashed,
    };
  }
  return {
    message: `\`${word}\` is not a valid name: checklist ids are lower-case letters and digits joined by single \`-\``,
    ...at,
  };
}

/** Splits an expression into tokens and reports every lexical problem. */
export function scan(source: string): ScanResult {
  lexer ??= new Lexer(lexerTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
  const result = lexer.tokenize(source);
  const fatal: DslError[] = result.errors.map((error) => {
    const text = source.slice(error.offset, error.offset + error.length);
    const plural = [...text].length > 1 ? "s" : "";
    return {
      message: `Unexpected character${plural} ${describeCharacters(text)}`,
      offset: error.offset,
      length: error.length,
    };
  });
  const literal: DslError[] = [];
  const tokens: IToken[] = [];
  for (const token of result.tokens) {
    const at = { offset: token.startOffset, length: token.image.length };
    switch (token.tokenType) {
      case UnclosedString:
        fatal.push({ message: `This string is never closed: add a closing \`${token.image[0]}\``, ...at });
        break;
      case UnclosedRegex:
        fatal.push({ message: "`/` starts a regex, but this one is never closed: add a closing `/`", ...at });
        break;
      case MisusedOperator:
        fatal.push(misusedOperatorError(token));
        break;
      case InvalidWord:
        fatal.push(invalidWordError(token));
        break;
      case StringLiteral:
        literal.push(...stringProblems(token.image, token.startOffset));
        tokens.push(token);
        break;
      case RegexLiteral:
        literal.push(...regexProblems(token.image, token.startOffset));
        tokens.push(token);
        break;
      default:
        tokens.push(token);
    }
  }
  fatal.sort((a, b) => a.offset - b.offset);
  return { tokens, fatal, literal };
}
