import {
  checklistItems,
  findingsByRule,
  itemText,
  lineOf,
  type PresetYear,
  preset,
  withFullChecklist,
} from "@mlops-report/testing/consistency";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { parseReport as parse } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";

/**
 * Every consistency rule of the year presets on synthetic reports: for each checklist id, (a) `-described`,
 * (b) `-denied` and (c) `-unticked`, each where it fires, where evidence keeps it quiet, and where a negated
 * or hypothetical mention does not count. 2025 and 2024 are run; 2026 and 2023 have the same rules (tested
 * below).
 */

/** An answer sentence that matches none of the terms of any id. */
const FILLER = "This part follows the course setup.";

interface IdSpec {
  id: string;
  /** Questions searched, the primary first, per template family; absent where the year has no rule. */
  questions: { 27?: number[]; 31?: number[] };
  /** What the `-described` message says was looked for. */
  phrase: string;
  /** A sentence that asserts the work, and the text its term matches (for the unticked rule's stricter terms). */
  asserts: [sentence: string, term: string];
  /** A sentence that denies the work, and the text its term matches. */
  denies: [sentence: string, term: string];
  /** A sentence that only supposes the work. */
  supposes: string;
  /** A sentence that supposes a denial: not a denial. */
  supposesDenial: string;
  /** An asserting sentence for the last secondary question, where it uses other terms (api-tests in q7). */
  assertsSecondary?: [sentence: string, term: string];
  /** No `-denied` rule: no question asks about it. */
  noDenied?: boolean;
}

