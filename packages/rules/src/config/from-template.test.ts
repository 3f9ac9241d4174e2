import { parse } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { syntheticReport, words } from "../../../../tests/support/synthetic.js";
import { presetFromTemplate } from "./from-template.js";
import { loadPreset } from "./load.js";
import { templateYears } from "./presets.js";

/** A 2026-shaped template with one new checklist item and Question 3 asking for 10-50 words. */
function template(): string {
  return syntheticReport({ year: 2026, answers: { 4: words(5) } })
    .replace(
      "* [ ] Create a git repository (M5)",
      "* [ ] Create a git repository (M5)\n* [ ] Train a reinforcement learning agent on the data (M40)",
    )
    .replace(/(### Question 3\n[\s\S]*?answer length: )[\d-]+/i, "$110-50");
}

describe("a year's preset from its template", () => {
  it("writes what differs from the base year: question count, ranges, items gone, items no id matches", async () => {
    const report = parse(template(), { files: false, years: templateYears() });
    const yaml = presetFromTemplate({
      template: report,
      baseName: "mlops-report:2026",
      base: await loadPreset("2026"),
      catalog: await loadPreset("catalog"),
      year: 2027,
    });
    const lines = yaml.split("\n");
    expect(lines.slice(3, 9)).toEqual([
      "extends: mlops-report:2026",
      "year: 2027",
      "template:",
      "  questions: 31",
      "  # No checklist item tells this template from 2026's: add a fingerprint, a phrase only it has.",
      "  fingerprints: []",
    ]);
    expect(yaml).toContain("questions:\n  3: { words: 10-50 }\n");
    // The compact template lacks most of the course's items: each is turned off.
    expect(lines).toContain("  pre-commit: off");
    expect(lines).not.toContain("  dvc: off");
    expect(lines.filter((l) => l.startsWith("#   line "))).toEqual([
      `#   line ${report.checklist.sections[0]!.items[1]!.line}: "Train a reinforcement learning agent on the data (M40)": suggested id train-reinforcement-learning; nearest known item: data-script ("downloads whatever data")`,
    ]);
  });
});
