import { answer, block, classify } from "@mlops-report/testing/evidence";
import { describe, expect, it } from "vitest";
import { findEvidence, splitSentences } from "./index.js";

const texts = (...blocks: Parameters<typeof splitSentences>[0][number][]) =>
  splitSentences(blocks).map((s) => s.text);

describe("splitSentences: blocks and positions (§4.2 items 3, 4)", () => {
  it("never joins two blocks and gives each sentence its block's line and index", () => {
    const blocks = [
      block("Our pipeline has three stages:", 10),
      block("Ingest the raw images", 12, "list-item"),
      block("Train the classifier. Export it", 13, "list-item"),
    ];
    expect(splitSentences(blocks)).toEqual([
      { text: "Our pipeline has three stages:", line: 10, block: 0 },
      { text: "Ingest the raw images", line: 12, block: 1 },
      { text: "Train the classifier.", line: 13, block: 2 },
      { text: "Export it", line: 13, block: 2 },
    ]);
  });

  it("keeps a list intro that ends in a colon as a sentence of its own", () => {
    expect(texts(block("The tests cover:"), block("the loader", 2, "list-item"))).toEqual([
      "The tests cover:",
      "the loader",
    ]);
  });

  it("treats a line break left in a block as a space", () => {
    expect(texts(block("We containerised the\ntrainer and the\r\nserver."))).toEqual([
      "We containerised the trainer and the server.",
    ]);
  });

  it("splits at <br> and block-level HTML tags, keeping the text inside tags", () => {
    expect(texts(block("Drift checks<br>They run nightly.<br/>Reports go to a bucket"))).toEqual([
      "Drift checks",
      "They run nightly.",
      "Reports go to a bucket",
    ]);
    expect(texts(block("<h4>Model Monitoring</h4><p>We log every request.</p>"))).toEqual([
      "Model Monitoring",
      "We log every request.",
    ]);
    expect(texts(block("We used <b>bold</b> and <em>Evidently</em> here."))).toEqual([
      "We used bold and Evidently here.",
    ]);
  });

  it("returns nothing for no blocks or blank blocks", () => {
    expect(splitSentences([])).toEqual([]);
    expect(splitSentences([block("   ")])).toEqual([]);
  });
});

describe("splitSentences: sentence ends inside a block (§4.2 item 5)", () => {
  it("ends a sentence at . ! ? before a capital, a digit or a quote", () => {
    expect(
      texts(block("We trained it. It converged! Did it overfit? 3 runs agreed. 'Fine' said the TA.")),
    ).toEqual([
      "We trained it.",
      "It converged!",
      "Did it overfit?",
      "3 runs agreed.",
      "'Fine' said the TA.",
    ]);
  });

  it("does not end a sentence before a lowercase word", () => {
    expect(texts(block("We used ver. two of the tool. then stopped."))).toEqual([
      "We used ver. two of the tool. then stopped.",
    ]);
  });

  it("ends a sentence before an inline code span or a bracket", () => {
    expect(texts(block("Data is versioned. `dvc pull` fetches it. (It is fast.) Done."))).toEqual([
      "Data is versioned.",
      "dvc pull fetches it.",
      "(It is fast.)",
      "Done.",
    ]);
  });

  it("does not end a sentence after an abbreviation", () => {
    expect(
      texts(
        block(
          "We tried tools, e.g. Ruff and Black, i.e. The usual ones, etc. Nothing else. It ran approx. Twice vs. Once. See Fig. 2 and deploys via. Cloud Run.",
        ),
      ),
    ).toEqual([
      "We tried tools, e.g. Ruff and Black, i.e. The usual ones, etc. Nothing else.",
      "It ran approx. Twice vs. Once.",
      "See Fig. 2 and deploys via. Cloud Run.",
    ]);
  });

  it("does not split inside numbers or file names", () => {
    expect(
      texts(block("We pinned Python 3.11 and edited train.py and data.dvc today. Next we tagged v1.2.0.")),
    ).toEqual(["We pinned Python 3.11 and edited train.py and data.dvc today.", "Next we tagged v1.2.0."]);
  });

  it("ends a sentence at a period glued to a capitalised word", () => {
    expect(
      texts(block("The loader is checked on its own.After that the model test runs.Then we stop")),
    ).toEqual(["The loader is checked on its own.", "After that the model test runs.", "Then we stop"]);
  });

  it("does not treat a dotted identifier as a glued period", () => {
    expect(texts(block("We call torch.nn.Module and model.Forward( here"))).toEqual([
      "We call torch.nn.Module and model.Forward( here",
    ]);
  });

  it("keeps closing quotes and brackets with the sentence they end", () => {
    expect(texts(block('It said "done." Then it stopped.) Again.'))).toEqual([
      'It said "done."',
      "Then it stopped.)",
      "Again.",
    ]);
  });
});

