import type { ChecklistEvidence, LintResult } from "@mlops-report/rules";
import { hostileResult } from "@mlops-report/testing/arbitraries";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext } from "@mlops-report/testing/factory";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvidenceTally, evidenceSummary } from "./checklist-evidence.js";
import { stringifyWellFormed } from "./escape.js";
import { formatNames, listOf, type ResultList, reporterStreams, reporters } from "./index.js";
import { type JsonParts, jsonArray, jsonObject, jsonValue } from "./json-parts.js";

/** A packed list as the engine hands it over: each read makes the result anew, and is counted. */
function countingList(results: readonly LintResult[]): ResultList & { reads: number } {
  const list = {
    reads: 0,
    length: results.length,
    filePath: (index: number) => results[index]!.filePath,
    read: (index: number) => {
      list.reads++;
      return structuredClone(results[index]!);
    },
  };
  return list;
}

const classOf = (size: number) =>
  Array.from({ length: size }, (_, i) => exampleResult(`g${String(i).padStart(2, "0")}/reports/README.md`));

/** How many times each format reads every result: once, or twice where its head counts them all. */
const PASSES: Record<string, number> = { junit: 2, sarif: 2, csv: 2, "csv-students": 2, html: 1 };

describe("formats written in parts", () => {
  it("give in parts, from a list read a result at a time, the text their reporter gives", () => {
    fc.assert(
      fc.property(
        fc.array(hostileResult, { maxLength: 4 }),
        fc.constantFrom(...formatNames),
        fc.boolean(),
        (results, format, showEvidence) => {
          const context = makeContext({ showEvidence, color: true });
          const parts = [...reporterStreams[format](countingList(results), context)];
          expect(parts.join("")).toBe(reporters[format](results, context));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("read each result of a class once per pass, and the JSON a result before it writes it", () => {
    const results = classOf(6);
    for (const format of formatNames) {
      const list = countingList(results);
      [...reporterStreams[format](list, makeContext({ showEvidence: true }))];
      expect(list.reads, format).toBe(results.length * (PASSES[format] ?? 1));
    }
    const list = countingList(results);
    const reads: number[] = [];
    // A result's part is its object, which opens with its path.
    for (const part of reporterStreams.json(list, makeContext()))
      if (part.startsWith('{\n      "filePath"')) reads.push(list.reads);
    expect(reads).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("read a result again only to order two results of one path", () => {
    const twice = [exampleResult("a/reports/README.md"), exampleResult("a/reports/README.md")];
    const list = countingList(twice);
    expect([...reporterStreams.compact(list, makeContext())].join("")).toBe(
      reporters.compact(twice, makeContext()),
    );
    expect(list.reads).toBeGreaterThan(twice.length);
  });
});

/** A JSON value and the parts that write it, `depth` levels deep, made of objects and arrays written in parts. */
function partsOf(value: unknown, depth: number, split: (path: string) => boolean, path = ""): JsonParts {
  if (!split(path) || value === null || typeof value !== "object") return jsonValue(value, depth);
  if (Array.isArray(value))
    return jsonArray(
      value.map((element, i) => partsOf(element, depth + 1, split, `${path}/${i}`)),
      depth,
    );
  return jsonObject(
    Object.entries(value).map(([key, member]) => [key, partsOf(member, depth + 1, split, `${path}/${key}`)]),
    depth,
  );
}

describe("JSON in parts", () => {
  it("is the text of the whole value, however it is split", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.func(fc.boolean()), (value, split) => {
        const text = [...partsOf(value, 0, (path) => path === "" || split(path))].join("");
        expect(text).toBe(stringifyWellFormed(value));
      }),
    );
  });

  it("keeps line breaks and lone surrogates of strings inside the string", () => {
    const value = { a: ["x\ny", "\uD800"], b: { c: "\r\n" } };
    expect([...partsOf(value, 0, () => true)].join("")).toBe(stringifyWellFormed(value));
  });
});

/** A result whose checklist names `ids`, in that order. */
function withIds(path: string, ids: readonly string[]): LintResult {
  const checklist = ids.map(
    (id, line): ChecklistEvidence => ({ id, line, text: id, state: "checked", repository: null }),
  );
  return { ...exampleResult(path), checklist };
}

describe("the checklist evidence tallied a result at a time", () => {
  it("keeps the rows in the order the results were given first show them, whatever order they are added in", () => {
    const id = fc.constantFrom("dvc", "docker", "api", "cloud", "wandb");
    fc.assert(
      fc.property(
        fc
          .array(fc.uniqueArray(id), { maxLength: 6 })
          .chain((lists) =>
            fc.tuple(fc.constant(lists), fc.shuffledSubarray([...lists.keys()], { minLength: lists.length })),
          ),
        ([lists, order]) => {
          const results = lists.map((ids, i) => withIds(`g${i}/reports/README.md`, ids));
          const tally = new EvidenceTally();
          for (const position of order) tally.add(results[position]!, position);
          expect(tally.summary()).toEqual(evidenceSummary(results));
        },
      ),
    );
  });

  it("counts each result of a list once", () => {
    const results = [withIds("a.md", ["dvc"]), withIds("b.md", ["dvc", "api"])];
    const list = listOf(results);
    const tally = new EvidenceTally();
    for (let i = 0; i < list.length; i++) tally.add(list.read(i), i);
    expect(tally.summary().map((row) => [row.id, row.reports])).toEqual([
      ["dvc", 2],
      ["api", 1],
    ]);
  });
});
