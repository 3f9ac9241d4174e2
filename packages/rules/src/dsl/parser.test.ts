import { compiled, NO_CONTEXT } from "@mlops-report/testing/dsl";
import { describe, expect, it } from "vitest";
import { parseExpression } from "./compile.js";

function ast(source: string) {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.ast;
}

function value(source: string): boolean {
  return compiled(source).evaluate(NO_CONTEXT);
}

describe("parseExpression: tree shapes", () => {
  it("builds a call with its arguments and spans", () => {
    expect(ast('mentions(q10, "dvc", /data version control/i)')).toEqual({
      kind: "call",
      name: "mentions",
      nameSpan: { offset: 0, length: 8 },
      span: { offset: 0, length: 45 },
      args: [
        { kind: "question", number: 10, text: "q10", span: { offset: 9, length: 3 } },
        { kind: "string", value: "dvc", span: { offset: 14, length: 5 } },
        { kind: "regex", pattern: "data version control", flags: "i", span: { offset: 21, length: 23 } },
      ],
    });
  });

  it("reads a name without `(` as a checklist id", () => {
    expect(ast("unit-tests-data")).toEqual({
      kind: "checklist",
      id: "unit-tests-data",
      span: { offset: 0, length: 15 },
    });
  });

  it("builds a range with the operator and the whole span", () => {
    expect(ast("words(q3) in 100..200")).toMatchObject({
      kind: "range",
      value: { kind: "call", name: "words" },
      low: { kind: "number", value: 100, span: { offset: 13, length: 3 } },
      high: { kind: "number", value: 200, span: { offset: 18, length: 3 } },
      operatorSpan: { offset: 10, length: 2 },
      span: { offset: 0, length: 21 },
    });
  });

  it("resolves escapes in strings and parses decimals", () => {
    expect(ast('"a\\"b"')).toEqual({ kind: "string", value: 'a"b', span: { offset: 0, length: 6 } });
    expect(ast("2.5 >= 1")).toMatchObject({
      kind: "comparison",
      operator: ">=",
      left: { kind: "number", value: 2.5 },
      right: { kind: "number", value: 1 },
      operatorSpan: { offset: 4, length: 2 },
    });
  });

  it("drops parentheses but keeps the inner span", () => {
    expect(ast("( true )")).toEqual({ kind: "boolean", value: true, span: { offset: 2, length: 4 } });
  });

  it("makes `not` cover everything to its right up to the next `and`", () => {
    expect(ast("not true and false")).toMatchObject({
      kind: "logical",
      operator: "and",
      left: { kind: "not", operand: { kind: "boolean", value: true }, span: { offset: 0, length: 8 } },
      right: { kind: "boolean", value: false },
    });
  });

  it("nests `implies` to the right and `and` to the left", () => {
    expect(ast("a implies b implies c")).toMatchObject({
      operator: "implies",
      left: { kind: "checklist", id: "a" },
      right: { operator: "implies", left: { id: "b" }, right: { id: "c" } },
    });
    expect(ast("a and b and c")).toMatchObject({
      operator: "and",
      left: { operator: "and", left: { id: "a" }, right: { id: "b" } },
      right: { id: "c" },
    });
  });
});

describe("precedence and associativity, shown by evaluation", () => {
  it("binds `and` tighter than `or`", () => {
    // (true or false) and false would be false.
    expect(value("true or false and false")).toBe(true);
    expect(value("false and false or true")).toBe(true);
  });

  it("binds `or` tighter than `implies`", () => {
    // (true implies false) or true would be true.
    expect(value("true implies false or false")).toBe(false);
    expect(value("false or true implies false")).toBe(false);
  });

  it("makes `implies` right-associative", () => {
    // Left-associative, (false implies true) implies false, would be false.
    expect(value("false implies true implies false")).toBe(true);
  });

  it("binds `not` tighter than `and` and `or`", () => {
    // not (false and false) would be true.
    expect(value("not false and false")).toBe(false);
    expect(value("not true or true")).toBe(true);
  });

  it("binds comparisons tighter than `not`", () => {
    // (not 1) == 2 would not type-check; not (1 == 2) is true.
    expect(value("not 1 == 2")).toBe(true);
    expect(value("not 3 in 1..2")).toBe(true);
  });

  it("lets parentheses override precedence", () => {
    expect(value("(true or false) and false")).toBe(false);
    expect(value("(false implies true) implies false")).toBe(false);
    expect(value("not (false and false)")).toBe(true);
  });

  it("compares booleans with == and !=", () => {
    expect(value("(1 < 2) == true")).toBe(true);
    expect(value("(1 > 2) != false")).toBe(false);
  });
});
