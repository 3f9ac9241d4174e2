import { compiled, ENV, errorsOf } from "@mlops-report/testing/dsl";
import { describe, expect, it } from "vitest";
import { describeQuestions } from "./checker.js";
import { compileExpression } from "./compile.js";

describe("type errors: operators", () => {
  it("requires true/false on both sides of and/or/implies", () => {
    expect(errorsOf("answered(q3) and 4")).toEqual([
      {
        message: "`and` needs true/false on both sides, but its right side is a number",
        offset: 17,
        length: 1,
      },
    ]);
    expect(errorsOf('"yes" or answered(q3)')).toEqual([
      { message: "`or` needs true/false on both sides, but its left side is a string", offset: 0, length: 5 },
    ]);
    expect(errorsOf("answered(q3) implies /x/")).toEqual([
      {
        message: "`implies` needs true/false on both sides, but its right side is a regex",
        offset: 21,
        length: 3,
      },
    ]);
  });

  it("suggests checked() or answered() for a bare reference where true/false is needed", () => {
    expect(errorsOf("dvc and q10")).toEqual([
      {
        message: "`and` needs true/false on both sides, but its left side is a checklist item",
        offset: 0,
        length: 3,
        suggestion: "checked(dvc)",
      },
      {
        message: "`and` needs true/false on both sides, but its right side is a question reference",
        offset: 8,
        length: 3,
        suggestion: "answered(q10)",
      },
    ]);
  });

  it("requires true/false after `not`", () => {
    expect(errorsOf("not words(q1)")).toEqual([
      { message: "`not` needs true/false after it, but got a number", offset: 4, length: 9 },
    ]);
  });

  it("does not compare true/false with a number", () => {
    expect(errorsOf("checked(dvc) == 3")).toEqual([
      { message: "`==` cannot compare true/false with a number", offset: 13, length: 2 },
    ]);
    expect(errorsOf("words(q1) != answered(q1)")).toEqual([
      { message: "`!=` cannot compare a number with true/false", offset: 10, length: 2 },
    ]);
  });

  it("compares only numbers and true/false values for equality", () => {
    expect(errorsOf('words(q1) == "many"')).toEqual([
      {
        message: "`==` compares numbers or true/false values, but its right side is a string",
        offset: 13,
        length: 6,
      },
    ]);
  });

  it("orders only numbers, and suggests words() for a bare question", () => {
    expect(errorsOf("answered(q1) < 3")).toEqual([
      { message: "`<` needs numbers on both sides, but its left side is true/false", offset: 0, length: 12 },
    ]);
    expect(errorsOf("q14 >= 200")).toEqual([
      {
        message: "`>=` needs numbers on both sides, but its left side is a question reference",
        offset: 0,
        length: 3,
        suggestion: "words(q14)",
      },
    ]);
  });

  it("requires numbers in a range", () => {
    expect(errorsOf("answered(q1) in 1..2")).toEqual([
      { message: "`in` needs a number on its left side, but got true/false", offset: 0, length: 12 },
    ]);
    expect(errorsOf("q14 in 1..2")).toEqual([
      {
        message: "`in` needs a number on its left side, but got a question reference",
        offset: 0,
        length: 3,
        suggestion: "words(q14)",
      },
    ]);
    expect(errorsOf('words(q1) in "a"..true')).toEqual([
      { message: "A range needs numbers at both ends, but its lower end is a string", offset: 13, length: 3 },
      {
        message: "A range needs numbers at both ends, but its upper end is true/false",
        offset: 18,
        length: 4,
      },
    ]);
  });

  it("rejects an empty range and suggests the ends swapped", () => {
    expect(errorsOf("words(q1) in 300..200")).toEqual([
      {
        message: "The range `300..200` is empty: its lower end is greater than its upper end",
        offset: 13,
        length: 8,
        suggestion: "200..300",
      },
    ]);
  });
});

describe("type errors: the top level", () => {
  it("requires true/false", () => {
    expect(errorsOf("words(q3)")).toEqual([
      { message: "The expression must be true/false, but it is a number", offset: 0, length: 9 },
    ]);
    expect(errorsOf('"dvc"')).toEqual([
      { message: "The expression must be true/false, but it is a string", offset: 0, length: 5 },
    ]);
  });

  it("suggests checked() for a bare checklist id and answered() for a bare question", () => {
    expect(errorsOf("dvc")).toEqual([
      {
        message: "The expression must be true/false, but it is a checklist item",
        offset: 0,
        length: 3,
        suggestion: "checked(dvc)",
      },
    ]);
    expect(errorsOf(" q7 ")).toEqual([
      {
        message: "The expression must be true/false, but it is a question reference",
        offset: 1,
        length: 2,
        suggestion: "answered(q7)",
      },
    ]);
  });
});

