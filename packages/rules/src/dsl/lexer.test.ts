import { describe, expect, it } from "vitest";
import { scan } from "./lexer.js";
import { decodeString } from "./literals.js";

function kinds(source: string): string[] {
  const result = scan(source);
  expect(result.fatal).toEqual([]);
  return result.tokens.map((token) => `${token.tokenType.name} ${token.image}@${token.startOffset}`);
}

describe("scan: tokens", () => {
  it("splits a typical rule into tokens with offsets", () => {
    expect(kinds('checked(dvc) and mentions(q10, "dvc")')).toEqual([
      "Identifier checked@0",
      "LParen (@7",
      "Identifier dvc@8",
      "RParen )@11",
      "and and@13",
      "Identifier mentions@17",
      "LParen (@25",
      "QuestionRef q10@26",
      "Comma ,@29",
      'StringLiteral "dvc"@31',
      "RParen )@36",
    ]);
  });

  it("reads numbers, ranges and comparison operators", () => {
    expect(kinds("words(q3) in 100..200")).toEqual([
      "Identifier words@0",
      "LParen (@5",
      "QuestionRef q3@6",
      "RParen )@8",
      "in in@10",
      "NumberLiteral 100@13",
      "DotDot ..@16",
      "NumberLiteral 200@18",
    ]);
    expect(kinds("2.5..3")).toEqual(["NumberLiteral 2.5@0", "DotDot ..@3", "NumberLiteral 3@5"]);
    expect(kinds("== != <= >= < >")).toEqual([
      "Equal ==@0",
      "NotEqual !=@3",
      "LessEqual <=@6",
      "GreaterEqual >=@9",
      "Less <@12",
      "Greater >@14",
    ]);
  });

  it("keeps keywords apart from names that start with them", () => {
    expect(kinds("not notes and-more index in implies true false or")).toEqual([
      "not not@0",
      "Identifier notes@4",
      "Identifier and-more@10",
      "Identifier index@19",
      "in in@25",
      "implies implies@28",
      "true true@36",
      "false false@41",
      "or or@47",
    ]);
  });

  it("tells question references from checklist ids that start like them", () => {
    expect(kinds("q1 q99 q1x q10-data unit-tests-data pre-commit m24")).toEqual([
      "QuestionRef q1@0",
      "QuestionRef q99@3",
      "Identifier q1x@7",
      "Identifier q10-data@11",
      "Identifier unit-tests-data@20",
      "Identifier pre-commit@36",
      "Identifier m24@47",
    ]);
  });

  it("reads regex literals with flags, escaped slashes and slashes inside a class", () => {
    expect(kinds("/data version control/i /a\\/b/ /[/]x/msu")).toEqual([
      "RegexLiteral /data version control/i@0",
      "RegexLiteral /a\\/b/@24",
      "RegexLiteral /[/]x/msu@31",
    ]);
  });

  it("reads both quote styles and skips whitespace, newlines included", () => {
    expect(kinds('\'it\\\'s\'\n\t"say \\"hi\\""')).toEqual([
      "StringLiteral 'it\\'s'@0",
      'StringLiteral "say \\"hi\\""@9',
    ]);
  });
});

describe("decodeString", () => {
  it("resolves the escapes", () => {
    expect(decodeString('"a\\"b\\\\c\\nd\\te\\\'"')).toEqual({ value: "a\"b\\c\nd\te'", badEscapes: [] });
  });

  it("keeps an unknown escape as written and reports where it is", () => {
    expect(decodeString('"x\\d+"')).toEqual({ value: "x\\d+", badEscapes: [{ index: 2, text: "\\d" }] });
  });
});

