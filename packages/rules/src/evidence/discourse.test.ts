/** Readings that reach past one sentence: failures told after an attempt, hypothetical lists, general benefits. */

import { answer, block, cues } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { FAILED_ATTEMPT, GENERIC_BENEFIT } from "./index.js";

describe("a failure told after the work", () => {
  it("undoes the assertion of the sentence before it in the same paragraph", () => {
    expect(
      cues(answer("We launched a Kubeflow job for the tagger. It never finished."), ["kubeflow"]),
    ).toEqual([["Kubeflow", "hypothetical", FAILED_ATTEMPT]]);
    expect(
      cues(answer("We packaged the tagger for Kubeflow. Sadly, the runs kept crashing and we gave up."), [
        "kubeflow",
      ]),
    ).toEqual([["Kubeflow", "hypothetical", FAILED_ATTEMPT]]);
  });

  it("leaves the work done when the next sentence tells no failure, a failure overcome, or another paragraph", () => {
    expect(cues(answer("We launched a Kubeflow job. It took an hour."), ["kubeflow"])).toEqual([
      ["Kubeflow", "asserted", undefined],
    ]);
    expect(
      cues(answer("We launched a Kubeflow job. It failed at first, until we raised the quota."), [
        "kubeflow",
      ]),
    ).toEqual([["Kubeflow", "asserted", undefined]]);
    expect(cues(answer("We launched a Kubeflow job.", "It never finished."), ["kubeflow"])).toEqual([
      ["Kubeflow", "asserted", undefined],
    ]);
    // A failure of something else, named by its own subject, says nothing of the work before it.
    expect(
      cues(answer("We launched a Kubeflow job. Some linters failed on the notebooks."), ["kubeflow"]),
    ).toEqual([["Kubeflow", "asserted", undefined]]);
  });

  it("reads an attempt with a gerund as an attempt", () => {
    expect(cues(answer("We tried packaging the tagger with Kubeflow."), ["kubeflow"])).toEqual([
      ["Kubeflow", "hypothetical", "tried"],
    ]);
  });
});

describe("a list introduced by a hypothesis", () => {
  it("stays a hypothesis for every item, in list items after the paragraph", () => {
    const blocks = [
      block("Tracing would let us:", 1),
      block("spot slow spans in Jaeger", 2, "list-item"),
      block("page the team on Jaeger errors", 3, "list-item"),
      block("We do use Jaeger locally.", 5),
    ];
    expect(cues(blocks, ["jaeger"])).toEqual([
      ["Jaeger", "hypothetical", "would"],
      ["Jaeger", "hypothetical", "would"],
      ["Jaeger", "asserted", undefined],
    ]);
    expect(
      cues([block("If we had another week, we would:", 1), block("add Jaeger", 2, "list-item")], ["jaeger"]),
    ).toEqual([["Jaeger", "hypothetical", "If we had"]]);
  });

  it("stays a hypothesis in an inline enumeration of the same paragraph", () => {
    const blocks = answer(
      "Tracing could give us the following: 1. Latency per call. 2. Jaeger span views. 3. Alarms.",
    );
    expect(cues(blocks, ["jaeger"])).toEqual([["Jaeger", "hypothetical", "could"]]);
  });

  it("leaves a list of work done as done", () => {
    expect(
      cues([block("We set up the following:", 1), block("Jaeger tracing", 2, "list-item")], ["jaeger"]),
    ).toEqual([["Jaeger", "asserted", undefined]]);
  });
});

describe("a general statement of what the work is good for", () => {
  it("describes nothing done when impersonal and in the present", () => {
    expect(cues(answer("Tracing helps find slow Jaeger spans."), ["jaeger"])).toEqual([
      ["Jaeger", "hypothetical", GENERIC_BENEFIT],
    ]);
  });

  it("still describes the group's work when it speaks of it", () => {
    expect(cues(answer("Our Jaeger setup helps find slow spans."), ["jaeger"])).toEqual([
      ["Jaeger", "asserted", undefined],
    ]);
    expect(cues(answer("This enables Jaeger span views per request."), ["jaeger"])).toEqual([
      ["Jaeger", "asserted", undefined],
    ]);
    expect(cues(answer("Jaeger allowed us to find slow spans."), ["jaeger"])).toEqual([
      ["Jaeger", "asserted", undefined],
    ]);
  });
});

describe("what follows a counterfactual in its sentence", () => {
  it("is said of the same unreal case", () => {
    expect(
      cues(answer("Tracing would have spared us trouble, as it lets us see Jaeger spans."), ["jaeger"]),
    ).toEqual([["Jaeger", "hypothetical", "would have spared"]]);
  });
});

describe("a denial inside a parenthetical", () => {
  it("says nothing of the leading topic of its clause", () => {
    expect(cues(answer("Speaking of tracing, it is in our backlog."), ["tracing"])).toEqual([
      ["tracing", "hypothetical", "in our backlog"],
    ]);
    expect(
      cues(answer("As for tracing, we ran Jaeger once (the laptops had no GPU)."), ["tracing", "jaeger"]),
    ).toEqual([
      ["tracing", "asserted", undefined],
      ["Jaeger", "asserted", undefined],
    ]);
    expect(cues(answer("As for tracing, we never set it up."), ["tracing"])).toEqual([
      ["tracing", "negated", "never"],
    ]);
  });
});

describe("a fragment after a hypothesis", () => {
  it("goes on the hypothesis; one with its own subject does not", () => {
    expect(
      cues(answer("Were tracing in place, it would be vital. By following Jaeger spans over time."), [
        "jaeger",
      ]),
    ).toEqual([["Jaeger", "hypothetical", "would"]]);
    expect(cues(answer("Tracing would be vital. By then we had Jaeger running."), ["jaeger"])).toEqual([
      ["Jaeger", "asserted", undefined],
    ]);
  });
});

describe("a clause of degree", () => {
  it("keeps its modal to itself", () => {
    expect(cues(answer("Coverage is 80% depending on how much of the code we could test."), ["80%"])).toEqual(
      [["80%", "asserted", undefined]],
    );
    expect(cues(answer("We discussed how much tracing could add with Jaeger."), ["jaeger"])).toEqual([
      ["Jaeger", "hypothetical", "could"],
    ]);
  });
});

describe("a backlog", () => {
  it("holds plans", () => {
    expect(cues(answer("Tracing with Jaeger is in our backlog."), ["jaeger"])).toEqual([
      ["Jaeger", "hypothetical", "in our backlog"],
    ]);
  });
});
