import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("bad input in a class run", { timeout: 120_000 }, () => {
  const root = tempTree({
    ...cleanReportFiles("class/g1/"),
    "class/g2/reports/README.md": new Uint8Array([0x23, 0x20, 0x00, 0x01]),
    "class/g3/src/train.py": "print('no report here')\n",
    ...cleanReportFiles("class/g5/"),
    ...cleanReportFiles("class/g6/"),
  });
  // A report that cannot be read, whoever runs the test: a link to itself.
  mkdirSync(join(root, "class/g4/reports"), { recursive: true });
  symlinkSync("README.md", join(root, "class/g4/reports/README.md"));

  it.each(["off", "2"])(
    "names each bad report on one line and lints the others (concurrency %s), exit 2",
    (c) => {
      const run = runCli(["lint", "class", "--format", "json", "--concurrency", c], root);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n").filter(Boolean)).toEqual([
        "mlops-report: error: class/g2/reports/README.md: not a text file (it contains NUL bytes)",
        "mlops-report: error: class/g3: no report found (looked for reports/README.md in this folder)",
        "mlops-report: error: class/g4/reports/README.md: cannot be read (too many symbolic links)",
      ]);
      expect(JSON.parse(run.stdout).results.map((r: { filePath: string }) => r.filePath)).toEqual([
        "class/g1/reports/README.md",
        "class/g5/reports/README.md",
        "class/g6/reports/README.md",
      ]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it("names a glob that matches nothing and a broken group config, and still lints the rest", () => {
    const withConfig = tempTree({
      ...cleanReportFiles("class/g1/"),
      ...cleanReportFiles("class/g2/"),
      "class/g2/.mlops-report.yaml": "rulez: {}\n",
    });
    const run = runCli(["lint", "class", "nothing/*/reports/README.md", "--format", "json"], withConfig);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        "class/g2/.mlops-report.yaml:1:1: unknown key `rulez` (did you mean `rules`?)",
        "  1 | rulez: {}",
        "    | ^^^^^",
        "mlops-report: error: nothing/*/reports/README.md: no report matches this pattern",
        "",
      ].join("\n"),
    );
    expect(JSON.parse(run.stdout).results.map((r: { filePath: string }) => r.filePath)).toEqual([
      "class/g1/reports/README.md",
    ]);
  });
});
