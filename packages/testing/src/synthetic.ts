/**
 * Synthetic reports in the shape of each course year's template: our own compact version of the official
 * template (sections, question headings, prompts with their stated lengths, the fingerprints that tell the
 * years apart, a checklist), filled with whatever answers a test gives. No text from real reports.
 */
export type Year = 2023 | 2024 | 2025 | 2026;

export interface SyntheticOptions {
  year: Year;
  /** Answer text per question number, written in place of the placeholder; others keep the placeholder. */
  answers?: Partial<Record<number, string>>;
  /** Checklist items (by their key below) to tick with `[x]`; `marks` sets any other raw mark. */
  checked?: readonly ChecklistKey[];
  marks?: Partial<Record<ChecklistKey, string>>;
  eol?: "\n" | "\r\n";
  bom?: boolean;
  /** `null` removes the title line; a string renames it. */
  title?: string | null;
  /** Leave the template's front matter out (2023/2024 only). */
  noFrontMatter?: boolean;
}

export const TITLE = "Exam template for 02476 Machine Learning Operations";
export const FRONT_MATTER = "---\nlayout: default\nnav_exclude: true\n---\n\n";

type ChecklistKey =
  | "git"
  | "requirements"
  | "dvc"
  | "docker"
  | "unit-data"
  | "ci"
  | "load-test"
  | "deploy"
  | "drift"
  | "docs";

const CHECKLIST: Record<"27" | "2025" | "2026", [string, [ChecklistKey, string][]][]> = {
  "27": [
    [
      "Week 1",
      [
        ["git", "Create a git repository"],
        [
          "requirements",
          "Remember to fill out the `requirements.txt` file with whatever dependencies that you are using",
        ],
        ["dvc", "Setup version control for your data or part of your data"],
        ["docker", "Construct one or multiple docker files for your code"],
      ],
    ],
    [
      "Week 2",
      [
        ["unit-data", "Write unit tests related to the data part of your code"],
        ["ci", "Get some continuous integration running on the github repository"],
        ["deploy", "Deploy your model in GCP using either Functions or Run as the backend"],
      ],
    ],
    ["Week 3", [["drift", "Check how robust your model is towards data drifting"]]],
    [
      "Additional",
      [["docs", "Make sure all group members have a understanding about all parts of the project"]],
    ],
  ],
  "2025": [
    [
      "Week 1",
      [
        ["git", "Create a git repository (M5)"],
        [
          "requirements",
          "Remember to fill out the `requirements.txt` and `requirements_dev.txt` file with whatever dependencies that you\n    are using (M2+M6)",
        ],
        ["dvc", "Setup version control for your data or part of your data (M8)"],
        ["docker", "Construct one or multiple docker files for your code (M10)"],
      ],
    ],
    [
      "Week 2",
      [
        ["unit-data", "Write unit tests related to the data part of your code (M16)"],
        ["ci", "Get some continuous integration running on the GitHub repository (M17)"],
        ["deploy", "Deploy your model in GCP using either Functions or Run as the backend (M23)"],
        ["load-test", "Load test your application (M24)"],
      ],
    ],
    ["Week 3", [["drift", "Check how robust your model is towards data drifting (M27)"]]],
    ["Extra", [["docs", "Write some documentation for your application (M32)"]]],
  ],
  "2026": [
    [
      "Week 1",
      [
        ["git", "Create a git repository (M5)"],
        [
          "requirements",
          "Remember to either fill out the `requirements.txt`/`requirements_dev.txt` files or keeping your\n    `pyproject.toml`/`uv.lock` up-to-date with whatever dependencies that you are using (M2+M6)",
        ],
        ["dvc", "Setup version control for your data or part of your data (M8)"],
        ["docker", "Construct one or multiple docker files for your code (M10)"],
      ],
    ],
    [
      "Week 2",
      [
        ["unit-data", "Write unit tests related to the data part of your code (M16)"],
        ["ci", "Get some continuous integration running on the GitHub repository (M17)"],
        ["deploy", "Deploy your model in GCP using either Functions or Run as the backend (M23)"],
        ["load-test", "Load test your application (M24)"],
      ],
    ],
    ["Week 3", [["drift", "Check how robust your model is towards data drifting (M27)"]]],
    ["Extra", [["docs", "Write some documentation for your application (M32)"]]],
  ],
};

