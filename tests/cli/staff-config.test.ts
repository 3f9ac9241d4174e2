import { runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/** A class of two groups whose reports fill different years' templates, and staff configs beside it. */
const root = tempTree({
  "class/g1/reports/README.md": syntheticReport({ year: 2024 }),
  "class/g2/reports/README.md": syntheticReport({ year: 2026 }),
  "detected.yaml": "extends: mlops-report:detected\nrules:\n  answer/filled: warning\n",
  "fixed.yaml": "extends: mlops-report:2026\nrules:\n  answer/filled: warning\n",
});

const printed = (report: string, config: string) =>
  JSON.parse(runCli(["lint", "--print-config", report, "--config", config], root).stdout) as {
    presets: string[];
    files: string[];
    year: number;
    rules: Record<string, unknown>;
  };

describe("extends: mlops-report:detected through the built CLI", () => {
  it("gives each report its detected year's preset, with the staff config's changes on top", () => {
    expect(printed("class/g1", "detected.yaml")).toMatchObject({
      presets: ["mlops-report:base", "mlops-report:catalog", "mlops-report:2023", "mlops-report:2024"],
      files: ["detected.yaml"],
      year: 2024,
    });
    expect(printed("class/g2", "detected.yaml")).toMatchObject({ year: 2026, files: ["detected.yaml"] });
    expect(printed("class/g1", "detected.yaml").rules["answer/filled"]).toEqual(["warning", {}]);
    // A fixed year lints every report as that year's.
    expect(printed("class/g1", "fixed.yaml").year).toBe(2026);
  });

  it("lints a class of mixed years without calling a report another year's template", () => {
    const structure = (config: string) =>
      runCli(["lint", "class", "--config", config, "--format", "compact"], root)
        .stdout.split("\n")
        .filter((line) => line.includes("[template/structure]"));
    expect(structure("fixed.yaml")).toEqual([
      expect.stringMatching(
        /^class\/g1\/reports\/README\.md:\d+:\d+: error .*2024.* \[template\/structure\]$/,
      ),
    ]);
    expect(structure("detected.yaml")).toEqual([]);
  });

  it("is refused where no report's year is known: the preset command's --extends", () => {
    const run = runCli(
      ["preset", "--from-template", "class/g2/reports/README.md", "--extends", "detected.yaml"],
      root,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      "detected.yaml:1:10: `mlops-report:detected` stands for the year preset of each linted report: extend a year here, such as `mlops-report:2026`",
    );
  });
});

describe("a year without a preset", () => {
  it("says the year has none and how to add one", () => {
    const tree = tempTree({
      "reports/README.md": syntheticReport({ year: 2026 }),
      "staff.yaml": "extends: mlops-report:2026\nyear: 2027\n",
    });
    expect(runCli(["lint", ".", "--config", "staff.yaml"], tree)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "staff.yaml:2:7: year 2027 has no preset (years with one: 2023, 2024, 2025, 2026): add 2027.yaml to a copy of the preset folder and name that folder with MLOPS_REPORT_PRESETS (docs/new-course-year.md); or leave `year` out and extend a year that has one\n" +
        "  2 | year: 2027\n" +
        "    |       ^^^^\n",
    });
  });
});
