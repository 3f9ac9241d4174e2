import type { LintResult } from "@mlops-report/rules";
import { makeContext, makeReport, makeResult, makeSection } from "@mlops-report/testing/factory";
import { compileSchemaFile, lintResultsSchemaPath } from "@mlops-report/testing/schemas";
import { describe, expect, it } from "vitest";
import { described, evidenceSummary, itemEvidence } from "./checklist-evidence.js";
import { htmlReporter } from "./html.js";
import { json } from "./json.js";
import { terminal } from "./terminal.js";

const context = makeContext({ cwd: "/w" });
const validate = compileSchemaFile(lintResultsSchemaPath);

/** A group that ticks DVC (its repository shows it) and leaves the frontend unticked (its answers describe one). */
function group(path: string, dvcShown: boolean): LintResult {
  const report = makeReport({
    path,
    checklist: [
      makeSection("Week 1", 5, [
        { text: "Setup version control for your data (M8)", line: 7, module: "M8" },
        { text: "Create a frontend for your API (M26)", line: 8, module: "M26", mark: " " },
      ]),
    ],
  });
  const result = makeResult(path, report, [
    {
      ruleId: "checklist/consistency",
      severity: "info",
      message: "Checklist line 8 leaves the frontend unticked, but Question 23 mentions Streamlit",
      line: 8,
      checklistItem: "frontend",
    },
  ]);
  return {
    ...result,
    checklist: [
      {
        id: "dvc",
        line: 7,
        text: "Setup version control for your data (M8)",
        state: "checked",
        repository: {
          trace: { found: dvcShown, complete: true, files: dvcShown ? [{ path: "data.dvc" }] : [] },
          shows: { found: dvcShown, files: dvcShown ? [{ path: "data.dvc" }] : [] },
        },
      },
      {
        id: "frontend",
        line: 8,
        text: "Create a frontend for your API (M26)",
        state: "unchecked",
        repository: {
          trace: null,
          shows: { found: true, files: [{ path: "app/ui.py", line: 1, text: "import streamlit as st" }] },
        },
        verdict: {
          kind: "unticked-described",
          answers: "described",
          repository: "shows",
          severity: "info",
          rule: "checklist/consistency",
          reasons: [
            'answers: described (Question 28: "We built a Streamlit page." (line 40))',
            "repository: shows (app/ui.py)",
          ],
        },
      },
    ],
  };
}

describe("checklist evidence in the outputs", () => {
  it("joins each item with the consistency findings about it", () => {
    const [dvc, frontend] = itemEvidence(group("/w/a/reports/README.md", true));
    expect(dvc?.answers).toEqual([]);
    expect(frontend?.answers).toEqual([
      {
        severity: "info",
        message: "Checklist line 8 leaves the frontend unticked, but Question 23 mentions Streamlit",
        line: 8,
      },
    ]);
    expect([described(dvc!), described(frontend!)]).toEqual([true, true]);
  });

  it("counts per id the groups that ticked, described and show it", () => {
    const results = [group("/w/a/reports/README.md", true), group("/w/b/reports/README.md", false)];
    expect(evidenceSummary(results)).toEqual([
      { id: "dvc", reports: 2, ticked: 2, described: 2, trace: 1, shown: 1 },
      { id: "frontend", reports: 2, ticked: 0, described: 2, trace: null, shown: 2 },
    ]);
  });

  it("writes the evidence into JSON that the schema accepts", () => {
    const output = JSON.parse(
      json([group("/w/a/reports/README.md", true), group("/w/b/reports/README.md", false)], context),
    );
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(output.results[0].checklist[1].repository.shows.files).toEqual([
      { path: "app/ui.py", line: 1, text: "import streamlit as st" },
    ]);
    expect(output.checklistEvidence).toHaveLength(2);
    expect(output.results[0].checklist[1].verdict.kind).toBe("unticked-described");
  });

  it("shows it in the terminal only with --show-evidence, and in the HTML grid and class page", () => {
    const results = [group("/w/a/reports/README.md", true), group("/w/b/reports/README.md", false)];
    expect(terminal(results, context)).not.toContain("Checklist evidence");
    const shown = terminal(results, { ...context, showEvidence: true });
    expect(shown).toContain("    line 7 [x] dvc\n      repository: shows it: data.dvc\n");
    expect(shown).toContain("    line 8 [ ] frontend\n      answers: Checklist line 8 leaves the frontend");
    expect(shown).toContain("      repository: shows it: app/ui.py:1\n");
    expect(shown).toContain("    dvc         2 ·  2 ·  1 ·  1  of 2\n");
    const page = htmlReporter(results, context);
    expect(page).toContain('<span class="evidence"><code>dvc</code> · repository: shows it: data.dvc</span>');
    expect(page).toContain('<tr><td><code>frontend</code></td><td class="num">2</td><td class="num">0</td>');
  });
});
