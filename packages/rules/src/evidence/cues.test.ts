import { answer, classify } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { findEvidence, mentions, negated } from "./index.js";

/** Status and cue of the only hit of `term` in a one-paragraph answer. */
function only(text: string, term: string): [string, string | null] {
  const hits = findEvidence(answer(text), [term]);
  expect(hits, text).toHaveLength(1);
  return [hits[0]!.status, hits[0]!.cue ?? null];
}

describe("verbal negation cues (§4.4)", () => {
  it.each([
    ["We did not containerise the trainer.", "did not"],
    ["We didn't containerise the trainer.", "didn't"],
    ["We do not containerise the trainer.", "do not"],
    ["We don't containerise the trainer.", "don't"],
    ["The team does not containerise the trainer.", "does not"],
    ["The team doesn't containerise the trainer.", "doesn't"],
    ["It was not possible to containerise the trainer.", "was not"],
    ["It wasn't possible to containerise the trainer.", "wasn't"],
    ["We were not able to containerise the trainer.", "were not"],
    ["We weren't able to containerise the trainer.", "weren't"],
    ["It is not worth it to containerise the trainer.", "is not"],
    ["It isn't worth it to containerise the trainer.", "isn't"],
    ["We are not containerising the trainer.", "are not"],
    ["We aren't going to containerise the trainer.", "aren't"],
    ["We have not containerised the trainer.", "have not"],
    ["We haven't containerised the trainer.", "haven't"],
    ["The team has not containerised the trainer.", "has not"],
    ["The team hasn't containerised the trainer.", "hasn't"],
    ["We had not containerised the trainer.", "had not"],
    ["We hadn't containerised the trainer.", "hadn't"],
    ["We could not containerise the trainer.", "could not"],
    ["We couldn't containerise the trainer.", "couldn't"],
    ["We cannot containerise the trainer.", "cannot"],
    ["We can't containerise the trainer.", "can't"],
    ["We never containerised the trainer.", "never"],
    ["We chose Podman, not the trainer image.", "not"],
  ])("negated: %s", (text, cue) => {
    expect(only(text, "trainer")).toEqual(["negated", cue]);
  });

  it("asserted: the term stands before an active verbal denial", () => {
    expect(only("The trainer image does not need a GPU.", "trainer")).toEqual(["asserted", null]);
  });

  it("hypothetical: the denial and a hypothesis share the term's clause", () => {
    expect(only("We wouldn't containerise the trainer.", "trainer")).toEqual(["hypothetical", "wouldn't"]);
    expect(only("We should not containerise the trainer.", "trainer")).toEqual(["hypothetical", "should"]);
  });
});

describe("phrasal negation cues (§4.4)", () => {
  it.each([
    ["We did not manage to wire up Evidently.", "did not manage to"],
    ["We did not have time to wire up Evidently.", "did not have time to"],
    ["We didn't get to wire up Evidently.", "didn't get to"],
    ["Evidently was not set up.", "was not"],
    ["Evidently reports not implemented.", "not"],
    ["Evidently not prioritized by the team.", "not"],
    ["We were unable to wire up Evidently.", "unable to"],
    ["We failed to wire up Evidently.", "failed to"],
    ["We decided against wiring up Evidently.", "decided against"],
    ["We decided not to wire up Evidently.", "decided not to"],
    ["We ended up not wiring up Evidently.", "ended up not"],
    ["Later we moved away from Evidently.", "moved away from"],
    ["After a day we gave up on Evidently.", "gave up"],
    ["We skipped Evidently entirely.", "skipped"],
    ["Evidently was dropped in week three.", "dropped"],
    ["We avoided Evidently for now.", "avoided"],
    ["We avoid Evidently for now.", "avoid"],
    ["We lacked the hours for Evidently.", "lacked"],
    ["Evidently was out of scope.", "out of scope"],
    ["We ran out of time for Evidently.", "ran out of time"],
    ["We had no time for Evidently.", "had no time"],
    ["There was no need for Evidently.", "no need"],
  ])("negated: %s", (text, cue) => {
    expect(only(text, "evidently")).toEqual(["negated", cue]);
  });

  it("asserted: the term stands before an active phrasal denial", () => {
    expect(only("Evidently failed to load one column.", "evidently")).toEqual(["asserted", null]);
    expect(only("Evidently reports skipped rows.", "evidently")).toEqual(["asserted", null]);
  });

  it("hypothetical: a hypothesis in the same clause wins", () => {
    expect(only("We might skip Evidently.", "evidently")).toEqual(["hypothetical", "might"]);
  });
});

