/**
 * Known limits (docs/evidence.md). These tests pin the current behaviour so that a
 * change to it is a deliberate one; they are not the behaviour a careful reader would choose.
 */

import { answer, classify } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { findEvidence, mentions, negated } from "./index.js";

describe("known limits of §4.3", () => {
  it("subject carry-over: a denial in a clause without the term denies nothing", () => {
    const blocks = answer("Our Optuna sweep got a config file but never launched.");
    expect(mentions(blocks, ["sweep"])).toBe(true);
    expect(negated(blocks, ["sweep"])).toBe(false);
  });

  it("a partial denial first discards a plain description later", () => {
    const terms = [/cach\w*|(?:linux|windows)[^.]{0,40}(?:linux|windows|macos)/i];
    const blocks = answer(
      "Our formatting job has no cache step.",
      "The test job spans Linux, Windows and macOS.",
    );
    expect(findEvidence(blocks, terms).map((h) => [h.term, h.status])).toEqual([
      ["cache", "negated"],
      ["Linux, Windows and macOS", "hypothetical"],
    ]);
    expect(mentions(blocks, terms)).toBe(false);
  });

  it("a failure inside a tool that was used reads as a denial of the tool", () => {
    expect(
      classify("Sorting our traces inside Cloud Monitoring could not be done.", ["cloud monitoring"]),
    ).toEqual([["Cloud Monitoring", "negated"]]);
  });
});

describe("further limits", () => {
  it("'and' does not end a clause, so a denial runs on into the next verb phrase", () => {
    expect(classify("We never adopted DVC and Hydra handled the configs.", ["dvc", "hydra"])).toEqual([
      ["DVC", "negated"],
      ["Hydra", "negated"],
    ]);
  });

  it("a denial of another verb still denies the term after it", () => {
    expect(classify("We never saw big gains from Hydra.", ["hydra"])).toEqual([["Hydra", "negated"]]);
    expect(classify("We opted to not upload example frames to W&B.", ["w&b"])).toEqual([["W&B", "negated"]]);
  });

  it("'could' of past ability and 'would' of habit read as hypotheses", () => {
    expect(classify("With the bucket mounted we could train anywhere.", ["bucket"])).toEqual([
      ["bucket", "hypothetical"],
    ]);
    expect(classify("Each night Hydra would write a new run folder.", ["hydra"])).toEqual([
      ["Hydra", "hypothetical"],
    ]);
  });

  it("a bare 'No.' denies nothing that a term can show", () => {
    const blocks = answer("No.", "Our images never change after download.");
    expect(findEvidence(blocks, ["dvc"])).toEqual([]);
    expect(negated(blocks, ["dvc"])).toBe(false);
  });

  it("'etc.' before a capital does not end the sentence", () => {
    expect(classify("We used Ruff, mypy etc. The team never used Black.", ["ruff", "black"])).toEqual([
      ["Ruff", "asserted"],
      ["Black", "negated"],
    ]);
  });

  it("a past tense other than was/were/been/had/did does not make a sentence personal", () => {
    const blocks = answer("No.", "The scheduler triggered Locust every hour.");
    expect(classify("The scheduler triggered Locust every hour.", ["locust"])).toEqual([
      ["Locust", "asserted"],
    ]);
    expect(findEvidence(blocks, ["locust"]).map((h) => h.status)).toEqual(["hypothetical"]);
  });
});
