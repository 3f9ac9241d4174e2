import { answer, block } from "@mlops-report/testing/evidence";
import { CountingStore } from "@mlops-report/testing/rules";
import { describe, expect, it } from "vitest";
import { linearRegExp } from "../linear-regexp.js";
import { findEvidence } from "./index.js";
import {
  answerEvidence,
  type EvidenceStore,
  evidenceKey,
  isStoredEvidence,
  type StoredEvidence,
} from "./store.js";

const DVC = [/dvc/i];

/** The same paragraphs, the answer starting at `line`. */
const at = (line: number, ...paragraphs: string[]) =>
  answer(...paragraphs).map((b) => ({ ...b, line: b.line + line - 1 }));

describe("evidenceKey", () => {
  it("is the same for the same texts at other lines", () => {
    const texts = ["We set up `dvc` for the images.", "We never adopted DVC for the labels."];
    expect(evidenceKey(at(40, ...texts), DVC)).toBe(evidenceKey(at(1, ...texts), DVC));
    expect(evidenceKey(at(40, ...texts), DVC).includes("40")).toBe(false);
  });

  it("differs for another text, code span, block split, term, flag or regex engine", () => {
    const base = evidenceKey([block("We use `dvc` here.")], DVC);
    const others = [
      evidenceKey([block("We use `dvc` there.")], DVC),
      evidenceKey([block("We use dvc here.")], DVC),
      evidenceKey([block("We use `dvc`"), block(" here.")], DVC),
      evidenceKey([block("We use `dvc` here.")], [/dvc/]),
      evidenceKey([block("We use `dvc` here.")], [/dvc/iu]),
      evidenceKey([block("We use `dvc` here.")], ["dvc"]),
      evidenceKey([block("We use `dvc` here.")], [/dvc/i, /git/i]),
      evidenceKey([block("We use `dvc` here.")], [linearRegExp("dvc", "i")]),
    ];
    expect(new Set([base, ...others]).size).toBe(1 + others.length);
  });

  it("keeps terms apart that a separator inside a term would run together", () => {
    expect(evidenceKey([block("a")], ["a\u0000sb"])).not.toBe(evidenceKey([block("a")], ["a", "b"]));
    expect(evidenceKey([block("a")], ['a","b'])).not.toBe(evidenceKey([block("a")], ["a", "b"]));
    expect(evidenceKey([block("x\n")], ["a"])).not.toBe(evidenceKey([block("x")], ["a"]));
  });
});

describe("isStoredEvidence", () => {
  const hit = { status: "negated", term: "DVC", sentence: "We never adopted DVC.", block: 0, cue: "never" };

  it("accepts hits as found", () => {
    expect(isStoredEvidence([])).toBe(true);
    expect(
      isStoredEvidence([hit, { status: "asserted", term: "dvc", sentence: "We use dvc.", block: 2 }]),
    ).toBe(true);
  });

  it("rejects any other shape", () => {
    const sparse: unknown[] = [];
    sparse[1] = hit;
    for (const value of [
      undefined,
      null,
      "hits",
      42,
      { 0: hit, length: 1 },
      sparse,
      [null],
      [{ ...hit, status: "denied" }],
      [{ ...hit, term: 1 }],
      [{ ...hit, sentence: undefined }],
      [{ ...hit, block: -1 }],
      [{ ...hit, block: 0.5 }],
      [{ ...hit, block: "0" }],
      [{ ...hit, block: Number.NaN }],
      [{ ...hit, cue: null }],
      [{ status: "asserted", term: "dvc", sentence: "We use dvc.", line: 3 }],
    ])
      expect(isStoredEvidence(value), JSON.stringify(value)).toBe(false);
  });
});

describe("answerEvidence", () => {
  const texts = [
    "Our data is small.",
    "We set up `dvc` for the images, and we never adopted DVC for the labels.",
  ];

  it("gives what findEvidence gives, found once and then from the store", () => {
    const store = new CountingStore();
    const blocks = at(10, ...texts);
    const expected = findEvidence(blocks, DVC);
    expect(expected.map((h) => [h.term, h.status, h.line])).toEqual([
      ["dvc", "asserted", 12],
      ["DVC", "negated", 12],
    ]);
    expect(answerEvidence(blocks, DVC, store)).toEqual(expected);
    expect(store.take()).toEqual({ gets: 1, misses: 1, sets: 1 });
    expect(answerEvidence(at(10, ...texts), DVC, store)).toEqual(expected);
    expect(store.take()).toEqual({ gets: 1, misses: 0, sets: 0 });
    expect(answerEvidence(blocks, DVC, null)).toEqual(expected);
  });

  it("keeps hits without lines, and gives them the lines of the blocks they are read for", () => {
    const store = new CountingStore();
    answerEvidence(at(10, ...texts), DVC, store);
    // The block's text as the analysis reads it: the code span's backticks are gone.
    const sentence = "We set up dvc for the images, and we never adopted DVC for the labels.";
    expect([...store.entries.values()]).toEqual([
      [
        { status: "asserted", term: "dvc", sentence, block: 1 },
        { status: "negated", term: "DVC", sentence, block: 1, cue: "never" },
      ],
    ]);
    const moved = at(57, ...texts);
    expect(answerEvidence(moved, DVC, store)).toEqual(findEvidence(moved, DVC));
    expect(answerEvidence(moved, DVC, store).map((h) => h.line)).toEqual([59, 59]);
    expect(store.take()).toEqual({ gets: 3, misses: 1, sets: 1 });
  });

  it("finds again, and keeps anew, what a store gives in the wrong shape or for other blocks", () => {
    const blocks = at(10, ...texts);
    const expected = findEvidence(blocks, DVC);
    const forged: unknown[] = [
      "hits",
      [{ status: "asserted", term: "dvc", sentence: "x", line: 3 }],
      // Well shaped, but for an answer of more blocks than this one.
      [{ status: "asserted", term: "dvc", sentence: "x", block: 2 }],
    ];
    for (const value of forged) {
      const added: StoredEvidence[] = [];
      const store: EvidenceStore = {
        get: () => value as StoredEvidence,
        set: (_, v) => added.push(v),
      };
      expect(answerEvidence(blocks, DVC, store)).toEqual(expected);
      expect(added).toHaveLength(1);
    }
  });
});
