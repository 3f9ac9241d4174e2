import { compiled, recordingContext } from "@mlops-report/testing/dsl";
import { describe, expect, it } from "vitest";

describe("evaluate: calls into the context", () => {
  it("passes checklist ids and question numbers", () => {
    const { ctx, calls } = recordingContext({ checked: { dvc: true }, answered: { 10: true } });
    expect(compiled("checked(dvc) and unchecked(pre-commit) == false and answered(q10)").evaluate(ctx)).toBe(
      true,
    );
    expect(calls).toEqual([
      { method: "checked", args: ["dvc"] },
      { method: "unchecked", args: ["pre-commit"] },
      { method: "answered", args: [10] },
    ]);
  });

  it("passes the terms in order, strings decoded and regexes with their flags", () => {
    const { ctx, calls } = recordingContext({ mentions: true });
    expect(compiled('mentions(q10, "dvc", /data version control/i, \'say "hi"\\n\')').evaluate(ctx)).toBe(
      true,
    );
    expect(calls).toHaveLength(1);
    const [question, terms] = calls[0]!.args as [number, readonly (string | RegExp)[]];
    expect(question).toBe(10);
    expect(terms).toHaveLength(3);
    expect(terms[0]).toBe("dvc");
    expect(terms[1]).toBeInstanceOf(RegExp);
    expect((terms[1] as RegExp).source).toBe("data version control");
    expect((terms[1] as RegExp).flags).toBe("i");
    expect(terms[2]).toBe('say "hi"\n');
    expect(Object.isFrozen(terms)).toBe(true);
  });

  it("passes negated and count the same way", () => {
    const { ctx, calls } = recordingContext({ negated: false, count: 2 });
    expect(compiled('not negated(q10, "dvc") and count(q4, /tests?/, "pytest") == 2').evaluate(ctx)).toBe(
      true,
    );
    expect(calls[0]).toEqual({ method: "negated", args: [10, ["dvc"]] });
    expect(calls[1]?.method).toBe("count");
    const [question, terms] = calls[1]!.args as [number, readonly (string | RegExp)[]];
    expect(question).toBe(4);
    expect(terms.map(String)).toEqual(["/tests?/", "pytest"]);
  });

  it("passes the regex of matches() with every flag", () => {
    const { ctx, calls } = recordingContext({ matches: true });
    expect(compiled("matches(q2, /^s\\d{6}$/msu)").evaluate(ctx)).toBe(true);
    const re = calls[0]!.args[1] as RegExp;
    expect(calls[0]!.args[0]).toBe(2);
    expect(re.source).toBe("^s\\d{6}$");
    expect(re.flags).toBe("msu");
    expect(re.test("s123456")).toBe(true);
  });

  it("asks the context how many items are ticked", () => {
    const rule = compiled("unchecked(dvc) and ticked() > 0");
    const untouched = recordingContext({ unchecked: { dvc: true }, ticked: 0 });
    expect(rule.evaluate(untouched.ctx)).toBe(false);
    expect(untouched.calls).toEqual([
      { method: "unchecked", args: ["dvc"] },
      { method: "ticked", args: [] },
    ]);
    expect(rule.evaluate(recordingContext({ unchecked: { dvc: true }, ticked: 1 }).ctx)).toBe(true);
    expect(compiled("ticked() == 3").evaluate(recordingContext({ ticked: 3 }).ctx)).toBe(true);
  });

  it("hands the same term array and regex to every evaluation", () => {
    const expression = compiled("mentions(q1, /a/) or matches(q1, /b/)");
    const first = recordingContext();
    const second = recordingContext();
    expression.evaluate(first.ctx);
    expression.evaluate(second.ctx);
    expect(second.calls[0]!.args[1]).toBe(first.calls[0]!.args[1]);
    expect(second.calls[1]!.args[1]).toBe(first.calls[1]!.args[1]);
  });
});

