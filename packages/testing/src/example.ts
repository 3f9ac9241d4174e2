/** A synthetic group report with a typical mix of findings, for snapshots and the documentation screenshot. */
import type { Bounds } from "@mlops-report/core";
import type { LintResult } from "@mlops-report/rules";
import {
  type DiagnosticSpec,
  type ImageSpec,
  makeReport,
  makeResult,
  makeSection,
  type QuestionSpec,
} from "./factory.js";

const sections: [number, string][] = [
  [1, "Group information"],
  [4, "Coding environment"],
  [7, "Version control"],
  [12, "Running code and tracking experiments"],
  [17, "Working in the cloud"],
  [23, "Deployment"],
  [27, "Overall discussion of project"],
];

function sectionOf(number: number): string {
  let name = "Group information";
  for (const [first, title] of sections) if (number >= first) name = title;
  return name;
}

const bands: Record<number, Bounds> = {
  3: { min: 100, max: 200 },
  4: { min: 100, max: 200 },
  5: { min: 100, max: 200 },
  6: { min: 100, max: 200 },
  7: { min: 100, max: 200 },
  8: { min: 100, max: 200 },
  9: { min: 100, max: 200 },
  10: { min: 100, max: 200 },
  11: { min: 200, max: 300 },
  12: { min: 50, max: 100 },
  13: { min: 100, max: 200 },
  14: { min: 200, max: 300 },
  15: { min: 100, max: 200 },
  16: { min: 100, max: 200 },
  17: { min: 50, max: 200 },
  18: { min: 100, max: 200 },
  19: { min: 25, max: 100 },
  22: { min: 100, max: 200 },
  23: { min: 100, max: 200 },
  24: { min: 100, max: 200 },
  25: { min: 100, max: 200 },
  26: { min: 100, max: 200 },
  27: { min: 100, max: 200 },
  28: { min: 100, max: 200 },
  29: { min: 200, max: 400 },
  30: { min: 200, max: 400 },
  31: { min: 50, max: 300 },
};

const imageBands: Record<number, Bounds> = {
  14: { min: 1, max: 3 },
  19: { min: 1, max: 2 },
  20: { min: 1, max: 2 },
  21: { min: 1, max: 2 },
  29: { min: 1, max: 1 },
};

const words: Record<number, number> = { 1: 2, 2: 5, 5: 238, 14: 152, 19: 41 };

const images: Record<number, ImageSpec[]> = {
  14: [
    {
      url: "figures/wandb_runs.png",
      line: 0,
      exists: "case-mismatch",
      actualPath: "reports/figures/WandB_runs.png",
    },
    { url: "figures/sweep.png", line: 0 },
  ],
  19: [{ url: "figures/bucket.png", line: 0, kind: "in-code" }],
  20: [{ url: "figures/registry.png", line: 0 }],
  21: [{ url: "figures/build_history.png", line: 0 }],
  29: [{ url: "figures/architecture.png", line: 0 }],
};

const answers: Record<number, string> = {
  1: "Group 42",
  2: "s214001, s214002, s214003",
  5: "We managed dependencies with uv. A new member clones the repository and runs `uv sync`, which installs the locked versions from uv.lock.\n\nThe Docker images use the same lock file, so training in the cloud sees the same packages as our laptops.",
  10: "We did not use DVC in the end: the dataset is small enough to download from the source in data.py.",
  14: "The first figure shows our training runs in Weights & Biases: loss, accuracy and learning rate per run.\n\nThe second shows the hyperparameter sweep over batch size and learning rate.",
};

function questionLine(number: number): number {
  return 90 + (number - 1) * 14;
}

function questionSpec(number: number): QuestionSpec {
  const line = questionLine(number);
  const state = number === 27 ? "placeholder" : number === 31 ? "empty" : "answered";
  const spec: QuestionSpec = {
    number,
    line,
    section: sectionOf(number),
    state,
    words:
      state === "answered" ? (words[number] ?? (bands[number] ? bands[number].min + 20 + number : 12)) : 0,
    images: (images[number] ?? []).map((image, index) => ({ ...image, line: line + 6 + index })),
  };
  if (bands[number]) spec.wordBounds = bands[number];
  if (imageBands[number]) spec.imageBounds = imageBands[number];
  const text = answers[number];
  if (text) spec.text = text;
  else if (state === "answered") spec.text = `Our answer to question ${number}, written for this example.`;
  return spec;
}