const IDS: IdSpec[] = [
  {
    id: "dvc",
    questions: { 27: [10, 13], 31: [10, 13] },
    phrase: "DVC",
    asserts: ["We version our raw images with DVC.", "DVC"],
    denies: ["We did not use DVC.", "DVC"],
    supposes: "We would use DVC if the data grew.",
    supposesDenial: "We would not need DVC for a small dataset.",
  },
  {
    id: "pre-commit",
    questions: { 31: [6, 11] },
    phrase: "pre-commit or commit hooks",
    asserts: ["We run pre-commit before every commit.", "pre-commit"],
    denies: ["We did not set up pre-commit.", "pre-commit"],
    supposes: "We could add pre-commit later.",
    supposesDenial: "We would not skip pre-commit next time.",
  },
  {
    id: "typing-docs",
    questions: { 31: [6] },
    phrase: "typing, type checking or documentation",
    asserts: ["We added type hints to our functions.", "type hints"],
    denies: ["We did not add type hints.", "type hints"],
    supposes: "We should add type hints.",
    supposesDenial: "We would not leave out type hints again.",
  },
  {
    id: "unit-tests-data",
    questions: { 27: [7], 31: [7] },
    phrase: "tests of the data",
    asserts: ["Our tests check the dataset shapes.", "dataset"],
    denies: ["We did not test the data.", "data"],
    supposes: "We would test the data loading next.",
    supposesDenial: "We would not trust untested data.",
  },
  {
    id: "unit-tests-model",
    questions: { 27: [7], 31: [7] },
    phrase: "tests of the model",
    asserts: ["Our tests check the model output.", "model"],
    denies: ["We did not test the model.", "model"],
    supposes: "We would test the model with more time.",
    supposesDenial: "We would not ship an untested model.",
  },
  {
    id: "coverage",
    questions: { 27: [8], 31: [8] },
    phrase: "a coverage percentage",
    asserts: ["Our total code coverage is 84%.", "84%"],
    denies: ["We never reached 90% coverage.", "90%"],
    supposes: "Even if we had 100% coverage, bugs could remain.",
    supposesDenial: "We would not trust 100% coverage.",
  },
  {
    id: "ci",
    questions: { 27: [11], 31: [11] },
    phrase: "GitHub Actions, continuous integration or a workflow",
    asserts: ["GitHub Actions runs our tests on every push.", "GitHub Actions"],
    denies: ["We did not set up GitHub Actions.", "GitHub Actions"],
    supposes: "We would set up GitHub Actions next.",
    supposesDenial: "We would not merge without GitHub Actions.",
  },
  {
    id: "ci-matrix",
    questions: { 31: [11] },
    phrase: "a test matrix, caching, or several operating systems or Python versions",
    asserts: ["Our tests run on a matrix of Python versions.", "matrix"],
    denies: ["We do not use caching.", "caching"],
    supposes: "We could add caching later.",
    supposesDenial: "We would not drop caching.",
  },
  {
    id: "ci-lint",
    questions: { 31: [11] },
    phrase: "a linting step (ruff, flake8, pylint, black, isort, mypy)",
    asserts: ["Our workflow runs ruff on every push.", "ruff"],
    denies: ["We did not add ruff to the workflow.", "ruff"],
    supposes: "We would add ruff to the workflow.",
    supposesDenial: "We would not remove ruff.",
  },
  {
    id: "config-files",
    questions: { 27: [12], 31: [12] },
    phrase: "config files or YAML",
    asserts: ["Our experiments read a YAML config file.", "YAML"],
    denies: ["We did not use config files.", "config files"],
    supposes: "We would move the settings into config files.",
    supposesDenial: "We would not hard-code settings outside config files.",
  },
  {
    id: "hydra",
    questions: { 27: [12, 13], 31: [12, 13] },
    phrase: "Hydra or OmegaConf",
    asserts: ["Hydra loads our settings.", "Hydra"],
    denies: ["We did not use Hydra.", "Hydra"],
    supposes: "We could switch to Hydra.",
    supposesDenial: "We would not drop Hydra.",
  },
  {
    id: "wandb",
    questions: { 27: [14, 13], 31: [14, 13] },
    phrase: "Weights & Biases (wandb, W&B)",
    asserts: ["We log every run to W&B.", "W&B"],
    denies: ["We did not use W&B.", "W&B"],
    supposes: "We would log runs to W&B.",
    supposesDenial: "We would not run without W&B.",
  },
  {
    id: "sweep",
    questions: { 31: [14, 12, 13] },
    phrase: "a hyperparameter sweep or search",
    asserts: ["We ran a sweep over the learning rate.", "sweep"],
    denies: ["We did not run a sweep.", "sweep"],
    supposes: "We would run a sweep with more time.",
    supposesDenial: "We would not skip the sweep.",
  },
  {
    id: "dockerfiles",
    questions: { 27: [15], 31: [15] },
    phrase: "Docker, a Dockerfile or a Docker image",
    asserts: ["We wrote a Dockerfile for training.", "Dockerfile"],
    denies: ["We did not use Docker.", "Docker"],
    supposes: "We would package our code with Docker.",
    supposesDenial: "We would not deploy without Docker.",
  },
  {
    id: "docker-local",
    questions: { 27: [15], 31: [15] },
    phrase: "docker build, docker run or docker compose",
    asserts: ["We ran docker build on our laptops.", "docker build"],
    // Literal `docker build` in a denial would count through `matches`, which searches code and prose alike.
    denies: ["The images were never built locally.", "built locally"],
    supposes: "We would build the images locally.",
    supposesDenial: "We would not have built the images locally.",
  },
  {
    id: "profiling",
    questions: { 27: [16], 31: [16] },
    phrase: "profiling or a profiler",
    asserts: ["We profiled the training loop with cProfile.", "profiled"],
    denies: ["We did not profile the code.", "profile"],
    supposes: "We would profile the data loader next.",
    supposesDenial: "We would not skip profiling again.",
  },
  {
    id: "gcp-bucket",
    questions: { 27: [19, 17], 31: [19, 17] },
    phrase: "a bucket or Cloud Storage, and Question 19 has no image",
    asserts: ["Our data lives in a GCP bucket.", "bucket"],
    denies: ["We did not use a bucket.", "bucket"],
    supposes: "We would store the data in a bucket.",
    supposesDenial: "We would not keep data outside a bucket.",
  },
  {
    id: "docker-build",
    questions: { 27: [21, 11, 17], 31: [21, 11, 17] },
    phrase: "Cloud Build, a build trigger or building images, and Question 21 has no image",
    // The unticked rule uses the stricter terms: "build trigger", not the longer match of the broad ones.
    asserts: ["A build trigger rebuilds our images on every push.", "build trigger"],
    denies: ["We did not use Cloud Build.", "Cloud Build"],
    supposes: "We would add a build trigger.",
    supposesDenial: "We would not drop Cloud Build.",
  },
  {
    id: "cloud-training",
    questions: { 27: [18, 17], 31: [22, 18] },
    phrase: "Vertex AI, Compute Engine or a VM",
    asserts: ["We trained our model on Vertex AI.", "Vertex"],
    denies: ["We did not use Vertex AI.", "Vertex"],
    supposes: "We could train on Vertex AI.",
    supposesDenial: "We would not leave Vertex AI.",
  },
  {
    id: "fastapi",
    questions: { 27: [22], 31: [23] },
    phrase: "FastAPI",
    asserts: ["We serve our model with FastAPI.", "FastAPI"],
    denies: ["We did not use FastAPI.", "FastAPI"],
    supposes: "We would wrap the model in FastAPI.",
    supposesDenial: "We would not replace FastAPI.",
  },
  {
    id: "cloud-deploy",
    questions: { 27: [22], 31: [24] },
    phrase: "Cloud Run, Cloud Functions or a deployment to the cloud",
    asserts: ["Our API runs on Cloud Run.", "Cloud Run"],
    denies: ["We did not use Cloud Run.", "Cloud Run"],
    supposes: "We would host the API on Cloud Run.",
    supposesDenial: "We would not leave Cloud Run.",
  },
  {
    id: "api-tests",
    questions: { 31: [25, 7] },
    phrase: "tests of the API",
    asserts: ["We wrote integration tests for our endpoints.", "integration tests"],
    denies: ["We did not write API tests.", "API tests"],
    supposes: "We would add API tests.",
    supposesDenial: "We would not skip API tests.",
    assertsSecondary: ["Our tests also call the API.", "API"],
  },
  {
    id: "load-test",
    questions: { 31: [25] },
    phrase: "a load test (Locust, k6, JMeter, …)",
    asserts: ["We load tested our API with Locust.", "load tested"],
    denies: ["We did not run a load test.", "load test"],
    supposes: "We would use Locust.",
    supposesDenial: "We would not ship without a load test.",
  },
  {
    id: "onnx-bentoml",
    questions: { 31: [23, 24, 28] },
    phrase: "ONNX or BentoML",
    asserts: ["We export our model to ONNX.", "ONNX"],
    denies: ["We did not use ONNX.", "ONNX"],
    supposes: "We would export the model to ONNX.",
    supposesDenial: "We would not drop ONNX.",
    noDenied: true,
  },
  {
    id: "frontend",
    questions: { 31: [28] },
    phrase: "a frontend (Streamlit, Gradio, a web app, a UI)",
    asserts: ["We built a Streamlit frontend.", "Streamlit"],
    denies: ["We did not build a frontend.", "frontend"],
    supposes: "We would add a frontend.",
    supposesDenial: "We would not skip the frontend.",
  },
  {
    id: "data-drift",
    questions: { 27: [23], 31: [26, 28] },
    phrase: "data drift (Evidently, NannyML, alibi-detect)",
    asserts: ["We check data drift with Evidently.", "drift"],
    denies: ["We did not check for drift.", "drift"],
    supposes: "We would monitor drift.",
    supposesDenial: "We would not ignore drift.",
  },
  {
    id: "system-metrics",
    questions: { 31: [26] },
    phrase: "Prometheus, a /metrics endpoint or instrumentation",
    asserts: ["Our API exposes Prometheus metrics.", "Prometheus"],
    denies: ["We did not add Prometheus.", "Prometheus"],
    supposes: "We would add Prometheus metrics.",
    supposesDenial: "We would not drop Prometheus.",
  },
  {
    id: "cloud-monitoring",
    questions: { 31: [26] },
    phrase: "Cloud Monitoring, a monitoring dashboard or SLOs",
    asserts: ["We set up Cloud Monitoring for our service.", "Cloud Monitoring"],
    denies: ["We did not set up Cloud Monitoring.", "Cloud Monitoring"],
    supposes: "We would set up Cloud Monitoring.",
    supposesDenial: "We would not run without Cloud Monitoring.",
  },
  {
    id: "alerts",
    questions: { 31: [26, 28] },
    phrase: "an alert or a notification channel",
    asserts: ["An alert emails us when errors spike.", "alert"],
    denies: ["We did not set up any alert.", "alert"],
    supposes: "We would add an alert.",
    supposesDenial: "We would not run without an alert.",
  },
  {
    id: "monitoring-telemetry",
    questions: { 27: [23] },
    phrase: "Cloud Monitoring, telemetry, Prometheus, alerts or latency",
    asserts: ["We track latency with Prometheus.", "latency"],
    denies: ["We did not monitor latency.", "latency"],
    supposes: "We would monitor latency.",
    supposesDenial: "We would not ignore latency.",
  },
  {
    id: "monitoring-performance",
    questions: { 27: [23] },
    phrase: "the performance or accuracy of the deployed model",
    asserts: ["We monitor the accuracy of our deployed model.", "accuracy"],
    denies: ["We did not monitor the accuracy.", "accuracy"],
    supposes: "We would monitor the accuracy.",
    supposesDenial: "We would not ignore the accuracy.",
  },
];