describe("evaluate: operators", () => {
  it("short-circuits and, or and implies", () => {
    const and = recordingContext();
    expect(compiled("checked(dvc) and checked(git)").evaluate(and.ctx)).toBe(false);
    expect(and.calls).toEqual([{ method: "checked", args: ["dvc"] }]);

    const or = recordingContext({ checked: { dvc: true } });
    expect(compiled("checked(dvc) or checked(git)").evaluate(or.ctx)).toBe(true);
    expect(or.calls).toEqual([{ method: "checked", args: ["dvc"] }]);

    const implies = recordingContext();
    expect(compiled('checked(dvc) implies mentions(q10, "dvc")').evaluate(implies.ctx)).toBe(true);
    expect(implies.calls).toEqual([{ method: "checked", args: ["dvc"] }]);
  });

  it("evaluates implies as material implication", () => {
    const rule = compiled('checked(dvc) implies mentions(q10, "dvc")');
    expect(rule.evaluate(recordingContext({ checked: { dvc: true }, mentions: true }).ctx)).toBe(true);
    expect(rule.evaluate(recordingContext({ checked: { dvc: true }, mentions: false }).ctx)).toBe(false);
    expect(rule.evaluate(recordingContext({ checked: { dvc: false }, mentions: false }).ctx)).toBe(true);
  });

  it("includes both ends of a range", () => {
    const rule = compiled("words(q14) in 200..300");
    const at = (n: number) => rule.evaluate(recordingContext({ words: { 14: n } }).ctx);
    expect([at(199), at(200), at(250), at(300), at(301)]).toEqual([false, true, true, true, false]);
  });

  it("compares numbers with every operator", () => {
    const at = (op: string) =>
      compiled(`images(q3) ${op} 2`).evaluate(recordingContext({ images: { 3: 2 } }).ctx);
    expect(["==", "!=", "<", "<=", ">", ">="].map(at)).toEqual([true, false, false, true, false, true]);
    expect(compiled("2.5 > 2").evaluate(recordingContext().ctx)).toBe(true);
  });

  it("compares two context values", () => {
    const { ctx, calls } = recordingContext({ words: { 1: 120, 2: 80 } });
    expect(compiled("words(q1) > words(q2)").evaluate(ctx)).toBe(true);
    expect(calls).toEqual([
      { method: "words", args: [1] },
      { method: "words", args: [2] },
    ]);
  });

  it("evaluates the config example", () => {
    const rule = compiled('checked(dvc) implies mentions(q10, "dvc") and not negated(q10, "dvc")');
    const ok = recordingContext({ checked: { dvc: true }, mentions: true, negated: false });
    const denied = recordingContext({ checked: { dvc: true }, mentions: true, negated: true });
    expect(rule.evaluate(ok.ctx)).toBe(true);
    expect(rule.evaluate(denied.ctx)).toBe(false);
    expect(denied.calls.map((call) => call.method)).toEqual(["checked", "mentions", "negated"]);
  });
});

describe("references", () => {
  it("lists question and checklist references in source order, repeats included", () => {
    const expression = compiled(
      'checked(dvc) implies mentions(q10, "dvc") and words(q10) in 50..100 or unchecked(git)',
    );
    expect(expression.references).toEqual([
      { kind: "checklist", id: "dvc", offset: 8 },
      { kind: "question", number: 10, offset: 30 },
      { kind: "question", number: 10, offset: 52 },
      { kind: "checklist", id: "git", offset: 81 },
    ]);
    expect(expression.source).toBe(
      'checked(dvc) implies mentions(q10, "dvc") and words(q10) in 50..100 or unchecked(git)',
    );
  });

  it("is empty for an expression of literals", () => {
    expect(compiled("1 < 2").references).toEqual([]);
  });
});

describe("evaluate: repository functions", () => {
  it("passes globs and the regex, and says which expressions read the repository", () => {
    const { ctx, calls } = recordingContext({ exists: true, contains: true, files: 3 });
    const expr = compiled(
      'exists("**/*.dvc") and contains("src/**/*.py", /import wandb/m) and files("tests/*") > 2',
    );
    expect(expr.evaluate(ctx)).toBe(true);
    expect(calls.map((c) => [c.method, String(c.args[0]), String(c.args[1] ?? "")])).toEqual([
      ["exists", "**/*.dvc", ""],
      ["contains", "src/**/*.py", "/import wandb/m"],
      ["files", "tests/*", ""],
    ]);
    expect(expr.usesRepository).toBe(true);
    expect(compiled("checked(dvc)").usesRepository).toBe(false);
  });
});
