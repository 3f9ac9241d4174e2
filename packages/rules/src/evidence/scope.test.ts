import { answer, block, classify } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { findEvidence, mentions, negated } from "./index.js";

describe("clauses: where a denial stops (§4.3)", () => {
  it("splits at a semicolon", () => {
    expect(classify("We never set up Optuna; Hydra handled every config.", ["optuna", "hydra"])).toEqual([
      ["Optuna", "negated"],
      ["Hydra", "asserted"],
    ]);
  });

  it("splits at 'but', with or without a comma", () => {
    expect(
      classify("We wrote API tests but no stress tests for the service.", ["api tests", "stress tests"]),
    ).toEqual([
      ["API tests", "asserted"],
      ["stress tests", "negated"],
    ]);
    expect(classify("The cache was not kept, but Docker layers were reused.", ["cache", "docker"])).toEqual([
      ["cache", "negated"],
      ["Docker", "asserted"],
    ]);
  });

  it("splits at however, whereas, although and though", () => {
    expect(
      classify(
        "We did not pin versions however Poetry locks them, whereas pip does not lock Ruff although Ruff is fast",
        ["poetry", "ruff"],
      ),
    ).toEqual([
      ["Poetry", "asserted"],
      ["Ruff", "negated"],
      ["Ruff", "asserted"],
    ]);
  });

  it("splits at ', while' and after a leading 'While …,'", () => {
    expect(classify("While we did not tune much, Optuna ran twice.", ["optuna"])).toEqual([
      ["Optuna", "asserted"],
    ]);
    expect(classify("The GPU was not needed, while Vertex scaled the jobs.", ["gpu", "vertex"])).toEqual([
      ["GPU", "negated"],
      ["Vertex", "asserted"],
    ]);
  });

  it("splits at ', which', ', where', 'because', 'since', ', as' and 'so (that)'", () => {
    expect(
      classify("We did not need Kubernetes, which Cloud Run replaces.", ["kubernetes", "cloud run"]),
    ).toEqual([
      ["Kubernetes", "negated"],
      ["Cloud Run", "asserted"],
    ]);
    expect(
      classify("We never used Colab because the Compute Engine VM was enough.", ["colab", "compute engine"]),
    ).toEqual([
      ["Colab", "negated"],
      ["Compute Engine", "asserted"],
    ]);
    expect(classify("No GPU quota was granted, as Vertex jobs used CPUs.", ["gpu", "vertex"])).toEqual([
      ["GPU", "negated"],
      ["Vertex", "asserted"],
    ]);
    expect(
      classify("We did not store images so that the bucket stayed small.", ["images", "bucket"]),
    ).toEqual([
      ["images", "negated"],
      ["bucket", "asserted"],
    ]);
    expect(classify("The app was not deployed since Cloud Run needs a login.", ["app", "cloud run"])).toEqual(
      [
        ["app", "negated"],
        ["Cloud Run", "asserted"],
      ],
    );
  });

  it("splits at a comma before a new subject", () => {
    expect(classify("Caching was never enabled, we rely on Docker layers.", ["caching", "docker"])).toEqual([
      ["Caching", "negated"],
      ["Docker", "asserted"],
    ]);
    expect(
      classify("We did not add Windows runners, and it still passes on Ubuntu.", ["windows", "ubuntu"]),
    ).toEqual([
      ["Windows", "negated"],
      ["Ubuntu", "asserted"],
    ]);
  });

  it("does not split at a comma before other words", () => {
    expect(
      classify("We did not add Windows runners, Ubuntu runners or caching.", ["ubuntu", "caching"]),
    ).toEqual([
      ["Ubuntu", "negated"],
      ["caching", "negated"],
    ]);
  });

  it("keeps a leading infinitive with the clause after it", () => {
    expect(classify("To stress test the endpoint, we would script many requests.", ["stress test"])).toEqual([
      ["stress test", "hypothetical"],
    ]);
    expect(classify("For stress testing, we would use k6.", ["stress testing", "k6"])).toEqual([
      ["stress testing", "hypothetical"],
      ["k6", "hypothetical"],
    ]);
  });

  it("lets a leading topic phrase share the main clause's denial", () => {
    expect(classify("As for sweeps, we never got to them.", ["sweeps"])).toEqual([["sweeps", "negated"]]);
    expect(classify("Regarding sweeps, nothing was run.", ["sweeps"])).toEqual([["sweeps", "asserted"]]);
    expect(classify("For stress testing, we would not want k6.", ["stress testing"])).toEqual([
      ["stress testing", "hypothetical"],
    ]);
  });

  it("keeps a denial inside a leading phrase from reaching the main clause", () => {
    expect(classify("To make sure runs were not lost, we logged them to W&B.", ["w&b"])).toEqual([
      ["W&B", "asserted"],
    ]);
  });
});

