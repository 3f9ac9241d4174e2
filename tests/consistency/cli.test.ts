import { runCli, tempTree } from "@mlops-report/testing/cli";
import { itemText, lineOf, withFullChecklist } from "@mlops-report/testing/consistency";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/** The default consistency rules through the built command, with the year preset it picks by itself. */
describe("checklist consistency through the built CLI", () => {
  it("reports a denied tick as an error and a described but unticked item as info, with exact messages", () => {
    const answers = {
      10: "No, our group never set up DVC.",
      25: "Our API answers within a second. We load tested it with Locust.",
    };
    const report = withFullChecklist(syntheticReport({ year: 2025, answers }), 2025, ["git-repo", "dvc"]);
    const root = tempTree({ "reports/README.md": report });
    const run = runCli(["lint", ".", "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const diagnostics = JSON.parse(run.stdout).results[0].diagnostics.filter(
      (d: { ruleId: string }) => d.ruleId === "checklist/consistency",
    );
    const dvc = itemText(2025, "dvc");
    const load = itemText(2025, "load-test");
    const q10 = lineOf(report, answers[10]);
    const q25 = lineOf(report, answers[25]);
    expect(diagnostics).toEqual([
      {
        ruleId: "checklist/consistency",
        severity: "error",
        message: `Checklist line ${lineOf(report, dvc)} ticks "${dvc}", but Question 10 denies "DVC": "No, our group never set up DVC." (line ${q10}). Untick it, or correct the answer`,
        line: q10,
        column: 1,
        endLine: q10,
        endColumn: answers[10].length + 1,
        question: 10,
        checklistItem: "dvc",
      },
      {
        ruleId: "checklist/consistency",
        severity: "info",
        message: `Checklist line ${lineOf(report, load)} leaves "${load}" unticked, but Question 25 mentions "load tested": "We load tested it with Locust." (line ${q25}). Tick it if you did it`,
        line: q25,
        column: 1,
        endLine: q25,
        endColumn: answers[25].length + 1,
        question: 25,
        checklistItem: "load-test",
      },
    ]);
  });
});
