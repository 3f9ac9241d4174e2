import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import { describe, expect, it } from "vitest";

/** Each official template with the preset of the year before it. */
const CASES = [
  { year: "2024", base: "2023" },
  { year: "2025", base: "2024" },
  { year: "2026", base: "2025" },
] as const;
const available = CASES.filter((c) => existsSync(`${SHARED}templates/${c.year}/README.md`));

describe.runIf(HAS_CORPUS && available.length > 0)("a year's preset made from its template", () => {
  const reports = corpusReports().map((r) => r.path);

  it.each(available)(
    "$year from its template, extending $base, lints every corpus report as the shipped $year preset does",
    ({ year, base }) => {
      const made = runCli(
        [
          "preset",
          "--from-template",
          `${SHARED}templates/${year}/README.md`,
          "--extends",
          `mlops-report:${base}`,
        ],
        SHARED,
      );
      expect(made.stderr).toBe("");
      expect(made.code).toBe(0);
      expect(made.stdout).toContain(`extends: mlops-report:${base}\nyear: ${year}\n`);
      const folder = tempTree({});
      const preset = join(folder, `${year}.yaml`);
      writeFileSync(preset, made.stdout);

      const lint = (choice: string[]) =>
        runCli(["lint", "--format", "json", "--concurrency", "off", ...choice, ...reports], SHARED);
      const shipped = lint(["--year", year]);
      const generated = lint(["--config", preset]);
      expect(generated.stderr).toBe(shipped.stderr);
      expect(JSON.parse(shipped.stdout).results).toHaveLength(reports.length);
      expect(generated.stdout).toBe(shipped.stdout);
    },
  );
});