describe("splitSentences: inline code (§4.2 items 1, 2)", () => {
  it("never splits inside an inline code span and keeps its text", () => {
    expect(texts(block("We ran `make lint. Then test` on each push. It passed."))).toEqual([
      "We ran make lint. Then test on each push.",
      "It passed.",
    ]);
  });

  it("counts the text of inline code as evidence", () => {
    expect(
      classify("Hooks are defined in `.pre-commit-config.yaml` and run `ruff`.", ["pre-commit", "ruff"]),
    ).toEqual([
      ["pre-commit", "asserted"],
      ["ruff", "asserted"],
    ]);
  });

  it("never reads cues inside inline code", () => {
    expect(
      classify("We build with `docker build --no-cache` and `if not ready` checks.", ["docker"]),
    ).toEqual([["docker", "asserted"]]);
  });

  it("does not search an image written inside a code span", () => {
    const blocks = [block("Our storage: `![storage bucket](figures/bucket.png)` shows it.")];
    expect(findEvidence(blocks, ["bucket"])).toEqual([]);
    expect(splitSentences(blocks)[0]?.text).toBe(
      "Our storage: ![storage bucket](figures/bucket.png) shows it.",
    );
  });

  it("keeps link text, which core leaves in the block", () => {
    expect(classify("The image is built from train.dockerfile in our repo.", ["train.dockerfile"])).toEqual([
      ["train.dockerfile", "asserted"],
    ]);
  });
});

describe("splitSentences: dash lines (§4.2 item 6)", () => {
  it("keeps '-Item' fragments inside the paragraph, where their terms still count", () => {
    const blocks = [block("Our suites: -Data loading (4 tests) -Model shapes (2 tests)")];
    expect(texts(...blocks)).toEqual(["Our suites: -Data loading (4 tests) -Model shapes (2 tests)"]);
    expect(
      classify("Our suites: -Data loading (4 tests) -Model shapes (2 tests)", ["data loading", "model"]),
    ).toEqual([
      ["Data loading", "asserted"],
      ["Model", "asserted"],
    ]);
  });
});

describe("splitSentences: normalisation (§4.2 item 7)", () => {
  it("drops emphasis markers but keeps underscores inside identifiers", () => {
    expect(
      texts(block("We **did not run** __any__ *load* tests in test_api.py or _private_ helpers.")),
    ).toEqual(["We did not run any load tests in test_api.py or private helpers."]);
  });

  it("straightens curly and acute apostrophes and quotes", () => {
    expect(
      texts(block("We didn\u2019t use it, the \u2018team\u2019 didn\u00b4t either: \u201cnever\u201d.")),
    ).toEqual(["We didn't use it, the 'team' didn't either: \"never\"."]);
  });

  it("repairs mojibake apostrophes", () => {
    expect(texts(block("We didnât tag it and they werenâ€™t pushed; weâ€œ stays."))).toEqual([
      "We didn't tag it and they weren't pushed; we\" stays.",
    ]);
  });

  it("unescapes \\% and drops $ math delimiters", () => {
    expect(texts(block("Coverage reached $81\\%$ overall and 7\\% on the API."))).toEqual([
      "Coverage reached 81% overall and 7% on the API.",
    ]);
    expect(classify("Coverage reached $81\\%$ overall.", [/\d+%/])).toEqual([["81%", "asserted"]]);
  });

  it("leaves inline code untouched by normalisation", () => {
    const [sentence] = findEvidence([block("We run `pytest -k **fast** $HOME`.")], [/\*\*fast\*\* \$HOME/]);
    expect(sentence?.sentence).toBe("We run pytest -k **fast** $HOME.");
    expect(sentence?.status).toBe("asserted");
  });

  it("strips a leftover --- wrapper and placeholder text", () => {
    expect(
      texts(block("--- We versioned the data. ---"), block("--- question 4 fill here --- Extra text")),
    ).toEqual(["We versioned the data.", "Extra text"]);
    expect(splitSentences([block("--- question 12 fill here ---")])).toEqual([]);
  });

  it("keeps the block's line for every sentence of a multi-paragraph answer", () => {
    expect(splitSentences(answer("One. Two.", "Three.")).map((s) => [s.text, s.line, s.block])).toEqual([
      ["One.", 1, 0],
      ["Two.", 1, 0],
      ["Three.", 3, 1],
    ]);
  });
});
