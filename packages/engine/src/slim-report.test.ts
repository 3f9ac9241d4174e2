import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@mlops-report/core";
import { formatNames, reporterNeeds, reporters } from "@mlops-report/reporters";
import { lintOptionsFor, lintReport, listRules, loadPreset, resolveConfig } from "@mlops-report/rules";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { detailFor, slimReport } from "./slim-report.js";

const { folder } = temporaryFolders();

async function lintedReports() {
  const root = folder("slim");
  const config = resolveConfig(await loadPreset("2026"));
  const texts = [
    syntheticReport({
      year: 2026,
      checked: ["git", "dvc"],
      answers: {
        1: "42",
        2: "sXXXXXX",
        5: words(30),
        10: "We did not use DVC.",
        14: `${words(250)}\n\n![w](figures/missing.png) \`![c](figures/code.png)\``,
        20: "See [the notes](../notes.md).",
      },
    }),
    syntheticReport({ year: 2026, checked: ["docker"], answers: { 3: words(150) } }),
  ];
  return texts.map((text, i) => {
    const path = join(root, `g${i}`, "reports", "README.md");
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    const report = parse(text, { path });
    return lintReport(report, { ...lintOptionsFor(config, report), filePath: path });
  });
}

describe("slim reports", () => {
  it("keep full models when one output needs them", () => {
    expect(detailFor(["slim", "slim"])).toBe("slim");
    expect(detailFor(["slim", "full"])).toBe("full");
    expect(detailFor([])).toBe("slim");
  });

  it("drop the texts and keep what the other formats print, byte for byte", async () => {
    const full = await lintedReports();
    const slim = full.map((result) => ({ ...result, report: slimReport(result.report) }));
    expect(slim[0]!.report.source.text).toBe("");
    expect(slim[0]!.report.questions.every((q) => q.answer.text === "" && q.answer.blocks.length === 0)).toBe(
      true,
    );
    expect(JSON.stringify(full[0]!.report)).toContain("We did not use DVC.");
    expect(JSON.stringify(slim[0]!.report)).not.toContain("We did not use DVC.");
    expect(full[0]!.diagnostics.length).toBeGreaterThan(5);
    const context = {
      rules: listRules(),
      cwd: tmpdir(),
      color: false,
      junitWarnings: true,
      toolVersion: "t",
    };
    // Every format whose entry says it needs no more than the slim model.
    for (const format of formatNames.filter((name) => reporterNeeds[name] === "slim")) {
      expect(reporters[format](slim, context), format).toBe(reporters[format](full, context));
    }
  });
});