describe("functions", () => {
  it("suggests the closest function name", () => {
    expect(errorsOf("checkd(dvc)")).toEqual([
      { message: "Unknown function `checkd`", offset: 0, length: 6, suggestion: "checked" },
    ]);
    expect(errorsOf("mention(q1, 'dvc')")).toEqual([
      { message: "Unknown function `mention`", offset: 0, length: 7, suggestion: "mentions" },
    ]);
    expect(errorsOf("answer(q1)")).toEqual([
      { message: "Unknown function `answer`", offset: 0, length: 6, suggestion: "answered" },
    ]);
  });

  it("lists the functions when no name is close", () => {
    expect(errorsOf("includes(q1, 'dvc')")).toEqual([
      {
        message:
          "Unknown function `includes`; the functions are checked, unchecked, answered, words, images, mentions, negated, count, matches, ticked, exists, contains, files",
        offset: 0,
        length: 8,
      },
    ]);
  });

  it("explains a checklist id written like a call", () => {
    expect(errorsOf("dvc(q1)")).toEqual([
      {
        message: "`dvc` is a checklist item, not a function: write `checked(dvc)`",
        offset: 0,
        length: 3,
        suggestion: "checked(dvc)",
      },
    ]);
  });

  it("explains a function name written without arguments", () => {
    expect(errorsOf("checked and answered(q1)")).toEqual([
      { message: "`checked` is a function and needs its arguments in parentheses", offset: 0, length: 7 },
    ]);
  });

  it("checks the number of arguments", () => {
    expect(errorsOf("checked()")).toEqual([
      { message: "`checked` needs 1 argument (a checklist item), but got none", offset: 0, length: 7 },
    ]);
    expect(errorsOf("mentions(q1)")).toEqual([
      {
        message: "`mentions` needs at least 2 arguments (a question and at least one term), but got 1",
        offset: 0,
        length: 8,
      },
    ]);
    expect(errorsOf("checked(dvc, git)")).toEqual([
      { message: "`checked` takes 1 argument (a checklist item), but got 2", offset: 13, length: 3 },
    ]);
    expect(errorsOf("matches(q1, /a/, /b/)")).toEqual([
      { message: "`matches` takes 2 arguments (a question and a regex), but got 3", offset: 17, length: 3 },
    ]);
    expect(errorsOf("ticked(dvc) > 0")).toEqual([
      { message: "`ticked` takes no arguments, but got 1", offset: 7, length: 3 },
    ]);
  });

  it("types ticked() as a number that takes no arguments", () => {
    expect(errorsOf("ticked()")).toEqual([
      { message: "The expression must be true/false, but it is a number", offset: 0, length: 8 },
    ]);
    expect(errorsOf("ticked")).toEqual([
      { message: "`ticked` is a function and needs its arguments in parentheses", offset: 0, length: 6 },
    ]);
    expect(errorsOf("tickd() > 0")).toEqual([
      { message: "Unknown function `tickd`", offset: 0, length: 5, suggestion: "ticked" },
    ]);
    expect(compiled("unchecked(dvc) and ticked() > 0 and ticked() in 1..words(q3)").references).toEqual([
      { kind: "checklist", id: "dvc", offset: 10 },
      { kind: "question", number: 3, offset: 57 },
    ]);
  });

  it("checks the type of each argument", () => {
    expect(errorsOf("checked(q10)")).toEqual([
      {
        message: "`checked` needs a checklist item as its argument, but got a question reference",
        offset: 8,
        length: 3,
      },
    ]);
    expect(errorsOf("words(dvc) > 3")).toEqual([
      {
        message: "`words` needs a question reference as its argument, but got a checklist item",
        offset: 6,
        length: 3,
      },
    ]);
    expect(errorsOf("mentions(q1, 'dvc', 3)")).toEqual([
      {
        message: "`mentions` needs a string or regex as its 3rd argument, but got a number",
        offset: 20,
        length: 1,
      },
    ]);
    expect(errorsOf("count(dvc, 'x') > 1")).toEqual([
      {
        message: "`count` needs a question reference as its 1st argument, but got a checklist item",
        offset: 6,
        length: 3,
      },
    ]);
  });

  it("suggests a regex literal when matches() gets a string", () => {
    expect(errorsOf('matches(q10, "x")')).toEqual([
      {
        message: "`matches` needs a regex as its 2nd argument, but got a string",
        offset: 13,
        length: 3,
        suggestion: "/x/",
      },
    ]);
    expect(errorsOf('matches(q10, "a.b/c")')[0]?.suggestion).toBe("/a\\.b\\/c/");
  });

  it("accepts every function with well-typed arguments", () => {
    const source =
      "checked(dvc) and unchecked(git) and answered(q1) and words(q2) > 1 and images(q3) >= 0 and " +
      "mentions(q4, 'a', /b/i) and negated(q5, \"c\") and count(q6, /d/, 'e', 'f') < 3 and matches(q7, /g/)";
    expect(compileExpression(source, ENV).ok).toBe(true);
  });
});

