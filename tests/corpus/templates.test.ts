import { existsSync, readFileSync } from "node:fs";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { SHARED } from "@mlops-report/testing/setting";
import { describe, expect, it } from "vitest";

const YEARS = ["2023", "2024", "2025", "2026"] as const;
const available = YEARS.filter((y) => existsSync(`${SHARED}templates/${y}/README.md`));
if (available.length === 0)
  console.warn("[templates] ../shared/templates not found: template tests are skipped");

interface Diagnostic {
  ruleId: string;
  message: string;
  question: number | null;
}

function lintTemplate(
  year: string,
  preset: string,
): { code: number | null; diagnostics: Diagnostic[]; stderr: string } {
  const root = tempTree({ "reports/README.md": readFileSync(`${SHARED}templates/${year}/README.md`) });
  const run = runCli(["lint", ".", "--year", preset, "--format", "json"], root);
  return {
    code: run.code,
    stderr: run.stderr,
    diagnostics: run.stdout ? JSON.parse(run.stdout).results[0].diagnostics : [],
  };
}

describe.runIf(available.length > 0)("each year's official, unfilled template", () => {
  it.each(available)(
    "%s with its own preset: every question unanswered, nothing else about answers",
    (year) => {
      const { code, diagnostics, stderr } = lintTemplate(year, year);
      expect(stderr).toBe("");
      expect(code).toBe(1);
      const count = year <= "2024" ? 27 : 31;
      // The 2025 template itself ships junk text in Question 31's answer region: that one reads as answered.
      const unanswered = year === "2025" ? count - 1 : count;
      const filled = diagnostics.filter((d) => d.ruleId === "answer/filled");
      expect(filled.map((d) => d.question)).toEqual(Array.from({ length: unanswered }, (_, i) => i + 1));
      const counts = diagnostics.filter(
        (d) => d.ruleId === "answer/word-count" || d.ruleId === "answer/image-count",
      );
      expect(counts.map((d) => d.message)).toEqual(
        year === "2025"
          ? ["Question 31 is too short: 33 words as the course checker counts them, expected 50-300"]
          : [],
      );
      expect(diagnostics.filter((d) => d.ruleId === "template/structure")).toEqual([]);
    },
  );

  it.runIf(available.includes("2024"))(
    "a 27-question report with the 2026 preset gets one template-mismatch finding",
    () => {
      const { code, diagnostics } = lintTemplate("2024", "2026");
      expect(code).toBe(1);
      const structure = diagnostics.filter((d) => d.ruleId === "template/structure");
      expect(structure.map((d) => d.message)).toEqual([
        "This report fills the 2024 template (27 questions), but the config is for 2026 (31 questions): lint it with --year 2024",
      ]);
      // No question is judged by the 2026 numbering: only the prompts' own constraints apply.
      expect(diagnostics.filter((d) => d.ruleId === "answer/filled")).toHaveLength(27);
    },
  );
});