/** Question number -> [words, image request in the prompt], as each family's template states them. */
const LENGTHS_27: Record<number, [string | null, string | null]> = {
  3: ["100-200", null],
  4: ["100-200", null],
  5: ["100-200", null],
  6: ["50-100", null],
  7: ["50-100", null],
  8: ["100-200", null],
  9: ["100-200", null],
  10: ["100-200", null],
  11: ["200-300", null],
  12: ["50-100", null],
  13: ["100-200", null],
  14: ["200-300", "1 to 3 screenshots"],
  15: ["100-200", null],
  16: ["100-200", null],
  17: ["50-200", null],
  18: ["100-200", null],
  19: [null, "Insert 1-2 images"],
  20: [null, "Upload one image"],
  21: [null, "Upload one image"],
  22: ["100-200", null],
  23: ["100-200", null],
  24: ["25-100", null],
  25: ["200-400", "Include a figure"],
  26: ["200-400", null],
  27: ["50-200", null],
};
const LENGTHS_31: Record<number, [string | null, string | null]> = {
  3: ["100-200", null],
  4: ["100-200", null],
  5: ["100-200", null],
  6: ["100-200", null],
  7: ["50-100", null],
  8: ["100-200", null],
  9: ["100-200", null],
  10: ["100-200", null],
  11: ["200-300", null],
  12: ["50-100", null],
  13: ["100-200", null],
  14: ["200-300", "1 to 3 screenshots"],
  15: ["100-200", null],
  16: ["100-200", null],
  17: ["50-200", null],
  18: ["100-200", null],
  19: [null, "Insert 1-2 images"],
  20: [null, "Upload 1-2 images"],
  21: [null, "Upload 1-2 images"],
  22: ["100-200", null],
  23: ["100-200", null],
  24: ["100-200", null],
  25: ["100-200", null],
  26: ["100-200", null],
  27: ["100-200", null],
  28: ["0-200", null],
  29: ["200-400", "Include a figure"],
  30: ["200-400", null],
  31: ["50-300", null],
};
const SECTIONS_27: [string, number[]][] = [
  ["Group information", [1, 2, 3]],
  ["Coding environment", [4, 5, 6]],
  ["Version control", [7, 8, 9, 10, 11]],
  ["Running code and tracking experiments", [12, 13, 14, 15, 16]],
  ["Working in the cloud", [17, 18, 19, 20, 21, 22, 23, 24]],
  ["Overall discussion of project", [25, 26, 27]],
];
const SECTIONS_31: [string, number[]][] = [
  ["Group information", [1, 2, 3]],
  ["Coding environment", [4, 5, 6]],
  ["Version control", [7, 8, 9, 10, 11]],
  ["Running code and tracking experiments", [12, 13, 14, 15, 16]],
  ["Working in the cloud", [17, 18, 19, 20, 21, 22]],
  ["Deployment", [23, 24, 25, 26]],
  ["Overall discussion of project", [27, 28, 29, 30, 31]],
];

