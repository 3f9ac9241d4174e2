import type { Report } from "@mlops-report/core";
import {
  type Diagnostic,
  type EvalContext,
  lintOptionsFor,
  lintReport,
  loadPreset,
  type ResolvedConfig,
  resolveConfig,
} from "@mlops-report/rules";

export type PresetYear = 2023 | 2024 | 2025 | 2026;

const presets = new Map<string, Promise<ResolvedConfig>>();

/**
 * A year preset, resolved. `guard: false` drops the untouched-checklist guard (`ticked() > 0`) from every
 * unticked-item check, which gives the rules exactly as checklist-map §5.3/§5.4 writes them.
 */
export function preset(
  year: PresetYear,
  options: { guard: boolean } = { guard: true },
): Promise<ResolvedConfig> {
  const key = `${year}:${options.guard}`;
  let config = presets.get(key);
  if (!config) {
    config = loadPreset(String(year)).then((merged) => {
      const resolved = resolveConfig(merged);
      if (options.guard) return resolved;
      const unguarded = resolved.consistency.map((c) => {
        if (!c.name.endsWith("-unticked") || !c.when) return c;
        const id = c.name.slice(0, -"-unticked".length);
        return { ...c, when: { ...c.when, evaluate: (ctx: EvalContext) => ctx.unchecked(id) } };
      });
      return { ...resolved, consistency: unguarded };
    });
    presets.set(key, config);
  }
  return config;
}

/** Runs each consistency rule of the config on its own; returns the finding of each rule that fired. */
export function findingsByRule(config: ResolvedConfig, report: Report): Map<string, Diagnostic> {
  const out = new Map<string, Diagnostic>();
  for (const c of config.consistency) {
    const options = lintOptionsFor({ ...config, settings: [], consistency: [c] }, report);
    const diagnostics = lintReport(report, options).diagnostics;
    if (diagnostics.length > 1) throw new Error(`${c.name} reported ${diagnostics.length} findings`);
    if (diagnostics[0]) out.set(c.name, diagnostics[0]);
  }
  return out;
}

/** Every checklist item of a year's template, as [id, text], section by section. */
const ITEMS_27: [string, [string, string][]][] = [
  [
    "Week 1",
    [
      ["git-repo", "Create a git repository"],
      ["write-access", "Make sure that all team members have write access to the github repository"],
      ["environment", "Create a dedicated environment for you project to keep track of your packages"],
      ["cookiecutter", "Create the initial file structure using cookiecutter"],
      [
        "data-script",
        "Fill out the `make_dataset.py` file such that it downloads whatever data you need and",
      ],
      ["model-training", "Add a model file and a training script and get that running"],
      [
        "requirements",
        "Remember to fill out the `requirements.txt` file with whatever dependencies that you are using",
      ],
      ["pep8", "Remember to comply with good coding practices (`pep8`) while doing the project"],
      ["typing-docs", "Do a bit of code typing and remember to document essential parts of your code"],
      ["dvc", "Setup version control for your data or part of your data"],
      ["dockerfiles", "Construct one or multiple docker files for your code"],
      ["docker-local", "Build the docker files locally and make sure they work as intended"],
      ["config-files", "Write one or multiple configurations files for your experiments"],
      ["hydra", "Used Hydra to load the configurations and manage your hyperparameters"],
      [
        "profiling",
        "When you have something that works somewhat, remember at some point to to some profiling and see if\n    you can optimize your code",
      ],
      [
        "wandb",
        "Use Weights & Biases to log training progress and other important metrics/artifacts in your code. Additionally,\n    consider running a hyperparameter optimization sweep.",
      ],
      ["lightning", "Use Pytorch-lightning (if applicable) to reduce the amount of boilerplate in your code"],
    ],
  ],
  [
    "Week 2",
    [
      ["unit-tests-data", "Write unit tests related to the data part of your code"],
      ["unit-tests-model", "Write unit tests related to model construction and or model training"],
      ["coverage", "Calculate the coverage."],
      ["ci", "Get some continuous integration running on the github repository"],
      [
        "gcp-bucket",
        "Create a data storage in GCP Bucket for you data and preferable link this with your data version control setup",
      ],
      ["docker-build", "Create a trigger workflow for automatically building your docker images"],
      ["cloud-training", "Get your model training in GCP using either the Engine or Vertex AI"],
      ["fastapi", "Create a FastAPI application that can do inference using your model"],
      ["torchserve", "If applicable, consider deploying the model locally using torchserve"],
      ["cloud-deploy", "Deploy your model in GCP using either Functions or Run as the backend"],
    ],
  ],
  [
    "Week 3",
    [
      ["data-drift", "Check how robust your model is towards data drifting"],
      ["monitoring-telemetry", "Setup monitoring for the system telemetry of your deployed model"],
      ["monitoring-performance", "Setup monitoring for the performance of your deployed model"],
      ["distributed-data", "If applicable, play around with distributed data loading"],
      ["distributed-training", "If applicable, play around with distributed model training"],
      [
        "quantization",
        "Play around with quantization, compilation and pruning for you trained models to increase inference speed",
      ],
    ],
  ],
  [
    "Additional",
    [
      ["revisit", "Revisit your initial project description. Did the project turn out as you wanted?"],
      [
        "shared-understanding",
        "Make sure all group members have a understanding about all parts of the project",
      ],
      ["code-uploaded", "Uploaded all your code to github"],
    ],
  ],
];

