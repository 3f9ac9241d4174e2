import { answer, block, classify } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { isNativeRegExp, linearRegExp } from "../linear-regexp.js";
import { findEvidence, mentions, negated, splitSentences } from "./index.js";
import { compileTerm } from "./terms.js";

describe("string terms", () => {
  it("match case-insensitively on word boundaries, inside inline code too", () => {
    expect(
      classify("DVC pulls data; we run `dvc pull` and commit .dvc files, but advocates and dvcs differ.", [
        "dvc",
      ]),
    ).toEqual([
      ["DVC", "asserted"],
      ["dvc", "asserted"],
      ["dvc", "asserted"],
    ]);
  });

  it("match multi-word terms across any whitespace", () => {
    expect(classify("We adopted data   version\tcontrol early.", ["data  version control"])).toEqual([
      ["data version control", "asserted"],
    ]);
    expect(classify("We run `docker   compose up` locally.", ["docker compose"])).toEqual([
      ["docker compose", "asserted"],
    ]);
  });

  it("match punctuation literally", () => {
    expect(
      classify("We logged to Weights & Biases and W&B, not Weights and Biases.", ["weights & biases", "w&b"]),
    ).toEqual([
      ["Weights & Biases", "asserted"],
      ["W&B", "asserted"],
    ]);
    expect(classify("We ran torch.profiler and torchXprofiler.", ["torch.profiler"])).toEqual([
      ["torch.profiler", "asserted"],
    ]);
    expect(classify("The pointer file data.dvc is committed.", [".dvc"])).toEqual([[".dvc", "asserted"]]);
  });

  it("ignore empty terms", () => {
    expect(findEvidence(answer("Anything at all."), ["", "   "])).toEqual([]);
    expect(findEvidence(answer("Anything at all."), [])).toEqual([]);
  });
});

describe("regex terms", () => {
  it("are used as given, flags included", () => {
    expect(classify("We used DVC and dvc.", [/dvc/])).toEqual([["dvc", "asserted"]]);
    expect(classify("We used DVC and dvc.", [/dvc/i])).toEqual([
      ["DVC", "asserted"],
      ["dvc", "asserted"],
    ]);
  });

  it("are not mutated", () => {
    const re = /load[- ]?test\w*/i;
    re.lastIndex = 3;
    expect(classify("We load-tested the API.", [re])).toEqual([["load-tested", "asserted"]]);
    expect(re.flags).toBe("i");
    expect(re.lastIndex).toBe(3);
    const global = /api/gi;
    expect(classify("The API and the api.", [global])).toHaveLength(2);
    expect(global.lastIndex).toBe(0);
  });

  it("skip empty matches", () => {
    expect(findEvidence(answer("Some words."), [/(?:)/, /x*/])).toEqual([]);
  });
});

describe("hits", () => {
  it("come in text order across terms, once per span", () => {
    expect(classify("Ruff, Black and ruff again.", [/ruff/i, "black", "ruff"])).toEqual([
      ["Ruff", "asserted"],
      ["Black", "asserted"],
      ["ruff", "asserted"],
    ]);
  });

  it("report overlapping but different spans separately", () => {
    expect(classify("We used Cloud Build triggers.", ["cloud build", "build triggers"])).toEqual([
      ["Cloud Build", "asserted"],
      ["Build triggers", "asserted"],
    ]);
  });

  it("give the same answer for the same blocks every time", () => {
    const blocks = answer("We never used Kubernetes.", "We use Cloud Run.");
    const first = findEvidence(blocks, ["kubernetes", "cloud run"]);
    expect(findEvidence(blocks, ["kubernetes", "cloud run"])).toEqual(first);
    expect(findEvidence(blocks, ["cloud run"])).toEqual([first[1]]);
    expect(splitSentences(blocks)).toEqual(splitSentences(blocks));
  });
});

describe("mentions and negated", () => {
  it("mentions is true when some hit is asserted", () => {
    expect(mentions(answer("We deployed on Cloud Run."), ["cloud run"])).toBe(true);
    expect(mentions(answer("We would deploy on Cloud Run."), ["cloud run"])).toBe(false);
    expect(mentions(answer("We did not deploy on Cloud Run."), ["cloud run"])).toBe(false);
    expect(mentions(answer("Nothing about it."), ["cloud run"])).toBe(false);
  });

  it("negated is true when some hit is negated", () => {
    expect(negated(answer("We did not deploy on Cloud Run."), ["cloud run"])).toBe(true);
    expect(negated(answer("We would not deploy on Cloud Run."), ["cloud run"])).toBe(false);
    expect(negated(answer("We deployed on Cloud Run."), ["cloud run"])).toBe(false);
    expect(negated([], ["cloud run"])).toBe(false);
  });

  it("read every block of the answer", () => {
    const blocks = [block("Intro.", 1), block("We never ran Locust.", 5, "list-item")];
    expect(negated(blocks, ["locust"])).toBe(true);
    expect(findEvidence(blocks, ["locust"])[0]?.line).toBe(5);
  });
});

describe("regex terms", () => {
  it("keep their engine: an untrusted config's term matches report text in linear time too", () => {
    const linear = linearRegExp("(a+)+b", "i");
    const compiled = compileTerm(linear)!;
    expect(isNativeRegExp(compiled)).toBe(false);
    expect(compiled.flags).toBe("gi");
    // JavaScript's engine backtracks for hours on this line; the linear one answers at once.
    expect(compiled.test(`${"a".repeat(40)}!`)).toBe(false);
    expect(isNativeRegExp(compileTerm(/dvc/i)!)).toBe(true);
  });
});
