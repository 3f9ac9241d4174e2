import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { presetPath } from "../config/presets.js";
import { loadRepositoryEvidence, parseRepositoryEvidence } from "./evidence.js";

const yearIds = new Set(
  ["2023", "2024", "2025", "2026"].flatMap((year) =>
    Object.keys((parse(readFileSync(presetPath(year), "utf8")) as { checklist: object }).checklist),
  ),
);

describe("repository evidence", () => {
  it("compiles, keyed by the checklist ids the year presets name", () => {
    const evidence = loadRepositoryEvidence();
    expect(evidence.size).toBeGreaterThan(20);
    expect([...evidence.keys()].filter((id) => !yearIds.has(id))).toEqual([]);
  });

  it("names every id on the rule's docs page", () => {
    const page = readFileSync(
      new URL("../../../../docs/rules/checklist/repository.md", import.meta.url),
      "utf8",
    );
    expect([...loadRepositoryEvidence().keys()].filter((id) => !page.includes(`| \`${id}\` |`))).toEqual([]);
  });

  it("reads an expression per year and rejects what is not an expression over the repository", () => {
    const parsed = parseRepositoryEvidence(
      "e.yaml",
      "ci:\n  absent: no CI\n  trace: 'exists(\".github/**\")'\n  present: CI\n  shows:\n    2023: 'files(\"*.yml\") > 1'\n",
    );
    const ci = parsed.get("ci")!;
    expect(ci.shows instanceof Map && [...ci.shows.keys()]).toEqual([2023]);
    expect(() =>
      parseRepositoryEvidence("e.yaml", "ci:\n  absent: x\n  trace: 'mentions(q1, \"ci\")'\n"),
    ).toThrow(/^e\.yaml: ci\.trace: /);
    expect(() => parseRepositoryEvidence("e.yaml", "ci:\n  trace: 'exists(\"x\")'\n")).toThrow(
      "e.yaml: ci.absent must be a text",
    );
    expect(() => parseRepositoryEvidence("e.yaml", "ci:\n  tracee: 'exists(\"x\")'\n")).toThrow(
      "e.yaml: ci: unknown key tracee",
    );
  });
});
