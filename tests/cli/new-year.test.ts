import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configSchema, courseYears, PRESET_FOLDER_VARIABLE } from "@mlops-report/rules";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { afterEach, describe, expect, it } from "vitest";

const CONFIGS = fileURLToPath(new URL("../../configs/", import.meta.url));

/** A preset folder holding the shipped presets and a synthetic 2027 one. */
function foldersWith2027(): string {
  const folder = tempTree({});
  for (const file of readdirSync(CONFIGS)) cpSync(join(CONFIGS, file), join(folder, file));
  writeFileSync(
    join(folder, "2027.yaml"),
    [
      "extends: mlops-report:2026",
      "year: 2027",
      "template:",
      "  fingerprints:",
      "    - { preamble: 'the 2027 edition of the course', says: 'names the 2027 edition' }",
      "questions:",
      "  3: { words: 10-50 }",
      "",
    ].join("\n"),
  );
  return folder;
}

/** A 2026-shaped report that names the 2027 edition in its title, Question 3 answered in 120 words. */
const REPORT_2027 = syntheticReport({
  year: 2026,
  title: "Exam template for the 2027 edition of the course",
  answers: { 3: words(120) },
});

function lintJson(cwd: string, args: string[], env: Record<string, string>) {
  const run = runCli(["lint", "--format", "json", "--concurrency", "off", ...args], cwd, env);
  expect(run.stderr).toBe("");
  const [result] = JSON.parse(run.stdout).results;
  return {
    year: result.template.year,
    q3: result.diagnostics
      .filter((d: { question: number | null }) => d.question === 3)
      .map((d: { message: string }) => d.message),
  };
}

describe("a new course year is a new preset file", () => {
  const folder = foldersWith2027();
  const env = { [PRESET_FOLDER_VARIABLE]: folder };
  const root = tempTree({ "reports/README.md": REPORT_2027 });

  afterEach(() => {
    delete process.env[PRESET_FOLDER_VARIABLE];
  });

  it("template detection tells the 2027 template by its fingerprint, and its preset applies", () => {
    expect(lintJson(root, ["."], env)).toEqual({
      year: 2027,
      q3: ["Question 3 is too long: 120 words as the course checker counts them, expected 10-50"],
    });
    // A 2026 report stays 2026, under the 2026 preset.
    const plain = tempTree({
      "reports/README.md": syntheticReport({ year: 2026, answers: { 3: words(120) } }),
    });
    expect(lintJson(plain, ["."], env)).toEqual({ year: 2026, q3: [] });
  });

  it("--year takes 2027 with the folder, and not without it", () => {
    const plain = tempTree({
      "reports/README.md": syntheticReport({ year: 2026, answers: { 3: words(120) } }),
    });
    expect(lintJson(plain, [".", "--year", "2027"], env).q3).toEqual([
      "Question 3 is too long: 120 words as the course checker counts them, expected 10-50",
    ]);
    const without = runCli(["lint", ".", "--year", "2027"], plain);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--year takes one of 2023, 2024, 2025, 2026, not "2027"');
  });

  it("init writes a 2027 config, and takes 2027 as the latest year", () => {
    const named = tempTree({});
    expect(runCli(["init", "--year", "2027"], named, env).code).toBe(0);
    expect(readFileSync(join(named, ".mlops-report.yaml"), "utf8")).toContain("extends: mlops-report:2027\n");
    const latest = tempTree({});
    expect(runCli(["init"], latest, env).stdout).toBe(
      "Wrote .mlops-report.yaml (extends mlops-report:2027) and .mlops-report.schema.json (its schema, for editors)\n",
    );
  });

  it("the config schema names 2027 among the years and presets", () => {
    process.env[PRESET_FOLDER_VARIABLE] = folder;
    expect(courseYears()).toEqual([2023, 2024, 2025, 2026, 2027]);
    const schema = configSchema() as {
      properties: { year: { enum: number[] }; extends: { description: string } };
    };
    expect(schema.properties.year.enum).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(schema.properties.extends.description).toContain("mlops-report:2027");
  });
});