type Kind = "described" | "denied" | "unticked";

/** What a row shows about a rule: it fires, evidence keeps it quiet, or a negated/hypothetical mention does not count. */
type Role = "fires" | "quiet" | "not-evidence";

interface Expected {
  kind: Kind;
  message: string;
  /** The finding's line: the answer of the first question the rule's `assert` names. */
  line: number;
}

interface Row {
  name: string;
  year: PresetYear;
  id: string;
  text: string;
  /** The findings of the id's rules, exactly. */
  expected: Expected[];
  roles: Partial<Record<Kind, Role>>;
}

function questionList(questions: readonly number[]): string {
  const sorted = [...questions].sort((a, b) => a - b);
  if (sorted.length === 1) return `Question ${sorted[0]} does not mention`;
  return `Questions ${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1)} do not mention`;
}

/** A report of the year with the full checklist (`git-repo` ticked, so the checklist is not untouched). */
function report(year: PresetYear, ticked: readonly string[], answers: Record<number, string>): string {
  return withFullChecklist(syntheticReport({ year, answers }), year, ["git-repo", ...ticked]);
}

function rowsFor(year: PresetYear, spec: IdSpec): Row[] {
  const family = year === 2023 || year === 2024 ? 27 : 31;
  const questions = spec.questions[family];
  if (!questions) return [];
  const [primary, ...secondary] = questions as [number, ...number[]];
  const item = itemText(year, spec.id);
  const rows: Row[] = [];
  const add = (
    name: string,
    ticked: boolean,
    answers: Record<number, string>,
    expect: (text: string) => Expected[],
    roles: Row["roles"],
  ) => {
    const text = report(year, ticked ? [spec.id] : [], answers);
    rows.push({ name, year, id: spec.id, text, expected: expect(text), roles });
  };
  const itemLine = (text: string) => lineOf(text, `] ${item.slice(0, 60)}`);
  const answerLine = (text: string, sentence: string) => lineOf(text, sentence, `### Question ${primary}`);
  const described = (text: string): Expected => ({
    kind: "described",
    message: `Checklist line ${itemLine(text)} ticks "${item}", but ${questionList(questions)} ${spec.phrase}. Describe it, or untick it`,
    line: answerLine(text, FILLER),
  });
  // A ticked item whose terms stand only in a plan or a hypothesis: the finding quotes it.
  const hedged = (text: string, sentence: string): Expected => ({
    kind: "described",
    message: `Checklist line ${itemLine(text)} ticks "${item}", but Question ${primary} only plans, tries or considers it: "${sentence}" (line ${answerLine(text, FILLER)}). Describe what was done, or untick it`,
    line: answerLine(text, FILLER),
  });
  const [denial, denied] = spec.denies;
  const [assertion, asserted] = spec.asserts;

  add("ticked, not described", true, { [primary]: FILLER }, (t) => [described(t)], { described: "fires" });
  add("ticked and described", true, { [primary]: `${FILLER} ${assertion}` }, () => [], {
    described: "quiet",
    denied: "quiet",
    unticked: "quiet",
  });
  add(
    "ticked, only supposed",
    true,
    { [primary]: `${FILLER} ${spec.supposes}` },
    (t) => [hedged(t, spec.supposes)],
    {
      described: "not-evidence",
    },
  );
  add(
    "ticked and denied",
    true,
    { [primary]: `${FILLER} ${denial}` },
    (t) =>
      spec.noDenied
        ? []
        : [
            {
              kind: "denied",
              message: `Checklist line ${itemLine(t)} ticks "${item}", but Question ${primary} denies "${denied}": "${denial}" (line ${answerLine(t, FILLER)}). Untick it, or correct the answer`,
              line: answerLine(t, FILLER),
            },
          ],
    spec.noDenied ? { described: "quiet" } : { denied: "fires", described: "quiet" },
  );
  add("ticked, denied and described", true, { [primary]: `${FILLER} ${denial} ${assertion}` }, () => [], {
    denied: "quiet",
  });
  add(
    "ticked, a supposed denial",
    true,
    { [primary]: `${FILLER} ${spec.supposesDenial}` },
    (t) => [hedged(t, spec.supposesDenial)],
    { denied: "not-evidence" },
  );
  add(
    "unticked and described",
    false,
    { [primary]: `${FILLER} ${assertion}` },
    (t) => [
      {
        kind: "unticked",
        message: `Checklist line ${itemLine(t)} leaves "${item}" unticked, but Question ${primary} mentions "${asserted}": "${assertion}" (line ${answerLine(t, FILLER)}). Tick it if you did it`,
        line: answerLine(t, FILLER),
      },
    ],
    { unticked: "fires" },
  );
  add("unticked and denied", false, { [primary]: `${FILLER} ${denial}` }, () => [], {
    unticked: "not-evidence",
  });
  add("unticked, only supposed", false, { [primary]: `${FILLER} ${spec.supposes}` }, () => [], {
    unticked: "not-evidence",
  });
  const last = secondary.at(-1);
  if (last !== undefined) {
    const [sentence, term] = spec.assertsSecondary ?? spec.asserts;
    add(
      "ticked, described in the last other question",
      true,
      { [primary]: FILLER, [last]: sentence },
      () => [],
      {
        described: "quiet",
      },
    );
    add(
      "unticked, described in the last other question",
      false,
      { [primary]: FILLER, [last]: sentence },
      (t) => [
        {
          kind: "unticked",
          message: `Checklist line ${itemLine(t)} leaves "${item}" unticked, but Question ${last} mentions "${term}": "${sentence}" (line ${lineOf(t, sentence)}). Tick it if you did it`,
          // Listed with the sentence it quotes, not at the first question the rule names.
          line: lineOf(t, sentence),
        },
      ],
      { unticked: "fires" },
    );
  }
  return rows;
}