function items31(year: 2025 | 2026): [string, [string, string][]][] {
  const requirements =
    year === 2025
      ? "Remember to fill out the `requirements.txt` and `requirements_dev.txt` file with whatever dependencies that you\n    are using (M2+M6)"
      : "Remember to either fill out the `requirements.txt`/`requirements_dev.txt` files or keeping your\n    `pyproject.toml`/`uv.lock` up-to-date with whatever dependencies that you are using (M2+M6)";
  const collection: [string, string][] =
    year === 2026
      ? [["io-collection", "Setup collection of input-output data from your deployed application (M27)"]]
      : [];
  return [
    [
      "Week 1",
      [
        ["git-repo", "Create a git repository (M5)"],
        ["write-access", "Make sure that all team members have write access to the GitHub repository (M5)"],
        ["environment", "Create a dedicated environment for you project to keep track of your packages (M2)"],
        [
          "cookiecutter",
          "Create the initial file structure using cookiecutter with an appropriate template (M6)",
        ],
        [
          "data-script",
          "Fill out the `data.py` file such that it downloads whatever data you need and preprocesses it (if necessary) (M6)",
        ],
        [
          "model-training",
          "Add a model to `model.py` and a training procedure to `train.py` and get that running (M6)",
        ],
        ["requirements", requirements],
        ["pep8", "Remember to comply with good coding practices (`pep8`) while doing the project (M7)"],
        ["typing-docs", "Do a bit of code typing and remember to document essential parts of your code (M7)"],
        ["dvc", "Setup version control for your data or part of your data (M8)"],
        ["cli", "Add command line interfaces and project commands to your code where it makes sense (M9)"],
        ["dockerfiles", "Construct one or multiple docker files for your code (M10)"],
        ["docker-local", "Build the docker files locally and make sure they work as intended (M10)"],
        ["config-files", "Write one or multiple configurations files for your experiments (M11)"],
        ["hydra", "Used Hydra to load the configurations and manage your hyperparameters (M11)"],
        ["profiling", "Use profiling to optimize your code (M12)"],
        ["logging", "Use logging to log important events in your code (M14)"],
        [
          "wandb",
          "Use Weights & Biases to log training progress and other important metrics/artifacts in your code (M14)",
        ],
        ["sweep", "Consider running a hyperparameter optimization sweep (M14)"],
        [
          "lightning",
          "Use PyTorch-lightning (if applicable) to reduce the amount of boilerplate in your code (M15)",
        ],
      ],
    ],
    [
      "Week 2",
      [
        ["unit-tests-data", "Write unit tests related to the data part of your code (M16)"],
        ["unit-tests-model", "Write unit tests related to model construction and or model training (M16)"],
        ["coverage", "Calculate the code coverage (M16)"],
        ["ci", "Get some continuous integration running on the GitHub repository (M17)"],
        ["ci-matrix", "Add caching and multi-os/python/pytorch testing to your continuous integration (M17)"],
        ["ci-lint", "Add a linting step to your continuous integration (M17)"],
        ["pre-commit", "Add pre-commit hooks to your version control setup (M18)"],
        ["data-trigger", "Add a continues workflow that triggers when data changes (M19)"],
        [
          "registry-trigger",
          "Add a continues workflow that triggers when changes to the model registry is made (M19)",
        ],
        [
          "gcp-bucket",
          "Create a data storage in GCP Bucket for your data and link this with your data version control setup (M21)",
        ],
        ["docker-build", "Create a trigger workflow for automatically building your docker images (M21)"],
        ["cloud-training", "Get your model training in GCP using either the Engine or Vertex AI (M21)"],
        ["fastapi", "Create a FastAPI application that can do inference using your model (M22)"],
        ["cloud-deploy", "Deploy your model in GCP using either Functions or Run as the backend (M23)"],
        ["api-tests", "Write API tests for your application and setup continues integration for these (M24)"],
        ["load-test", "Load test your application (M24)"],
        [
          "onnx-bentoml",
          "Create a more specialized ML-deployment API using either ONNX or BentoML, or both (M25)",
        ],
        ["frontend", "Create a frontend for your API (M26)"],
      ],
    ],
    [
      "Week 3",
      [
        ["data-drift", "Check how robust your model is towards data drifting (M27)"],
        ...collection,
        ["drift-api", "Deploy to the cloud a drift detection API (M27)"],
        ["system-metrics", "Instrument your API with a couple of system metrics (M28)"],
        ["cloud-monitoring", "Setup cloud monitoring of your instrumented application (M28)"],
        [
          "alerts",
          "Create one or more alert systems in GCP to alert you if your app is not behaving correctly (M28)",
        ],
        [
          "distributed-data",
          "If applicable, optimize the performance of your data loading using distributed data loading (M29)",
        ],
        [
          "distributed-training",
          "If applicable, optimize the performance of your training pipeline by using distributed training (M30)",
        ],
        [
          "quantization",
          "Play around with quantization, compilation and pruning for you trained models to increase inference speed (M31)",
        ],
      ],
    ],
    [
      "Extra",
      [
        ["docs", "Write some documentation for your application (M32)"],
        ["docs-pages", "Publish the documentation to GitHub Pages (M32)"],
        ["revisit", "Revisit your initial project description. Did the project turn out as you wanted?"],
        ["architecture-diagram", "Create an architectural diagram over your MLOps pipeline"],
        [
          "shared-understanding",
          "Make sure all group members have an understanding about all parts of the project",
        ],
        ["code-uploaded", "Uploaded all your code to GitHub"],
      ],
    ],
  ];
}

