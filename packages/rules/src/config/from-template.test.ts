import { parse } from "@mlops-report/core";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
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

describe("a reworded checklist item", () => {
  it("keeps its id, with a matcher for both wordings, instead of turning it off", async () => {
    const text = syntheticReport({ year: 2026 }).replace(
      "* [ ] Load test your application (M24)",
      "* [ ] Benchmark your deployed API under heavy traffic with locust (M24)",
    );
    const report = parse(text, { files: false, years: templateYears() });
    const item = report.checklist.sections
      .flatMap((s) => s.items)
      .find((i) => i.text.startsWith("Benchmark"))!;
    const yaml = presetFromTemplate({
      template: report,
      baseName: "mlops-report:2026",
      base: await loadPreset("2026"),
      catalog: await loadPreset("catalog"),
      year: 2027,
    });
    const lines = yaml.split("\n");
    expect(lines).not.toContain("  load-test: off");
    expect(lines).toContain(
      `  # line ${item.line}: "Benchmark your deployed API under heavy traffic with locust (M24)" reads as load-test's item reworded: widen its match in configs/catalog.yaml, or keep this`,
    );
    expect(lines).toContain(
      "  load-test: { match: 'load test your application|benchmark your deployed api' }",
    );
    expect(yaml).not.toContain("Checklist items no catalog id matches");
  });
});

describe("the fingerprint of a template with another question count", () => {
  it("says why none is needed when no other year has that count", async () => {
    // The 2026 template without its last question: 30 questions, which no year's template has.
    const text = syntheticReport({ year: 2026 }).replace(/### Question 31[\s\S]*$/, "");
    const report = parse(text, { files: false, years: templateYears() });
    expect(report.questions).toHaveLength(30);
    const yaml = presetFromTemplate({
      template: report,
      baseName: "mlops-report:2026",
      base: await loadPreset("2026"),
      catalog: await loadPreset("catalog"),
      year: 2027,
    });
    expect(yaml).toContain(
      "template:\n  questions: 30\n  # No fingerprint needed: no other year's template has 30 questions, and detection goes by the count first.\n",
    );
  });

  it("says there is none to propose when another year has that count and no checklist item is new", async () => {
    // A 2026-shaped checklist with 27 questions, as 2023 and 2024 have.
    const text = syntheticReport({ year: 2026 }).replace(/### Question 28[\s\S]*$/, "");
    const report = parse(text, { files: false, years: templateYears() });
    expect(report.questions).toHaveLength(27);
    const yaml = presetFromTemplate({
      template: report,
      baseName: "mlops-report:2026",
      base: await loadPreset("2026"),
      catalog: await loadPreset("catalog"),
      year: 2027,
    });
    expect(yaml).toContain(
      "template:\n  questions: 27\n  # No checklist item tells this template from 2023's and 2024's: add a fingerprint, a phrase only it has.\n  fingerprints: []\n",
    );
  });
});
