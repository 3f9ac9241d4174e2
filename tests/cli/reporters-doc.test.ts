import { readFileSync } from "node:fs";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/**
 * docs/reporters.md shows real output: each code block after a `<!-- output: ARGS -->` comment is what
 * `mlops-report ARGS` prints for the report this test writes, line for line; a line `…` in a block stands for
 * lines left out.
 */
const DOC = new URL("../../docs/reporters.md", import.meta.url);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `n` words in three-word sentences that name no checklist item. */
const notes = (n: number) => Array.from({ length: n / 3 }, () => "We kept notes.").join(" ");

/** A 2026 report with three findings: a denied tick, a short answer, a figure linked in the wrong letter case. */
export function documentedReport(): string {
  return tempTree({
    ...cleanReportFiles(
      "",
      {
        7: notes(60),
        10: `No, we did not use DVC for our data. ${notes(111)}`,
        14: `${notes(150)}\n\n![W&B runs](figures/wandb_runs.png)`,
      },
      ["git", "dvc"],
    ),
    // The repository holds no DVC file: nothing contradicts the answer's denial, so it is an error.
    "reports/figures/WandB_runs.png": PNG,
  });
}

function documentedBlocks(): { args: string[]; lines: string[] }[] {
  const text = readFileSync(DOC, "utf8");
  return [...text.matchAll(/<!-- output: (.+?) -->\n+```[a-z]*\n([\s\S]*?)\n```/g)].map((m) => ({
    args: m[1]!.split(" "),
    lines: m[2]!.split("\n"),
  }));
}

/** True when `shown` is `actual` with some runs of lines replaced by one `…` line (indented or not). */
function isExcerpt(shown: readonly string[], actual: readonly string[], s = 0, a = 0): boolean {
  if (s === shown.length) return a === actual.length;
  if (shown[s]!.trim() === "…") {
    for (let skip = a + 1; skip <= actual.length; skip++)
      if (isExcerpt(shown, actual, s + 1, skip)) return true;
    return false;
  }
  return actual[a] === shown[s] && isExcerpt(shown, actual, s + 1, a + 1);
}

describe("docs/reporters.md", () => {
  const root = documentedReport();
  const blocks = documentedBlocks();

  it("shows terminal, json, junit, github and compact output", () => {
    expect(blocks.map((b) => b.args[b.args.indexOf("--format") + 1])).toEqual([
      "terminal",
      "json",
      "junit",
      "github",
      "compact",
    ]);
  });

  it.each(blocks.map((b) => [b.args.join(" "), b] as const))("shows the real output of: %s", (_, block) => {
    const run = runCli(block.args, root);
    const actual = run.stdout.replace(/\n$/, "").split("\n");
    expect(isExcerpt(block.lines, actual), run.stdout).toBe(true);
  });
});