describe("negation scope (§4.3)", () => {
  it("a verbal denial covers the rest of its clause, not the words before it", () => {
    expect(
      classify("Hydra loads the configs and we did not add OmegaConf resolvers.", ["hydra", "omegaconf"]),
    ).toEqual([
      ["Hydra", "asserted"],
      ["OmegaConf", "negated"],
    ]);
  });

  it("a passive denial also covers its subject", () => {
    expect(classify("The Locust scenario was not executed.", ["locust"])).toEqual([["Locust", "negated"]]);
    expect(classify("Our drift report has not been deployed yet.", ["drift"])).toEqual([
      ["drift", "negated"],
    ]);
    expect(classify("Our grid sweep was never actually launched.", ["sweep"])).toEqual([
      ["sweep", "negated"],
    ]);
    expect(classify("The ONNX export could not be loaded.", ["onnx"])).toEqual([["ONNX", "negated"]]);
    expect(classify("Monitoring dashboards: not implemented.", ["monitoring"])).toEqual([
      ["Monitoring", "negated"],
    ]);
  });

  it("a copula with an absence predicate covers its subject", () => {
    expect(classify("A frontend is not part of the final system.", ["frontend"])).toEqual([
      ["frontend", "negated"],
    ]);
    expect(classify("Streamlit is not fast enough for us.", ["streamlit"])).toEqual([
      ["Streamlit", "asserted"],
    ]);
  });

  it("a passive subject does not reach back past a comma or a clause word", () => {
    expect(
      classify("We set alerts and checked that the queue was not overloaded.", ["alerts", "queue"]),
    ).toEqual([
      ["alerts", "asserted"],
      ["queue", "negated"],
    ]);
  });

  it("'no', 'without', 'instead of' and 'rather than' cover only the next noun phrase", () => {
    expect(
      classify("We shipped it without a frontend and added Streamlit later.", ["frontend", "streamlit"]),
    ).toEqual([
      ["frontend", "negated"],
      ["Streamlit", "asserted"],
    ]);
    expect(classify("No formal load or stress tests exist for it.", ["stress tests"])).toEqual([
      ["stress tests", "negated"],
    ]);
    expect(classify("There is no data for the drift monitor.", ["drift"])).toEqual([["drift", "asserted"]]);
    expect(
      classify("Builds run in GitHub Actions instead of Cloud Build.", ["github actions", "cloud build"]),
    ).toEqual([
      ["GitHub Actions", "asserted"],
      ["Cloud Build", "negated"],
    ]);
    expect(classify("We chose Gradio rather than a custom React app.", ["gradio", "react"])).toEqual([
      ["Gradio", "asserted"],
      ["React", "negated"],
    ]);
  });

  it("a denial inside parentheses stops at the closing parenthesis", () => {
    expect(classify("Data lives in DVC (not Git LFS) and a GCS bucket.", ["git lfs", "bucket"])).toEqual([
      ["Git LFS", "negated"],
      ["bucket", "asserted"],
    ]);
  });
});