describe("scan: lexical errors", () => {
  it("reports an unexpected character with its position", () => {
    expect(scan("checked(dvc) @ x").fatal).toEqual([
      { message: "Unexpected character `@`", offset: 13, length: 1 },
    ]);
  });

  it("reports a run of unexpected characters once", () => {
    expect(scan("a #$ b").fatal).toEqual([
      { message: "Unexpected characters `#` `$`", offset: 2, length: 2 },
    ]);
  });

  it("names invisible characters by code point", () => {
    expect(scan("a\u00a0and b").fatal).toEqual([
      { message: "Unexpected character U+00A0", offset: 1, length: 1 },
    ]);
  });

  it("says which word to use instead of operators from other languages", () => {
    expect(scan("a && b || !c").fatal).toEqual([
      { message: "`&&` is not an operator; write `and`", offset: 2, length: 2, suggestion: "and" },
      { message: "`||` is not an operator; write `or`", offset: 7, length: 2, suggestion: "or" },
      { message: "`!` is not an operator; write `not`", offset: 10, length: 1, suggestion: "not" },
    ]);
    expect(scan("a => b -> c & d | e").fatal).toEqual([
      { message: "`=>` is not an operator; write `implies`", offset: 2, length: 2, suggestion: "implies" },
      { message: "`->` is not an operator; write `implies`", offset: 7, length: 2, suggestion: "implies" },
      { message: "`&` is not an operator; write `and`", offset: 12, length: 1, suggestion: "and" },
      { message: "`|` is not an operator; write `or`", offset: 16, length: 1, suggestion: "or" },
    ]);
    expect(scan("words(q1) = 3").fatal).toEqual([
      { message: "`=` is not an operator; write `==` to compare", offset: 10, length: 1, suggestion: "==" },
    ]);
  });

  it("explains that a range uses `..`, not `-`", () => {
    expect(scan("words(q1) in 100-200").fatal).toEqual([
      {
        message: "`-` is not an operator; write a range as `A..B`, e.g. `words(q1) in 100..200`",
        offset: 16,
        length: 1,
      },
    ]);
  });

  it("reports unclosed strings and regexes up to the end of their line", () => {
    expect(scan('mentions(q1, "dvc)').fatal).toEqual([
      { message: 'This string is never closed: add a closing `"`', offset: 13, length: 5 },
    ]);
    expect(scan("mentions(q1, 'dvc)\nor x").fatal).toEqual([
      { message: "This string is never closed: add a closing `'`", offset: 13, length: 5 },
    ]);
    expect(scan("matches(q1, /dvc)").fatal).toEqual([
      {
        message: "`/` starts a regex, but this one is never closed: add a closing `/`",
        offset: 12,
        length: 5,
      },
    ]);
  });

  it("corrects names with upper case, `_` or a dangling `-`", () => {
    expect(scan("AND Checked(DVC) Q10 unit_tests dvc- a--b").fatal).toEqual([
      { message: "Keywords are lower-case: write `and`", offset: 0, length: 3, suggestion: "and" },
      {
        message: "Function names are lower-case: write `checked`",
        offset: 4,
        length: 7,
        suggestion: "checked",
      },
      {
        message: "Checklist ids are lower-case with `-` between words: write `dvc`",
        offset: 12,
        length: 3,
        suggestion: "dvc",
      },
      {
        message: "Question references are lower-case: write `q10`",
        offset: 17,
        length: 3,
        suggestion: "q10",
      },
      {
        message: "Checklist ids are lower-case with `-` between words: write `unit-tests`",
        offset: 21,
        length: 10,
        suggestion: "unit-tests",
      },
      {
        message:
          "`dvc-` is not a valid name: checklist ids are lower-case letters and digits joined by single `-`",
        offset: 32,
        length: 4,
      },
      {
        message:
          "`a--b` is not a valid name: checklist ids are lower-case letters and digits joined by single `-`",
        offset: 37,
        length: 4,
      },
    ]);
  });

  it("keeps faulty literals as tokens and reports them separately", () => {
    const result = scan(
      'mentions(q1, "a\\d") and matches(q1, /x/gi) and matches(q1, //) and matches(q1, /(/)',
    );
    expect(result.fatal).toEqual([]);
    expect(result.tokens).toHaveLength(27);
    expect(result.literal).toEqual([
      {
        message:
          "Unknown escape `\\d` in a string; the escapes are \\\", \\', \\\\, \\n and \\t (write a regex such as /\\d+/ for a pattern)",
        offset: 15,
        length: 2,
      },
      { message: "Unknown regex flag `g`; the flags are i, m, s and u", offset: 39, length: 1 },
      { message: "A regex cannot be empty", offset: 59, length: 2 },
      { message: "This regex is not valid: Unterminated group", offset: 79, length: 3 },
    ]);
  });

  it("reports a regex flag given twice", () => {
    expect(scan("/x/ii").literal).toEqual([
      { message: "The regex flag `i` is given twice", offset: 4, length: 1 },
    ]);
  });
});