const diagnostics: DiagnosticSpec[] = [
  {
    ruleId: "checklist/consistency",
    severity: "warning",
    message: "The checklist says DVC was set up, but Question 10 does not describe using it",
    line: 51,
    column: 3,
    checklistItem: "dvc",
  },
  {
    ruleId: "checklist/marks",
    severity: "warning",
    message: "Checklist mark `[%]` is neither `[x]` nor `[ ]`",
    line: 67,
    column: 3,
    checklistItem: "frontend",
  },
  {
    ruleId: "answer/word-count",
    severity: "warning",
    message: "Question 5 has 238 words; 100–200 recommended",
    line: questionLine(5) + 4,
    question: 5,
  },
  {
    ruleId: "answer/word-count",
    severity: "warning",
    message: "Question 14 has 152 words; 200–300 recommended",
    line: questionLine(14) + 4,
    question: 14,
  },
  {
    ruleId: "image/exists",
    severity: "error",
    message:
      "Image figures/wandb_runs.png does not exist; figures/WandB_runs.png differs only in letter case",
    line: questionLine(14) + 6,
    column: 1,
    endColumn: 33,
    question: 14,
  },
  {
    ruleId: "image/in-code",
    severity: "warning",
    message: "The image figures/bucket.png is inside a code span and renders as code",
    line: questionLine(19) + 6,
    column: 2,
    question: 19,
  },
  {
    ruleId: "answer/filled",
    severity: "error",
    message: "Question 27 is not answered: the placeholder is still there",
    line: questionLine(27) + 4,
    question: 27,
  },
  {
    ruleId: "answer/filled",
    severity: "error",
    message: "Question 31 has no answer",
    line: questionLine(31) + 4,
    question: 31,
  },
];

export function exampleResult(filePath = "reports/README.md"): LintResult {
  const report = makeReport({
    path: filePath,
    year: 2026,
    questionCount: 31,
    questions: Array.from({ length: 31 }, (_, i) => questionSpec(i + 1)),
    checklist: [
      makeSection("Week 1", 44, [
        { text: "Create a git repository", line: 46, module: "M5" },
        { text: "Create a dedicated environment for your project", line: 47, module: "M2" },
        { text: "Create the initial file structure using cookiecutter", line: 48, module: "M6" },
        { text: "Add a model to `model.py` and a training procedure to `train.py`", line: 49, module: "M6" },
        { text: "Comply with good coding practices (`pep8`)", line: 50, module: "M7" },
        { text: "Setup version control for your data or part of your data", line: 51, module: "M8" },
        { text: "Construct one or multiple docker files for your code", line: 52, module: "M10" },
        { text: "Use profiling to optimize your code", line: 53, module: "M12", mark: " " },
      ]),
      makeSection("Week 2", 56, [
        { text: "Write unit tests related to the data part of your code", line: 58, module: "M16" },
        { text: "Calculate the code coverage", line: 59, module: "M16" },
        { text: "Get some continuous integration running on the GitHub repository", line: 60, module: "M17" },
        { text: "Add pre-commit hooks to your version control setup", line: 61, module: "M18", mark: " " },
        {
          text: "Create a FastAPI application that can do inference using your model",
          line: 62,
          module: "M22",
        },
      ]),
      makeSection("Week 3", 64, [
        { text: "Check how robust your model is towards data drifting", line: 66, module: "M27", mark: " " },
        { text: "Create a frontend for your API", line: 67, module: "M26", mark: "%" },
        { text: "Instrument your API with a couple of system metrics", line: 68, module: "M28" },
      ]),
      makeSection("Extra", 70, [
        { text: "Write some documentation for your application", line: 72, module: "M32" },
        { text: "Create an architectural diagram over your MLOps pipeline", line: 73, module: null },
      ]),
    ],
  });
  return makeResult(filePath, report, diagnostics);
}
