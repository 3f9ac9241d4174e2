import { compiled, errorsOf, NO_CONTEXT, recordingContext } from "@mlops-report/testing/dsl";
import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_TOKENS } from "./compile.js";

describe("syntax errors", () => {
  it("reports an empty expression", () => {
    expect(errorsOf("")).toEqual([{ message: "The expression is empty", offset: 0, length: 0 }]);
    expect(errorsOf("  \n ")).toEqual([{ message: "The expression is empty", offset: 0, length: 0 }]);
  });

  it("points at the last token when the expression ends too early", () => {
    expect(errorsOf("checked(dvc) and")).toEqual([
      { message: "Expected an expression after `and`, but the expression ends here", offset: 13, length: 3 },
    ]);
    expect(errorsOf("checked(dvc) implies")).toEqual([
      {
        message: "Expected an expression after `implies`, but the expression ends here",
        offset: 13,
        length: 7,
      },
    ]);
    expect(errorsOf("not")).toEqual([
      { message: "Expected an expression after `not`, but the expression ends here", offset: 0, length: 3 },
    ]);
    expect(errorsOf("words(q1) >=")).toEqual([
      { message: "Expected an expression after `>=`, but the expression ends here", offset: 10, length: 2 },
    ]);
  });

  it("reports a token where an expression should start", () => {
    expect(errorsOf("and checked(dvc)")).toEqual([
      { message: "Expected an expression, but found `and`", offset: 0, length: 3 },
    ]);
    expect(errorsOf("checked(dvc) or or checked(git)")).toEqual([
      { message: "Expected an expression after `or`, but found `or`", offset: 16, length: 2 },
    ]);
    expect(errorsOf("()")).toEqual([
      { message: "Expected an expression after `(`, but found `)`", offset: 1, length: 1 },
    ]);
    expect(errorsOf("checked(dvc,)")).toEqual([
      { message: "Expected an expression after `,`, but found `)`", offset: 12, length: 1 },
    ]);
  });

  it("reports unclosed parentheses at the `(` that stays open", () => {
    expect(errorsOf("checked(dvc")).toEqual([
      { message: "This `(` is never closed: add a `)`", offset: 7, length: 1 },
    ]);
    expect(errorsOf("(checked(dvc) or checked(git)")).toEqual([
      { message: "This `(` is never closed: add a `)`", offset: 0, length: 1 },
    ]);
    expect(errorsOf("(answered(q1) and (checked(dvc))")).toEqual([
      { message: "This `(` is never closed: add a `)`", offset: 0, length: 1 },
    ]);
  });

  it("reports what a call or a parenthesis expected instead", () => {
    expect(errorsOf("checked(dvc git)")).toEqual([
      { message: "Expected `,` or `)` after `dvc`, but found `git`", offset: 12, length: 3 },
    ]);
    expect(errorsOf("(checked(dvc) checked(git))")).toEqual([
      { message: "Expected an operator or `)` after `)`, but found `checked`", offset: 14, length: 7 },
    ]);
  });

  it("reports trailing input", () => {
    expect(errorsOf("checked(dvc) checked(git)")).toEqual([
      {
        message: "Expected an operator or the end of the expression after `)`, but found `checked`",
        offset: 13,
        length: 7,
      },
    ]);
    expect(errorsOf('mentions(q1, "a") "b"')).toEqual([
      {
        message: 'Expected an operator or the end of the expression after `)`, but found `"b"`',
        offset: 18,
        length: 3,
      },
    ]);
    expect(errorsOf("checked(dvc))")).toEqual([
      { message: "Unexpected `)`: there is no `(` to close", offset: 12, length: 1 },
    ]);
  });

  it("rejects chained comparisons", () => {
    expect(errorsOf("1 < words(q1) < 3")).toEqual([
      { message: "Comparisons cannot be chained; join two comparisons with `and`", offset: 14, length: 1 },
    ]);
    expect(errorsOf("(words(q1) in 1..2 == true)")).toEqual([
      { message: "Comparisons cannot be chained; join two comparisons with `and`", offset: 19, length: 2 },
    ]);
  });

  it("explains how a range is written", () => {
    expect(errorsOf("words(q1) in 100 200")).toEqual([
      {
        message: "A range is written `A..B`: expected `..` after `100`, but found `200`",
        offset: 17,
        length: 3,
      },
    ]);
    expect(errorsOf("words(q1) in 100")).toEqual([
      {
        message: "A range is written `A..B`: expected `..` after `100`, but the expression ends here",
        offset: 13,
        length: 3,
      },
    ]);
  });

  it("rejects keywords, literals and questions used as functions", () => {
    expect(errorsOf("and(checked(dvc), checked(git))")).toEqual([
      { message: "`and` is an operator, not a function: write `a and b`", offset: 0, length: 3 },
    ]);
    expect(errorsOf("checked(dvc) or implies(x)")).toEqual([
      { message: "`implies` is an operator, not a function: write `a implies b`", offset: 16, length: 7 },
    ]);
    expect(errorsOf("true(dvc)")).toEqual([
      { message: "`true` is not a function, so it cannot be followed by `(`", offset: 0, length: 4 },
    ]);
    expect(errorsOf("answered(q1) and q10(dvc)")).toEqual([
      { message: "`q10` is not a function, so it cannot be followed by `(`", offset: 17, length: 3 },
    ]);
  });

  it("accepts `not` followed by a parenthesis, which is not a call", () => {
    expect(compiled("not(checked(dvc))").evaluate(recordingContext().ctx)).toBe(true);
  });

  it("stops at lexical errors and reports all of them", () => {
    expect(errorsOf('checked(dvc) && "open')).toEqual([
      { message: "`&&` is not an operator; write `and`", offset: 13, length: 2, suggestion: "and" },
      { message: 'This string is never closed: add a closing `"`', offset: 16, length: 5 },
    ]);
  });

  it("reports a literal error together with a syntax error, in source order", () => {
    expect(errorsOf("matches(q1, /x/g) and")).toEqual([
      { message: "Unknown regex flag `g`; the flags are i, m, s and u", offset: 15, length: 1 },
      { message: "Expected an expression after `and`, but the expression ends here", offset: 18, length: 3 },
    ]);
  });

  it("limits the length and the nesting", () => {
    const long = Array.from({ length: MAX_TOKENS / 2 + 1 }, () => "true").join(" or ");
    expect(errorsOf(long)).toEqual([
      {
        message: `The expression is too long (more than ${MAX_TOKENS} tokens); split it into several rules`,
        offset: (MAX_TOKENS / 2) * 8,
        length: 4,
      },
    ]);
    const deep = `${"(".repeat(MAX_NESTING + 1)}true${")".repeat(MAX_NESTING + 1)}`;
    expect(errorsOf(deep)).toEqual([
      {
        message: `Parentheses are nested too deeply (more than ${MAX_NESTING} levels)`,
        offset: MAX_NESTING,
        length: 1,
      },
    ]);
    expect(compiled(`${"(".repeat(MAX_NESTING)}true${")".repeat(MAX_NESTING)}`).evaluate(NO_CONTEXT)).toBe(
      true,
    );
  });
});
