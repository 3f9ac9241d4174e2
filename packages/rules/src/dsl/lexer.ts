import { type IToken, Lexer } from "chevrotain";
import { builtinFunctions } from "./builtin-functions.js";
import { regexProblems, stringProblems } from "./literals.js";
import { dslTokens, KEYWORDS } from "./tokens.js";
import type { DslError } from "./types.js";

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
  if (builtinFunctions.has(lower)) {
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
  const tokenTypes = dslTokens();
  lexer ??= new Lexer(tokenTypes.lexerTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
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
      case tokenTypes.UnclosedString:
        fatal.push({ message: `This string is never closed: add a closing \`${token.image[0]}\``, ...at });
        break;
      case tokenTypes.UnclosedRegex:
        fatal.push({ message: "`/` starts a regex, but this one is never closed: add a closing `/`", ...at });
        break;
      case tokenTypes.MisusedOperator:
        fatal.push(misusedOperatorError(token));
        break;
      case tokenTypes.InvalidWord:
        fatal.push(invalidWordError(token));
        break;
      case tokenTypes.StringLiteral:
        literal.push(...stringProblems(token.image, token.startOffset));
        tokens.push(token);
        break;
      case tokenTypes.RegexLiteral:
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