const YEARS: PresetYear[] = [2025, 2024];
const ROWS = YEARS.flatMap((year) => IDS.flatMap((spec) => rowsFor(year, spec)));

/** The findings of the three rules of the row's id, as kind, message, severity and line. */
async function idFindings(year: PresetYear, id: string, text: string) {
  const report = parse(text, { path: "README.md", files: false });
  expect(report.template.year).toBe(year);
  const findings = findingsByRule(await preset(year), report);
  return [...findings]
    .filter(([name]) => name.slice(0, name.lastIndexOf("-")) === id)
    .map(([name, d]) => ({
      kind: name.slice(name.lastIndexOf("-") + 1),
      message: d.message,
      severity: d.severity,
      line: d.line,
    }));
}

const SEVERITY: Record<Kind, string> = { described: "warning", denied: "error", unticked: "info" };

describe("the consistency rules of the year presets, on synthetic reports", () => {
  it.each(ROWS.map((r) => [`${r.year} ${r.id}: ${r.name}`, r] as const))("%s", async (_name, row) => {
    const found = await idFindings(row.year, row.id, row.text);
    expect(found).toEqual(row.expected.map((e) => ({ ...e, severity: SEVERITY[e.kind] })));
  });

  it("every rule of the 2025 and 2024 presets has a row where it fires, one where evidence keeps it quiet, and one where a negated or hypothetical mention does not count", async () => {
    for (const year of YEARS) {
      const config = await preset(year);
      const names = config.consistency
        .map((c) => c.name)
        .filter((n) => n !== "architecture-diagram-described");
      const covered = (name: string, role: Role) =>
        ROWS.some(
          (r) =>
            r.year === year &&
            `${r.id}-` === name.slice(0, name.lastIndexOf("-") + 1) &&
            r.roles[name.slice(name.lastIndexOf("-") + 1) as Kind] === role,
        );
      const missing = names.flatMap((name) =>
        (["fires", "quiet", "not-evidence"] as const)
          .filter((role) => !covered(name, role))
          .map((role) => `${name} ${role}`),
      );
      expect(missing, String(year)).toEqual([]);
      expect(names.length).toBe(year === 2025 ? 86 : 57);
    }
  });

  it("2026 has the rules of 2025, and 2023 those of 2024", async () => {
    const rules = async (year: PresetYear) =>
      (await preset(year)).consistency.map((c) => [
        c.name,
        c.when?.source,
        c.assert.source,
        c.message,
        c.severity,
      ]);
    expect(await rules(2026)).toEqual(await rules(2025));
    expect(await rules(2023)).toEqual(await rules(2024));
  });

  it("names each checklist item of the fixtures with exactly one id", async () => {
    for (const year of [2023, 2024, 2025, 2026] as const) {
      const config = await preset(year);
      for (const [, items] of checklistItems(year)) {
        for (const [id, text] of items) {
          const joined = text.replace(/\n\s+/g, " ");
          const ids = [...config.checklist].filter(([, re]) => re.test(joined)).map(([key]) => key);
          expect(ids, `${year} ${joined}`).toEqual([id]);
        }
      }
    }
  });
});

