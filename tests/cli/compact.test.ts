import { runCli, tempTree } from "@mlops-report/testing/cli";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("--format compact through the built CLI", () => {
  it("prints one whole line per finding, even for a message with line breaks, piped", () => {
    const root = tempTree({
      "reports/README.md": syntheticReport({ year: 2026, checked: ["dvc"] }),
      "staff.yaml": [
        "extends: mlops-report:2026",
        "rules:",
        "  answer/filled: off",
        "  answer/placeholder-left: off",
        "  consistency:",
        "    dvc-described: off",
        "    dvc-told:",
        "      when: checked(dvc)",
        "      assert: mentions(q10, /\\bdvc\\b/i)",
        '      message: "DVC is ticked\\nbut Question 10\\r\\nsays nothing of it"',
        "",
      ].join("\n"),
    });
    const run = runCli(["lint", "reports/README.md", "--config", "staff.yaml", "--format", "compact"], root);
    const lines = run.stdout.split("\n").filter((line) => line.includes("[checklist/consistency]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^reports\/README\.md:\d+:\d+: warning DVC is ticked but Question 10 says nothing of it \[checklist\/consistency\]$/,
    );
    for (const line of run.stdout.trimEnd().split("\n"))
      expect(line).toMatch(/^reports\/README\.md:\d+:\d+: (error|warning|info) .* \[[a-z/-]+\]$/);
  });
});
