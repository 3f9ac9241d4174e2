import { parse } from "@mlops-report/core";
import { ENV, errorsOf } from "@mlops-report/testing/dsl";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { evalContext, type Quotes } from "../checklist/answer-context.js";
import { itemsById } from "../checklist-ids.js";
import { builtinFunctions } from "./builtin-functions.js";
import { compileExpression } from "./compile.js";
import { functionTable } from "./function-docs.js";
import { defineFunction } from "./functions.js";

/** A function that exists only in this file: one entry is all it takes. */
const links = defineFunction({
  name: "links",
  params: ["question"],
  returns: "number",
  summary: "links in the answer",
  reads: "report",
  evaluate: (scope, n) => scope.question(n)?.answer.links.length ?? 0,
});

const functions = builtinFunctions.with(links);
const env = { ...ENV, functions };

describe("a function added by one registry entry", () => {
  it("is type-checked like a built-in one", () => {
    expect(compileExpression("links(q2) >= 2", env).ok).toBe(true);
    expect(errorsOf("links(dvc) > 0", env).map((e) => e.message)).toEqual([
      "`links` needs a question reference as its argument, but got a checklist item",
    ]);
    expect(errorsOf("links(q2) and checked(dvc)", env).map((e) => e.message)).toEqual([
      "`and` needs true/false on both sides, but its left side is a number",
    ]);
    expect(errorsOf("links(q2) > 0").map((e) => e.message)).toEqual([
      `Unknown function \`links\`; the functions are ${builtinFunctions.names.join(", ")}`,
    ]);
  });

  it("is evaluated in a rule expression against a report", () => {
    const report = parse(
      syntheticReport({
        year: 2026,
        checked: ["dvc"],
        answers: { 2: "See [the docs](https://example.org/a) and [the code](https://example.org/b)." },
      }),
      { path: "reports/README.md" },
    );
    const quotes: Quotes = { denial: null, mention: null, hedge: null };
    const ctx = evalContext(report, itemsById(report, new Map()), quotes, null, null, functions);
    const evaluate = (source: string) => {
      const result = compileExpression(source, env);
      if (!result.ok) throw new Error(result.errors[0]!.message);
      return result.expression.evaluate(ctx);
    };
    expect(evaluate("links(q2) == 2")).toBe(true);
    expect(evaluate("links(q3) == 0 and links(q2) in 1..2")).toBe(true);
    expect(evaluate("links(q2) > 2")).toBe(false);
  });

  it("is listed in the docs' function table, after the built-in ones", () => {
    const table = functionTable(functions).split("\n");
    expect(table.at(-1)).toBe("| `links(q)` | a question | number | links in the answer |");
    expect(table.slice(0, -1).join("\n")).toBe(functionTable(builtinFunctions));
  });

  it("reads the repository only when its entry says so", () => {
    const found = defineFunction({
      name: "found",
      params: ["glob"],
      returns: "boolean",
      summary: "a repository file the glob matches",
      reads: "repository",
      evaluate: (scope, glob) => scope.matching(glob).length > 0,
    });
    const more = { ...ENV, functions: builtinFunctions.with(found) };
    const compiled = compileExpression('found("*.py")', more);
    expect(compiled.ok && compiled.expression.usesRepository).toBe(true);
    expect(functions.readingRepository()).toEqual(["exists", "contains", "files"]);
    expect(builtinFunctions.with(found).readingRepository()).toEqual([
      "exists",
      "contains",
      "files",
      "found",
    ]);
  });
});