/** The checklist of a year's template, section by section, as [id, text] (continuation lines as written). */
export function checklistItems(year: PresetYear): [string, [string, string][]][] {
  return year === 2023 || year === 2024 ? ITEMS_27 : items31(year);
}

/** The item text as the parser gives it: continuation lines joined by one space. */
export function itemText(year: PresetYear, id: string): string {
  for (const [, items] of checklistItems(year)) {
    const item = items.find(([key]) => key === id);
    if (item) return item[1].replace(/\n\s+/g, " ");
  }
  throw new Error(`no checklist item ${id} in ${year}`);
}

/** `syntheticReport` with the year's full checklist: the given ids ticked, `marks` as given, the rest empty. */
export function withFullChecklist(
  report: string,
  year: PresetYear,
  ticked: readonly string[],
  marks: Record<string, string> = {},
): string {
  const start = report.indexOf("## Overall project checklist\n");
  const end = report.indexOf("\n## ", start + 1);
  const lines = ["## Overall project checklist", ""];
  for (const [section, items] of checklistItems(year)) {
    lines.push(`### ${section}`, "");
    for (const [id, text] of items)
      lines.push(`* [${marks[id] ?? (ticked.includes(id) ? "x" : " ")}] ${text}`);
    lines.push("");
  }
  return report.slice(0, start) + lines.join("\n") + report.slice(end);
}

/** 1-based line of the first line of `text` that contains `needle` (after the line holding `after`). */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split("\n");
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (index < 0 || from < 0) throw new Error(`no line with ${JSON.stringify(needle)}`);
  return index + 1;
}