describe("evidence that is not a sentence, stricter terms and guards", () => {
  /** Every consistency finding of the full preset, as kind-free message, severity and line. */
  async function all(year: PresetYear, text: string) {
    const report = parse(text, { path: "README.md", files: false });
    return [...findingsByRule(await preset(year), report)].map(([name, d]) => ({
      name,
      message: d.message,
      severity: d.severity,
      line: d.line,
    }));
  }
  const build = (
    year: PresetYear,
    ticked: readonly string[],
    answers: Record<number, string>,
    marks: Record<string, string> = {},
  ) => withFullChecklist(syntheticReport({ year, answers }), year, ticked, marks);

  it.each([2025, 2024] as const)("%i: an image in Question 19 shows the bucket", async (year) => {
    const image = "![bucket](figures/bucket.png)";
    expect(await all(year, build(year, ["git-repo", "gcp-bucket"], { 19: image }))).toEqual([]);
    const text = build(year, ["git-repo"], { 19: image });
    const item = itemText(year, "gcp-bucket");
    expect(await all(year, text)).toEqual([
      {
        name: "gcp-bucket-unticked",
        message: `Checklist line ${lineOf(text, item)} leaves "${item}" unticked, but Question 19 mentions an image: "${image}" (line ${lineOf(text, image)}). Tick it if you did it`,
        severity: "info",
        line: lineOf(text, image),
      },
    ]);
  });

  it.each([2025, 2024] as const)(
    "%i: an image in Question 21 backs a ticked build trigger, but does not ask for an unticked one",
    async (year) => {
      const image = "![builds](figures/build_history.png)";
      expect(await all(year, build(year, ["git-repo", "docker-build"], { 21: image }))).toEqual([]);
      expect(await all(year, build(year, ["git-repo"], { 21: image }))).toEqual([]);
    },
  );

  it.each([2025, 2024] as const)("%i: a `docker build` command in a code block counts", async (year) => {
    const answer = `${FILLER}\n\n\`\`\`bash\ndocker build -t trainer -f train.dockerfile .\n\`\`\``;
    expect(await all(year, build(year, ["git-repo", "docker-local"], { 15: answer }))).toEqual([]);
    const text = build(year, ["git-repo"], { 15: answer });
    const item = itemText(year, "docker-local");
    expect(await all(year, text)).toEqual([
      {
        name: "docker-local-unticked",
        message: `Checklist line ${lineOf(text, item)} leaves "${item}" unticked, but Question 15 mentions "docker build": "docker build -t trainer -f train.dockerfile ." (line ${lineOf(text, "docker build -t")}). Tick it if you did it`,
        severity: "info",
        line: lineOf(text, "docker build -t"),
      },
    ]);
  });

  it.each([
    [2025, "typing-docs", 6, "We documented every module."],
    [2025, "frontend", 28, "Our web app shows the predictions."],
    [2024, "monitoring-performance", 23, "We track performance metrics of our server."],
  ] as const)(
    "%i %s: the broad terms back a tick, only the strict ones ask for one",
    async (year, id, q, sentence) => {
      expect(await all(year, build(year, ["git-repo", id], { [q]: sentence }))).toEqual([]);
      expect(await all(year, build(year, ["git-repo"], { [q]: sentence }))).toEqual([]);
    },
  );

  it("architecture-diagram: a ticked diagram needs an image in Question 29 that renders", async () => {
    const item = itemText(2025, "architecture-diagram");
    const fires = (text: string) => [
      {
        name: "architecture-diagram-described",
        message: `Checklist line ${lineOf(text, item)} ticks "${item}", but Question 29 has no image of the architecture. Add the figure, or untick it`,
        severity: "warning",
        line: lineOf(text, FILLER),
      },
    ];
    const ticked = ["git-repo", "architecture-diagram"];
    const textOnly = build(2025, ticked, { 29: FILLER });
    expect(await all(2025, textOnly)).toEqual(fires(textOnly));
    expect(await all(2025, build(2025, ticked, { 29: `${FILLER}\n\n![arch](figures/arch.png)` }))).toEqual(
      [],
    );
    const inCode = build(2025, ticked, { 29: `${FILLER}\n\n\`![arch](figures/arch.png)\`` });
    expect(await all(2025, inCode)).toEqual(fires(inCode));
    // Unanswered: answer/filled reports the placeholder; no diagram rule then.
    expect(await all(2025, build(2025, ticked, {}))).toEqual([]);
    expect(await all(2025, build(2025, ["git-repo"], { 29: "![arch](figures/arch.png)" }))).toEqual([]);
  });

  it("a ticked item whose primary question still holds the placeholder is left to answer/filled", async () => {
    expect(await all(2025, build(2025, ["git-repo", "dvc", "hydra"], {}))).toEqual([]);
  });

  it("an untouched checklist gets no unticked-item findings, one tick is enough to get them", async () => {
    const answers = { 10: "We version our raw images with DVC." };
    expect(await all(2025, build(2025, [], answers))).toEqual([]);
    expect((await all(2025, build(2025, ["git-repo"], answers))).map((f) => f.name)).toEqual([
      "dvc-unticked",
    ]);
    const unguarded = parse(build(2025, [], answers), { path: "README.md", files: false });
    expect([...findingsByRule(await preset(2025, { guard: false }), unguarded).keys()]).toEqual([
      "dvc-unticked",
    ]);
  });

  it("an item marked neither ticked nor empty gets no finding", async () => {
    const denied = { 10: "We did not use DVC." };
    expect(await all(2025, build(2025, ["git-repo"], denied, { dvc: "%" }))).toEqual([]);
    const asserted = { 10: "We version our raw images with DVC." };
    expect(await all(2025, build(2025, ["git-repo"], asserted, { dvc: "%" }))).toEqual([]);
  });

  it("a report without a checklist gets no finding", async () => {
    const text = syntheticReport({ year: 2025, answers: { 10: "We did not use DVC." } });
    const start = text.indexOf("## Overall project checklist");
    const withoutChecklist = text.slice(0, start) + text.slice(text.indexOf("\n## ", start + 1) + 1);
    const report = parse(withoutChecklist, { path: "README.md", files: false });
    expect(report.checklist.sections).toEqual([]);
    expect(findingsByRule(await preset(2025), report).size).toBe(0);
  });
});