function prompt(year: Year, n: number): string[] {
  const family = year <= 2024 ? LENGTHS_27 : LENGTHS_31;
  const [words, images] = family[n] ?? [null, null];
  const lines: string[] = [];
  if (n === 3 && year === 2026)
    lines.push("> **Did you end up using any open-source frameworks/packages not covered in the course?**");
  else if (n === 3 && year === 2025)
    lines.push(
      "> **A requirement to the project is that you include a third-party package not covered in the course.**",
    );
  else if (images && !(words && images.includes("screenshots")))
    lines.push(`> **${images} of your work for question ${n}.**`);
  else lines.push(`> **Describe what you did for question ${n}, in your own words.**`);
  lines.push(">");
  if (words) {
    const label = year <= 2024 ? "Answer length" : "Recommended answer length";
    const extra = images?.includes("screenshots") ? ` + ${images}` : "";
    lines.push(`> ${label}: ${words} words${extra}.`, ">");
  }
  lines.push("> Example:");
  if (n === 4 && year <= 2024) {
    const spelling = year === 2023 ? "enviroment" : "environment";
    lines.push(`> *To get a complete copy of our development ${spelling}, one would run ...*`);
  } else lines.push(`> *We did ... and ... for question ${n}.*`);
  lines.push(">", "> Answer:");
  return lines;
}

/** Builds a report of the given year's shape. */
export function syntheticReport(options: SyntheticOptions): string {
  const { year } = options;
  const out: string[] = [];
  if (year <= 2024 && !options.noFrontMatter) out.push(FRONT_MATTER.trimEnd(), "");
  if (options.title !== null) out.push(`# ${options.title ?? TITLE}`, "");
  out.push(
    "Please only remove the text formatted as with three dashes in front and behind like:",
    "",
    "```--- question 1 fill here ---```",
    "",
  );
  if (year === 2026)
    out.push("The script has two dependencies that can be installed with `uv add typer markdown`.", "");
  out.push("## Overall project checklist", "");
  const checklist = CHECKLIST[year <= 2024 ? "27" : year === 2025 ? "2025" : "2026"];
  for (const [section, items] of checklist) {
    out.push(`### ${section}`, "");
    for (const [key, text] of items) {
      const mark = options.marks?.[key] ?? (options.checked?.includes(key) ? "x" : " ");
      out.push(`* [${mark}] ${text}`);
    }
    out.push("");
  }
  for (const [section, numbers] of year <= 2024 ? SECTIONS_27 : SECTIONS_31) {
    out.push(`## ${section}`, "", `> In the following section we ask about ${section.toLowerCase()}.`, "");
    for (const n of numbers) {
      out.push(`### Question ${n}`, "", ...prompt(year, n), "");
      out.push(options.answers?.[n] ?? `--- question ${n} fill here ---`, "");
    }
  }
  let text = out.join("\n");
  if (options.eol === "\r\n") text = text.replace(/\n/g, "\r\n");
  return (options.bom ? "\uFEFF" : "") + text;
}

/** `n` distinct-looking prose words, e.g. to fill an answer to a given length. */
export function words(n: number, start = 0): string {
  const vocabulary = [
    "we",
    "trained",
    "the",
    "model",
    "with",
    "data",
    "and",
    "tested",
    "our",
    "pipeline",
    "in",
    "cloud",
  ];
  return Array.from({ length: n }, (_, i) => vocabulary[(i + start) % vocabulary.length]).join(" ");
}

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A 2026 report that lints clean with its preset, and its figures, as files under `prefix`: every answer inside
 * its range, every image present. `answers` overrides single answers to add a finding.
 */
export function cleanReportFiles(
  prefix = "",
  answers: Partial<Record<number, string>> = {},
  checked: readonly ChecklistKey[] = [],
): Record<string, string | Uint8Array> {
  const text = syntheticReport({
    year: 2026,
    checked,
    answers: {
      ...Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120, i)])),
      1: "42",
      2: "s224411, s224412",
      7: words(60),
      11: words(250),
      12: words(60),
      14: `${words(250)}\n\n![w](figures/w.png)`,
      19: "![b](figures/b.png)",
      20: "![r](figures/r.png)",
      21: "![c](figures/c.png)",
      29: `${words(250)}\n\n![a](figures/a.png)`,
      30: words(250),
      ...answers,
    },
  });
  const figures = Object.fromEntries(
    ["w", "b", "r", "c", "a"].map((n) => [`${prefix}reports/figures/${n}.png`, PNG_SIGNATURE]),
  );
  return { [`${prefix}reports/README.md`]: text, ...figures };
}