describe("hypothesis scope (§4.3)", () => {
  it("a hypothesis covers its own clause and every later clause of the sentence", () => {
    expect(
      classify("Locust is easy to add, and we could run it nightly, which stresses the API.", [
        "locust",
        "api",
      ]),
    ).toEqual([
      ["Locust", "asserted"],
      ["API", "hypothetical"],
    ]);
    expect(classify("We used Prometheus, which might feed Grafana.", ["prometheus", "grafana"])).toEqual([
      ["Prometheus", "asserted"],
      ["Grafana", "hypothetical"],
    ]);
  });

  it("does not reach into the next sentence", () => {
    expect(classify("Grafana would help. We use Prometheus.", ["grafana", "prometheus"])).toEqual([
      ["Grafana", "hypothetical"],
      ["Prometheus", "asserted"],
    ]);
  });

  it("a denial stays a denial when the hypothesis is in an earlier clause", () => {
    expect(classify("If we had more budget, we did not want a GPU anyway.", ["gpu"])).toEqual([
      ["GPU", "negated"],
    ]);
  });

  it("a denial with the hypothesis in its own clause is hypothetical", () => {
    expect(classify("We would not want Kubeflow here.", ["kubeflow"])).toEqual([
      ["Kubeflow", "hypothetical"],
    ]);
  });

  it("a leading condition shares the hypothesis of the clause after it", () => {
    expect(classify("If we moved the API to Cloud Run, scaling would be automatic.", ["cloud run"])).toEqual([
      ["Cloud Run", "hypothetical"],
    ]);
    expect(classify("If traffic spikes, an alert fires.", ["alert"])).toEqual([["alert", "asserted"]]);
    expect(classify("If traffic spikes an alert fires.", ["alert"])).toEqual([["alert", "asserted"]]);
  });
});

describe("'instead' (§4.3)", () => {
  it("a clause that ends in 'instead' is the asserted replacement", () => {
    expect(
      classify("We skipped Vertex AI for training, but ran a Compute Engine VM instead.", [
        "vertex",
        "compute engine",
      ]),
    ).toEqual([
      ["Vertex", "negated"],
      ["Compute Engine", "asserted"],
    ]);
  });

  it("splits a denial from its replacement at 'and' when the clause ends in 'instead'", () => {
    expect(
      classify("We did not use Cloud Functions and deployed to Cloud Run instead.", [
        "cloud functions",
        "cloud run",
      ]),
    ).toEqual([
      ["Cloud Functions", "negated"],
      ["Cloud Run", "asserted"],
    ]);
  });

  it("a clause that opens with 'instead' is the replacement too", () => {
    expect(
      classify("No Compute Engine was used; instead, Vertex AI ran the jobs.", ["compute engine", "vertex"]),
    ).toEqual([
      ["Compute Engine", "negated"],
      ["Vertex", "asserted"],
    ]);
  });
});

describe("answer-initial 'No' (§4.4)", () => {
  it("denies the terms of the first sentence up to a contrast", () => {
    expect(statusesOf(answer("No, since the images never change, DVC seemed pointless."), ["dvc"])).toEqual([
      ["DVC", "negated"],
    ]);
    expect(statusesOf(answer("No, but a GCS bucket stores the raw files."), ["bucket"])).toEqual([
      ["bucket", "asserted"],
    ]);
    expect(statusesOf(answer("No, we versioned with Git LFS instead."), ["git lfs"])).toEqual([
      ["Git LFS", "asserted"],
    ]);
  });

  it("only applies to the answer's first sentence", () => {
    expect(statusesOf(answer("We kept it simple.", "No, DVC is used everywhere."), ["dvc"])).toEqual([
      ["DVC", "asserted"],
    ]);
  });

  it("does not read 'No' without punctuation as an answer", () => {
    expect(statusesOf(answer("No GPU was needed for DVC pulls."), ["gpu", "dvc"])).toEqual([
      ["GPU", "negated"],
      ["DVC", "asserted"],
    ]);
  });
});

describe("mixed answers (§4.3)", () => {
  it("an answer can both assert and deny the same terms", () => {
    const blocks = answer(
      "We tracked every run in Weights & Biases.",
      "We chose not to send the sample images to Weights & Biases.",
    );
    expect(mentions(blocks, ["weights & biases"])).toBe(true);
    expect(negated(blocks, ["weights & biases"])).toBe(true);
  });

  it("denying one alternative while asserting another makes both true for the pair", () => {
    const blocks = answer("We did not rent Compute Engine machines; we trained with Vertex AI.");
    expect(mentions(blocks, ["compute engine", "vertex ai"])).toBe(true);
    expect(negated(blocks, ["compute engine", "vertex ai"])).toBe(true);
    expect(mentions(blocks, ["compute engine"])).toBe(false);
    expect(negated(blocks, ["vertex ai"])).toBe(false);
  });
});

