import { createToken, Lexer, type TokenType } from "chevrotain";

export const KEYWORDS = ["and", "or", "not", "implies", "in", "true", "false"] as const;

/** The expression language's token types, with the orders in which the parser and the lexer try them. */
function createTokens() {
  /** Anything that looks like a name but breaks the naming rules (upper case, `_`, a dangling `-`). */
  const InvalidWord = createToken({ name: "InvalidWord", pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });
  const Identifier = createToken({
    name: "Identifier",
    pattern: /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/,
    longer_alt: InvalidWord,
  });

  const keyword = (word: (typeof KEYWORDS)[number]): TokenType =>
    createToken({ name: word, pattern: new RegExp(word), longer_alt: [Identifier, InvalidWord] });
  const And = keyword("and");
  const Or = keyword("or");
  const Not = keyword("not");
  const Implies = keyword("implies");
  const In = keyword("in");
  const True = keyword("true");
  const False = keyword("false");

  const QuestionRef = createToken({
    name: "QuestionRef",
    pattern: /q[0-9]+/,
    longer_alt: [Identifier, InvalidWord],
  });

  const WhiteSpace = createToken({
    name: "WhiteSpace",
    pattern: /[ \t\r\n]+/,
    group: Lexer.SKIPPED,
    line_breaks: true,
  });

  const StringLiteral = createToken({
    name: "StringLiteral",
    pattern: /"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'/,
  });
  /** Tried after StringLiteral fails: a quote that is never closed on its line. */
  const UnclosedString = createToken({ name: "UnclosedString", pattern: /["'][^\r\n]*/ });

  const RegexLiteral = createToken({
    name: "RegexLiteral",
    // A `/` inside a character class does not end the regex, as in JavaScript.
    pattern: /\/(?:[^/\\\r\n[]|\\.|\[(?:[^\]\\\r\n]|\\.)*\])*\/[A-Za-z]*/,
  });
  const UnclosedRegex = createToken({ name: "UnclosedRegex", pattern: /\/[^\r\n]*/ });

  const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /[0-9]+(?:\.[0-9]+)?/ });
  const DotDot = createToken({ name: "DotDot", pattern: /\.\./ });

  const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA });
  const comparison = (name: string, pattern: RegExp): TokenType =>
    createToken({ name, pattern, categories: ComparisonOperator });
  const Equal = comparison("Equal", /==/);
  const NotEqual = comparison("NotEqual", /!=/);
  const LessEqual = comparison("LessEqual", /<=/);
  const GreaterEqual = comparison("GreaterEqual", />=/);
  const Less = comparison("Less", /</);
  const Greater = comparison("Greater", />/);

  /** Operators from other languages, lexed only to say which word to use instead. */
  const MisusedOperator = createToken({ name: "MisusedOperator", pattern: /&&|\|\||=>|->|[=!&|-]/ });

  const LParen = createToken({ name: "LParen", pattern: /\(/ });
  const RParen = createToken({ name: "RParen", pattern: /\)/ });
  const Comma = createToken({ name: "Comma", pattern: /,/ });

  return {
    InvalidWord,
    Identifier,
    And,
    Or,
    Not,
    Implies,
    In,
    True,
    False,
    QuestionRef,
    StringLiteral,
    UnclosedString,
    RegexLiteral,
    UnclosedRegex,
    NumberLiteral,
    DotDot,
    ComparisonOperator,
    MisusedOperator,
    LParen,
    RParen,
    Comma,
    /** The tokens the parser sees (the error tokens never reach it). */
    parserTokens: [
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
    ],
    lexerTokens: [
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
    ],
  };
}

export type DslTokens = ReturnType<typeof createTokens>;

let tokens: DslTokens | undefined;

/**
 * The token types, made on first use: a run whose expressions all come compiled (the built-in presets) never
 * lexes one, and so never calls into chevrotain, whose loading the command's bundle defers until then.
 */
export function dslTokens(): DslTokens {
  tokens ??= createTokens();
  return tokens;
}