describe("short-scope negation cues (§4.4)", () => {
  it.each([
    ["We serve predictions with no BentoML layer.", "no"],
    ["We serve predictions without BentoML.", "without"],
    ["We serve predictions without using BentoML.", "without"],
    ["We serve predictions through FastAPI instead of BentoML.", "instead of"],
    ["We serve predictions through FastAPI rather than BentoML.", "rather than"],
    ["We serve predictions with no extra BentoML layer.", "no"],
  ])("negated: %s", (text, cue) => {
    expect(only(text, "bentoml")).toEqual(["negated", cue]);
  });

  it("asserted: the term lies beyond the noun phrase", () => {
    expect(only("We hit no errors when serving with BentoML.", "bentoml")).toEqual(["asserted", null]);
    expect(only("There were no extra hand written wrappers around BentoML.", "bentoml")).toEqual([
      "asserted",
      null,
    ]);
  });

  it("hypothetical: a hypothesis in the clause wins", () => {
    expect(only("We could serve it without BentoML.", "bentoml")).toEqual(["hypothetical", "could"]);
  });
});

describe("answer-initial 'No,' / 'No.' (§4.4)", () => {
  it("negated: the opening 'No' denies the first sentence's terms", () => {
    expect(only("No, a static snapshot made DVC unnecessary.", "dvc")).toEqual(["negated", "No"]);
    expect(only("No - DVC felt like overkill.", "dvc")).toEqual(["negated", "No"]);
  });

  it("asserted: a contrast ends the denial", () => {
    expect(only("No, however DVC now tracks the labels.", "dvc")).toEqual(["asserted", null]);
  });

  it("hypothetical: a hypothesis in the term's clause wins", () => {
    expect(only("No, although DVC would help.", "dvc")).toEqual(["hypothetical", "would"]);
  });

  it("negated: a counterfactual in the term's clause denies it too", () => {
    expect(only("No, although DVC would have helped.", "dvc")).toEqual(["negated", "would have helped"]);
  });
});

describe("phrases that are not negation (§4.4)", () => {
  it.each([
    "We not only ran Optuna but also logged it.",
    "It is not just Optuna that tunes the model.",
    "Optuna is not necessarily faster here.",
    "We were not sure Optuna helps, yet it ran.",
    "Pick Optuna if not stated otherwise.",
    "Optuna logs trials whether or not they finish.",
    "No matter what, Optuna ran every night.",
    "We saw no major issues with Optuna.",
    "We configured the runner not to cancel Optuna jobs.",
    "We found no regressions after Optuna tuning.",
    "Setting up Optuna was not difficult.",
    "We wrote 9 tests, not including the Optuna smoke test.",
  ])("asserted: %s", (text) => {
    expect(only(text, "optuna")).toEqual(["asserted", null]);
  });

  it("negated: a decision not to … is still a denial", () => {
    expect(only("We chose not to run Optuna.", "optuna")).toEqual(["negated", "not"]);
  });

  it("hypothetical: a hypothesis beside an excluded phrase", () => {
    expect(only("Optuna would not necessarily help.", "optuna")).toEqual(["hypothetical", "would"]);
  });
});