describe("references to the environment", () => {
  it("rejects an unknown question and names the known ones", () => {
    expect(errorsOf("answered(q99)")).toEqual([
      { message: "Unknown question `q99`: the template has questions q1 to q31", offset: 9, length: 3 },
    ]);
    const gappy = { questions: new Set([1, 2, 3, 5, 7, 8]), checklistIds: new Set<string>() };
    expect(errorsOf("answered(q4)", gappy)).toEqual([
      {
        message: "Unknown question `q4`: the template has questions q1 to q3, q5 and q7 to q8",
        offset: 9,
        length: 2,
      },
    ]);
    const none = { questions: new Set<number>(), checklistIds: new Set<string>() };
    expect(errorsOf("answered(q1)", none)).toEqual([
      { message: "Unknown question `q1`: the template has no questions", offset: 9, length: 2 },
    ]);
  });

  it("rejects leading zeros in a question reference", () => {
    expect(errorsOf("answered(q07)")).toEqual([
      {
        message: "Write question references without leading zeros: `q7`",
        offset: 9,
        length: 3,
        suggestion: "q7",
      },
    ]);
  });

  it("suggests the closest checklist id", () => {
    expect(errorsOf("checked(dvcc)")).toEqual([
      { message: "Unknown checklist item `dvcc`", offset: 8, length: 4, suggestion: "dvc" },
    ]);
    expect(errorsOf("checked(unit-test-data)")).toEqual([
      {
        message: "Unknown checklist item `unit-test-data`",
        offset: 8,
        length: 14,
        suggestion: "unit-tests-data",
      },
    ]);
    expect(errorsOf("checked(kubernetes)")).toEqual([
      { message: "Unknown checklist item `kubernetes`", offset: 8, length: 10 },
    ]);
  });

  it("reports one error per faulty reference, not a type error on top", () => {
    expect(errorsOf("words(dvcc) > 1")).toEqual([
      { message: "Unknown checklist item `dvcc`", offset: 6, length: 4, suggestion: "dvc" },
    ]);
  });
});

describe("several errors in one pass", () => {
  it("reports every type and reference error in source order", () => {
    expect(
      errorsOf("checkd(dvc) and answered(q99) or words(q1) and matches(q2, 'x') implies checked(gti)"),
    ).toEqual([
      { message: "Unknown function `checkd`", offset: 0, length: 6, suggestion: "checked" },
      { message: "Unknown question `q99`: the template has questions q1 to q31", offset: 25, length: 3 },
      {
        message: "`and` needs true/false on both sides, but its left side is a number",
        offset: 33,
        length: 9,
      },
      {
        message: "`matches` needs a regex as its 2nd argument, but got a string",
        offset: 59,
        length: 3,
        suggestion: "/x/",
      },
      { message: "Unknown checklist item `gti`", offset: 80, length: 3, suggestion: "git" },
    ]);
  });

  it("reports literal errors together with type errors", () => {
    expect(errorsOf("matches(q1, /x/g) and words(q1)")).toEqual([
      { message: "Unknown regex flag `g`; the flags are i, m, s and u", offset: 15, length: 1 },
      {
        message: "`and` needs true/false on both sides, but its right side is a number",
        offset: 22,
        length: 9,
      },
    ]);
  });
});

describe("describeQuestions", () => {
  it("collapses runs", () => {
    expect(describeQuestions(new Set([3]))).toBe("q3");
    expect(describeQuestions(new Set([2, 1, 3]))).toBe("q1 to q3");
    expect(describeQuestions(new Set([1, 3, 4, 9]))).toBe("q1, q3 to q4 and q9");
  });
});

describe("type errors: repository functions", () => {
  it("asks for a glob string and a regex", () => {
    expect(errorsOf("exists(q1)").map((e) => e.message)).toEqual([
      "`exists` needs a glob string as its argument, but got a question reference",
    ]);
    expect(errorsOf('contains("src/**", "wandb")').map((e) => e.message)).toEqual([
      "`contains` needs a regex as its 2nd argument, but got a string",
    ]);
  });
});
