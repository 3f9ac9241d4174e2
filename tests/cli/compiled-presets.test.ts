import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@mlops-report/core";
import {
  COMPILED_PRESETS_FILE,
  compiledPresetsText,
  expressionParsersBuilt,
  lintOptionsFor,
  lintReport,
  loadConfigFile,
  loadPreset,
  presetFolder,
  presetNames,
  resolveConfig,
  templateYears,
  yamlDocumentsParsed,
} from "@mlops-report/rules";
import { tempTree } from "@mlops-report/testing/cli";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

describe("built-in presets, compiled by the build", () => {
  it("a run with a built-in preset parses no YAML and builds no expression parser", async () => {
    const report = parse(syntheticReport({ year: 2026, checked: ["dvc"], answers: { 10: words(120) } }), {
      files: false,
      years: templateYears(),
    });
    expect(report.template.year).toBe(2026);
    const config = resolveConfig(await loadPreset("2026"));
    const consistency = lintReport(report, lintOptionsFor(config, report)).diagnostics.filter(
      (d) => d.ruleId === "checklist/consistency",
    );
    expect(consistency.map((d) => d.message)).toEqual([
      `Checklist line ${report.checklist.sections[0]!.items.find((i) => /version control/.test(i.text))!.line} ticks "Setup version control for your data or part of your data (M8)", but Questions 10 and 13 do not mention DVC. Describe it, or untick it`,
    ]);
    expect(yamlDocumentsParsed()).toBe(0);
    expect(expressionParsersBuilt()).toBe(0);
  });

  it("a config file that extends a preset parses only itself, and an expression builds the parser once", async () => {
    const folder = tempTree({
      ".mlops-report.yaml": [
        "extends: mlops-report:2025",
        "rules:",
        "  consistency:",
        "    long-q10: { assert: 'words(q10) >= 1', message: 'Question 10 is empty' }",
        "",
      ].join("\n"),
    });
    const before = yamlDocumentsParsed();
    const config = resolveConfig(
      await loadConfigFile(join(folder, ".mlops-report.yaml"), { allowPlugins: false }),
    );
    expect(yamlDocumentsParsed() - before).toBe(1);
    expect(expressionParsersBuilt()).toBe(1);
    expect(config.consistency.map((c) => c.name)).toContain("dvc-described");
    expect(config.consistency.map((c) => c.name)).toContain("long-q10");
  });

  it("the compiled file is JSON with the years on its first line and one preset a line, each loaded alone", async () => {
    const text = readFileSync(`${presetFolder()}${COMPILED_PRESETS_FILE}`, "utf8");
    const whole = JSON.parse(text) as Parameters<typeof compiledPresetsText>[0];
    expect(Object.keys(whole.presets)).toEqual(presetNames());
    const lines = text.trimEnd().split("\n");
    expect(lines.slice(1, -1).map((line) => Object.keys(JSON.parse(`{${line.replace(/,$/, "")}}`)))).toEqual(
      presetNames().map((name) => [name]),
    );
    expect(compiledPresetsText(whole)).toBe(text);
    for (const name of presetNames())
      expect((await loadPreset(name)).files.map((f) => f.slice(presetFolder().length))).toEqual(
        whole.presets[name]!.files.map((f) => `${f}.yaml`),
      );
  });
});