describe("hypothesis cues (§4.4)", () => {
  it.each([
    ["We would add Grafana panels.", "would"],
    ["We could add Grafana panels.", "could"],
    ["We should add Grafana panels.", "should"],
    ["We might add Grafana panels.", "might"],
    ["We may add Grafana panels.", "may"],
    ["We should have added Grafana panels.", "should have"],
    ["We would like to add Grafana panels.", "would like to"],
    ["We would have liked to add Grafana panels.", "would have liked to"],
    ["If we had more time, Grafana panels come next.", "If we had"],
    ["If we were to extend it, Grafana panels come first.", "If we were to"],
    ["Given more time, Grafana panels come first.", "Given more time"],
    ["We plan Grafana panels next.", "We plan"],
    ["We planned to add Grafana panels.", "planned to"],
    ["We intend to add Grafana panels.", "intend to"],
    ["We aim to add Grafana panels.", "aim to"],
    ["In the future, Grafana panels are on the list.", "In the future"],
    ["For future releases, Grafana panels are on the list.", "For future"],
    ["Future work includes Grafana panels.", "Future work"],
    ["Moving forward, Grafana panels are on the list.", "Moving forward"],
    ["Looking forward, Grafana panels are on the list.", "Looking forward"],
    ["Next steps include Grafana panels.", "Next steps"],
    ["Ideally, Grafana panels show the latency.", "Ideally"],
    ["We considered Grafana panels.", "considered"],
    ["We are considering adding Grafana panels.", "are considering"],
  ])("hypothetical: %s", (text, cue) => {
    expect(only(text, "grafana")).toEqual(["hypothetical", cue]);
  });

  it.each([
    ["We would have added Grafana panels.", "would have added"],
    ["We could have added Grafana panels.", "could have added"],
    ["With Grafana we could have easily spotted the spikes.", "could have easily spotted"],
  ])("negated: a counterfactual says it was not done: %s", (text, cue) => {
    expect(only(text, "grafana")).toEqual(["negated", cue]);
  });

  it("negated: 'could not' is a past denial, not a hypothesis", () => {
    expect(only("We could not add Grafana panels.", "grafana")).toEqual(["negated", "could not"]);
  });

  it("asserted: stated intent words that describe the system, not a plan", () => {
    expect(only("The Grafana panel worked as intended.", "grafana")).toEqual(["asserted", null]);
    expect(only("Grafana is considered standard, and we use it.", "grafana")).toEqual(["asserted", null]);
    expect(only("Grafana lays the groundwork for future dashboards.", "grafana")).toEqual(["asserted", null]);
  });
});

describe("attempt cues (§4.4)", () => {
  it.each([
    ["We tried to deploy a TorchServe handler.", "tried to"],
    ["We attempted to deploy a TorchServe handler.", "attempted to"],
    ["We try to deploy a TorchServe handler.", "try to"],
    ["We tried instead to deploy a TorchServe handler.", "tried instead to"],
    ["[started but not finished] a TorchServe handler.", "started but not finished"],
  ])("hypothetical: %s", (text, cue) => {
    expect(only(text, "torchserve")).toEqual(["hypothetical", cue]);
  });

  it("asserted: the term before the attempt, and 'experimented with', count", () => {
    expect(only("TorchServe ran, and we tried to tune it.", "torchserve")).toEqual(["asserted", null]);
    expect(only("We experimented with TorchServe for a week.", "torchserve")).toEqual(["asserted", null]);
  });

  it("negated: a denied attempt is a denial", () => {
    expect(only("We did not try to deploy TorchServe.", "torchserve")).toEqual(["negated", "did not"]);
  });
});

describe("generic statements after a denial (§4.4)", () => {
  it("asserted: a first-person or past-tense sentence still counts", () => {
    const blocks = answer("We did not set up alerting at first.", "Later we added an alert on errors.");
    expect(findEvidence(blocks, ["alert"]).map((h) => h.status)).toEqual(["asserted"]);
    const past = answer("Alerting was not configured at first.", "An alert was created for latency.");
    expect(findEvidence(past, [/alert\w*/i]).map((h) => h.status)).toEqual(["negated", "asserted"]);
    const fragment = answer("No alerts at first.", "Created an alert policy in week three.");
    expect(findEvidence(fragment, [/alert\w*/i]).map((h) => h.status)).toEqual(["negated", "asserted"]);
  });

  it("negated: the opening denial itself", () => {
    expect(
      negated(answer("We never configured an alert.", "An alert informs the on-call person."), ["alert"]),
    ).toBe(true);
  });

  it("hypothetical: an impersonal present-tense sentence after the denial", () => {
    const blocks = answer("We never configured an alert.", "An alert informs the on-call person.");
    expect(findEvidence(blocks, ["alert"]).map((h) => [h.status, h.cue ?? null])).toEqual([
      ["negated", "never"],
      ["hypothetical", "generic statement after a denial"],
    ]);
    expect(mentions(blocks, ["alert"])).toBe(false);
  });

  it("present-tense description counts when the answer does not open with a denial", () => {
    expect(classify("An alert informs the on-call person.", ["alert"])).toEqual([["alert", "asserted"]]);
  });
});