describe("generic statements after a denial (§4.4)", () => {
  it("discards impersonal present-tense sentences after an answer that opens with a denial", () => {
    const blocks = answer(
      "We did not version the data.",
      "DVC tracks large files next to Git.",
      "Our team stored DVC metadata later.",
      "DVC was set up in the last week.",
      "Configured DVC remotes for the bucket.",
    );
    expect(findEvidence(blocks, ["dvc"]).map((h) => [h.status, h.cue ?? null, h.line])).toEqual([
      ["hypothetical", "generic statement after a denial", 3],
      ["asserted", null, 5],
      ["asserted", null, 7],
      ["asserted", null, 9],
    ]);
  });

  it("applies after the first sentence with a term when that sentence denies it", () => {
    const blocks = answer(
      "Our data is small.",
      "We never used DVC.",
      "DVC needs a remote.",
      "We do use DVC now.",
    );
    expect(statusesOf(blocks, ["dvc"])).toEqual([
      ["DVC", "negated"],
      ["DVC", "hypothetical"],
      ["DVC", "asserted"],
    ]);
  });

  it("does not apply when the first sentence with a term asserts it", () => {
    const blocks = answer("We set up DVC early.", "DVC was not used for models.", "DVC tracks the images.");
    expect(statusesOf(blocks, ["dvc"])).toEqual([
      ["DVC", "asserted"],
      ["DVC", "negated"],
      ["DVC", "asserted"],
    ]);
  });

  it("ignores first-person words that sit in a subordinate clause", () => {
    const blocks = answer("No.", "While useless for our frozen data, DVC shines on live data.");
    expect(statusesOf(blocks, ["dvc"])).toEqual([["DVC", "hypothetical"]]);
  });

  it("counts a first-person main clause before or after the term", () => {
    const blocks = answer("No.", "Using DVC with a bucket, we tracked the labels.");
    expect(statusesOf(blocks, ["dvc", "bucket"])).toEqual([
      ["DVC", "asserted"],
      ["bucket", "asserted"],
    ]);
  });
});

function statusesOf(blocks: ReturnType<typeof answer>, terms: string[]) {
  return findEvidence(blocks, terms).map((h) => [h.term, h.status]);
}

describe("sentences keep their block", () => {
  it("reports the block line of each hit and the normalised sentence", () => {
    const hits = findEvidence(
      [block("Intro.", 4), block("We **never** enabled Ruff. Ruff is fast. We run Ruff now.", 9)],
      ["ruff"],
    );
    expect(hits).toEqual([
      { status: "negated", term: "Ruff", sentence: "We never enabled Ruff.", line: 9, cue: "never" },
      {
        status: "hypothetical",
        term: "Ruff",
        sentence: "Ruff is fast.",
        line: 9,
        cue: "generic statement after a denial",
      },
      { status: "asserted", term: "Ruff", sentence: "We run Ruff now.", line: 9 },
    ]);
  });
});

describe("the examples of docs/evidence.md §5", () => {
  it.each([
    ["We versioned the images with DVC.", ["dvc"], true, false],
    ["Our group never adopted DVC.", ["dvc"], false, true],
    ["DVC was never set up.", ["dvc"], false, true],
    ["We serve the model without BentoML.", ["bentoml"], false, true],
    ["A Locust script would be our load test.", ["locust", "load test"], false, false],
    ["We tried to configure DVC before the deadline.", ["dvc"], false, false],
    ["We wrote endpoint tests but no stress tests.", ["endpoint tests"], true, false],
    ["We wrote endpoint tests but no stress tests.", ["stress tests"], false, true],
    ["No. DVC keeps large files out of Git.", ["dvc"], false, false],
    ["No, we use Git LFS instead.", ["git lfs"], true, false],
    ["Cloud Build was not used; GitHub Actions builds our images instead.", ["github actions"], true, false],
    ["Cloud Build was not used; GitHub Actions builds our images instead.", ["cloud build"], false, true],
  ])("%s %j: mentions %s, negated %s", (text, terms, m, n) => {
    const blocks = [block(text)];
    expect(mentions(blocks, terms)).toBe(m);
    expect(negated(blocks, terms)).toBe(n);
  });
});
