import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("a missing image's message", () => {
  it("names the repository's nearest image file, not only one that differs in letter case", () => {
    const files = cleanReportFiles();
    const text = (files["reports/README.md"] as string).replace(
      "![w](figures/w.png)",
      "![w](figures/artifactRegistry.png)",
    );
    const root = tempTree({
      ...files,
      "reports/README.md": text,
      "reports/figures/artifact-registry.png": files["reports/figures/w.png"]!,
    });
    const run = runCli(
      ["lint", "reports/README.md", "--format", "compact", "--rule", "checklist/marks: off"],
      root,
    );
    expect(run.stdout).toMatch(
      /^reports\/README\.md:\d+:1: error Image "figures\/artifactRegistry\.png" not found: no file at reports\/figures\/artifactRegistry\.png; the nearest image of the repository is reports\/figures\/artifact-registry\.png \[image\/exists\]\n$/,
    );
    expect(run.code).toBe(1);
  });

  it("names none when no image of the repository is near", () => {
    const files = cleanReportFiles();
    const text = (files["reports/README.md"] as string).replace(
      "![w](figures/w.png)",
      "![w](figures/pipeline-overview.png)",
    );
    const root = tempTree({ ...files, "reports/README.md": text });
    const run = runCli(
      ["lint", "reports/README.md", "--format", "compact", "--rule", "checklist/marks: off"],
      root,
    );
    expect(run.stdout).toMatch(
      /^reports\/README\.md:\d+:1: error Image "figures\/pipeline-overview\.png" not found: no file at reports\/figures\/pipeline-overview\.png \[image\/exists\]\n$/,
    );
  });
});

describe("registry-trigger's repository finding", () => {
  it("says exactly what counts, so that a workflow run by hand (workflow_dispatch) is not taken for a registry trigger", () => {
    const item = "Add a continues workflow that triggers when changes to the model registry is made (M19)";
    const report = syntheticReport({ year: 2025, checked: ["git"] }).replace(
      "* [x] Create a git repository (M5)",
      `* [x] Create a git repository (M5)\n* [x] ${item}`,
    );
    const root = tempTree({
      "reports/README.md": report,
      ".github/workflows/tests.yaml":
        "on:\n  workflow_dispatch:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    });
    const run = runCli(["lint", "reports/README.md", "--format", "json"], root);
    const messages = JSON.parse(run.stdout)
      .results[0].diagnostics.filter((d: { checklistItem: string }) => d.checklistItem === "registry-trigger")
      .map((d: { message: string }) => d.message);
    const line = report.split("\n").indexOf(`* [x] ${item}`) + 1;
    expect(messages).toEqual([
      `Checklist line ${line} ticks "${item}", but the repository has no workflow that mentions a model, registry, artifact, W&B or repository_dispatch (a manual workflow_dispatch is no registry trigger)`,
    ]);
  });
});
