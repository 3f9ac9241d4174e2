/**
 * Shapes of denial that decide whether a consistency finding is an error: what a sentence denies of the term,
 * and what it only seems to deny.
 */

import { answer, classify, cues } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { MISSING_EXTRA, PARTIAL_DENIAL } from "./index.js";

describe("counterfactuals", () => {
  it("deny the tool: what it would have given, or could have done, says it was not used", () => {
    const blocks = answer(
      "We did not use Feast for our features. Feast would have given us one store for them.",
      "We could have used Feast to share features. Feast would allow serving them online.",
    );
    expect(cues(blocks, ["feast"])).toEqual([
      ["Feast", "negated", "did not"],
      ["Feast", "negated", "would have given"],
      ["Feast", "negated", "could have used"],
      ["Feast", "hypothetical", "would"],
    ]);
  });

  it("deny a term before the cue, and leave a wish or a plain modal hypothetical", () => {
    expect(cues(answer("With DVC we could have versioned the raw data."), ["dvc"])).toEqual([
      ["DVC", "negated", "could have versioned"],
    ]);
    expect(
      cues(answer("We would have liked to run a sweep.", "We had hoped to tune with a sweep."), ["sweep"]),
    ).toEqual([
      ["sweep", "hypothetical", "would have liked to"],
      ["sweep", "hypothetical", "had hoped to"],
    ]);
    expect(cues(answer("A sweep could easily find better settings."), ["sweep"])).toEqual([
      ["sweep", "hypothetical", "could"],
    ]);
  });
});

describe("passive denial", () => {
  it("covers the subject and the service named after the verb", () => {
    expect(
      classify("The classifier was not deployed to a serverless platform.", ["classifier", "serverless"]),
    ).toEqual([
      ["classifier", "negated"],
      ["serverless", "negated"],
    ]);
    expect(classify("Kubernetes was never used.", ["kubernetes"])).toEqual([["Kubernetes", "negated"]]);
  });
});

describe("a negation scoped on another verb", () => {
  it("denies nothing of the term that is its subject or object", () => {
    expect(classify("Ruff checks cannot be skipped.", ["ruff"])).toEqual([["Ruff", "asserted"]]);
    expect(classify("Nobody can push to main because the Ruff hook is never bypassed.", ["ruff"])).toEqual([
      ["Ruff", "asserted"],
    ]);
    expect(classify("Tracked Feast files must not be edited by hand.", ["feast"])).toEqual([
      ["Feast", "asserted"],
    ]);
    expect(classify("We did not skip the Ruff step.", ["ruff"])).toEqual([["Ruff", "asserted"]]);
  });

  it("leaves a denial of the doing itself a denial", () => {
    expect(classify("Ruff checks were not set up.", ["ruff"])).toEqual([["Ruff", "negated"]]);
    expect(classify("We skipped the Ruff step.", ["ruff"])).toEqual([["Ruff", "negated"]]);
  });
});

describe("a missing extra named with the term", () => {
  it("is no denial of the term", () => {
    expect(cues(answer("We lacked the time to build a dedicated Feast service."), ["feast"])).toEqual([
      ["Feast", "hypothetical", MISSING_EXTRA],
    ]);
    expect(cues(answer("We did not set up a full Grafana alerting pipeline."), ["grafana"])).toEqual([
      ["Grafana", "hypothetical", MISSING_EXTRA],
    ]);
  });

  it("finds the qualifier in any case", () => {
    expect(cues(answer("We had no time for a STANDALONE Feast service."), ["feast"])).toEqual([
      ["Feast", "hypothetical", MISSING_EXTRA],
    ]);
  });

  it("leaves the plain thing beside it denied", () => {
    expect(classify("We did not run formal unit tests or Locust tests.", ["unit tests", "locust"])).toEqual([
      ["unit tests", "hypothetical"],
      ["Locust", "negated"],
    ]);
  });
});

describe("a negated property of one of several things", () => {
  it("is no denial, and does not turn the next sentences into generic statements", () => {
    const blocks = answer(
      "One of our workflows does not use a build cache.",
      "The test workflow runs on Linux, Windows and macOS.",
    );
    expect(cues(blocks, [/cache/i, /linux[^.]{0,40}macos/i])).toEqual([
      ["cache", "hypothetical", PARTIAL_DENIAL],
      ["Linux, Windows and macOS", "asserted", undefined],
    ]);
    expect(classify("Some of our jobs do not pin a cache key.", ["cache"])).toEqual([
      ["cache", "hypothetical"],
    ]);
    expect(classify("The second workflow is not cached.", ["cached"])).toEqual([["cached", "hypothetical"]]);
    expect(classify("SEVERAL of our jobs do not pin a cache key.", ["cache"])).toEqual([
      ["cache", "hypothetical"],
    ]);
  });

  it("leaves a denial about all of them a denial", () => {
    expect(classify("Our workflows do not use a build cache.", ["cache"])).toEqual([["cache", "negated"]]);
  });
});

describe("a failure inside something that was used", () => {
  it("says the group used the place where it failed", () => {
    expect(classify("We could not sort those traces in the Grafana dashboard.", ["grafana"])).toEqual([
      ["Grafana", "asserted"],
    ]);
  });

  it("finds the place in any case", () => {
    expect(classify("We could not sort those traces Within the Grafana dashboard.", ["grafana"])).toEqual([
      ["Grafana", "asserted"],
    ]);
  });

  it("leaves a denial of doing the work in that place a denial", () => {
    expect(classify("We did not store the images in a Feast store.", ["feast"])).toEqual([
      ["Feast", "negated"],
    ]);
    expect(classify("We could not deploy in Grafana Cloud.", ["grafana"])).toEqual([["Grafana", "negated"]]);
  });
});

describe("a denial that names its own exception", () => {
  it("denies only part, so it is no plain denial", () => {
    expect(
      cues(answer("We did not write config files apart from the sweep file."), ["config files"]),
    ).toEqual([["config files", "hypothetical", PARTIAL_DENIAL]]);
    expect(cues(answer("We did not write config files for the API."), ["config files"])).toEqual([
      ["config files", "negated", "did not"],
    ]);
  });
});

describe("an inverted conditional", () => {
  it("is a hypothesis", () => {
    expect(cues(answer("Had we pursued sweeps, Optuna would have been our pick."), ["sweeps"])).toEqual([
      ["sweeps", "hypothetical", "Had we"],
    ]);
  });
});
