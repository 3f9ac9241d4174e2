/**
 * One fixture per row of the severity table in docs/verdicts.md: a synthetic 2025 report in a synthetic
 * repository (or none), the item's verdict, and the exact finding it gives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openRepository, parse } from "@mlops-report/core";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPreset } from "../config/load.js";
import { templateYears } from "../config/presets.js";
import { lintOptionsFor, type ResolvedConfig, resolveConfig } from "../config/resolve.js";
import { lintReport } from "../engine/lint.js";

let config: ResolvedConfig;
beforeAll(async () => {
  config = resolveConfig(await loadPreset("2025"));
});
const { tree } = temporaryFolders();

type Key = Parameters<typeof syntheticReport>[0]["checked"];

/** Lints a 2025 report with these answers, in a repository of these files (null: no repository). */
function lint(checked: Key, answers: Record<number, string>, files: Record<string, string> | null) {
  const text = syntheticReport({ year: 2025, checked, answers: { 1: "42", 2: "s123456", ...answers } });
  let path = "/nowhere/reports/README.md";
  let repository = null;
  if (files) {
    const dir = tree({ ...files, "reports/README.md": text });
    path = join(dir, "reports/README.md");
    repository = openRepository(path);
  }
  const report = parse(text, { path, years: templateYears() });
  const result = lintReport(report, { ...lintOptionsFor(config, report), repository });
  const line = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
  return { result, line };
}

/** The dvc item's verdict and its finding, if any: [rule, severity, message]. */
function dvc(checked: Key, answers: Record<number, string>, files: Record<string, string> | null) {
  const { result, line } = lint(checked, answers, files);
  const verdict = result.checklist?.find((c) => c.id === "dvc")?.verdict;
  const findings = result.diagnostics
    .filter((d) => d.checklistItem === "dvc")
    .map((d) => [d.ruleId, d.severity, d.message]);
  return { verdict, findings, item: line("version control for your data"), q: line.bind(null) };
}

const ITEM = '"Setup version control for your data or part of your data (M8)"';
const USED = "We version the raw images with DVC and pull them in CI.";
const DENIED = "We did not use DVC in this project.";
const HEDGED = "We had hoped to set up DVC for the raw images.";
const OTHER = "We kept the data small enough for git.";
const TRACE = { ".dvc/config": "[core]\n" };
const SHOWS = { "data.dvc": "outs:\n- path: data\n" };
const NOTHING = { "src/train.py": "print('train')\n" };
const NO_DVC = "no DVC files (no .dvc/ folder, *.dvc or dvc.yaml)";

/** The table's rows as [kind, mark, answers, repository]: the fixtures below cover each. */
const covered = new Set<string>();
function row(kind: string, run: () => void) {
  covered.add(kind);
  it(kind, run);
}

describe("checklist verdicts: each row of the severity table", () => {
  row("agrees", () => {
    for (const [answer, files] of [
      [USED, SHOWS],
      [USED, TRACE],
      [USED, null],
      [HEDGED, SHOWS],
      [OTHER, SHOWS],
    ] as const) {
      const { verdict, findings } = dvc(["git", "dvc"], { 10: answer }, files);
      expect(findings, answer).toEqual([]);
      expect(verdict?.kind, answer).toBe("agrees");
    }
    for (const [answer, files] of [
      [DENIED, SHOWS],
      [HEDGED, SHOWS],
      [OTHER, TRACE],
      [`${USED} ${DENIED}`, null],
      [`${USED} We tried to move the labels to DVC too.`, null],
    ] as const) {
      const { verdict, findings } = dvc(["git"], { 10: answer }, files);
      expect(findings, answer).toEqual([]);
      expect(verdict?.kind, answer).toBe("agrees");
    }
  });

  row("described-no-trace", () => {
    const { verdict, findings, item } = dvc(["git", "dvc"], { 10: USED }, NOTHING);
    expect(verdict).toMatchObject({
      kind: "described-no-trace",
      answers: "described",
      repository: "nothing",
    });
    expect(findings).toEqual([
      [
        "checklist/repository",
        "warning",
        `Checklist line ${item} ticks ${ITEM} and Question 10 describes it, but the repository has ${NO_DVC}`,
      ],
    ]);
  });

  row("hedged", () => {
    const { verdict, findings, item, q } = dvc(["git", "dvc"], { 10: HEDGED }, TRACE);
    expect(verdict).toMatchObject({ kind: "hedged", answers: "hedged", repository: "trace" });
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "warning",
        `Checklist line ${item} ticks ${ITEM}, but Question 10 only plans, tries or considers it: "${HEDGED}" (line ${q(HEDGED)}). Describe what was done, or untick it`,
      ],
    ]);
  });

  row("hedged-no-trace", () => {
    const { verdict, findings, item, q } = dvc(["git", "dvc"], { 10: HEDGED }, NOTHING);
    expect(verdict?.kind).toBe("hedged-no-trace");
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "warning",
        `Checklist line ${item} ticks ${ITEM}, but Question 10 only plans, tries or considers it: "${HEDGED}" (line ${q(HEDGED)}). Describe what was done, or untick it. Nor does the repository show it: it has ${NO_DVC}`,
      ],
    ]);
  });

  row("denied-contradicted", () => {
    const { verdict, findings, item, q } = dvc(["git", "dvc"], { 10: DENIED }, SHOWS);
    expect(verdict).toMatchObject({ kind: "denied-contradicted", answers: "denied", repository: "shows" });
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "warning",
        `Checklist line ${item} ticks ${ITEM} and the repository has DVC-tracked data: data.dvc, but Question 10 denies "DVC": "${DENIED}" (line ${q(DENIED)}). Correct the answer, or untick it`,
      ],
    ]);
    expect(dvc(["git", "dvc"], { 10: DENIED }, TRACE).findings.map((f) => f[1])).toEqual(["warning"]);
  });

  row("denied", () => {
    for (const files of [NOTHING, null]) {
      const { verdict, findings, item, q } = dvc(["git", "dvc"], { 10: DENIED }, files);
      expect(verdict?.kind).toBe("denied");
      expect(findings).toEqual([
        [
          "checklist/consistency",
          "error",
          `Checklist line ${item} ticks ${ITEM}, but Question 10 denies "DVC": "${DENIED}" (line ${q(DENIED)}). Untick it, or correct the answer`,
        ],
      ]);
    }
  });

  row("not-described", () => {
    const { verdict, findings, item } = dvc(["git", "dvc"], { 10: OTHER, 13: OTHER }, TRACE);
    expect(verdict).toMatchObject({ kind: "not-described", answers: "absent", repository: "trace" });
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "warning",
        `Checklist line ${item} ticks ${ITEM}, but Questions 10 and 13 do not mention DVC. Describe it, or untick it`,
      ],
    ]);
  });

  row("not-described-no-trace", () => {
    const { verdict, findings, item } = dvc(["git", "dvc"], { 10: OTHER, 13: OTHER }, NOTHING);
    expect(verdict?.kind).toBe("not-described-no-trace");
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "warning",
        `Checklist line ${item} ticks ${ITEM}, but Questions 10 and 13 do not mention DVC. Describe it, or untick it. Nor does the repository show it: it has ${NO_DVC}`,
      ],
    ]);
  });

  row("no-trace", () => {
    // Question 10 left unanswered, DVC named in another answer: the repository alone speaks.
    const { verdict, findings, item } = dvc(
      ["git", "dvc"],
      { 29: "The pipeline pulls its data with DVC." },
      NOTHING,
    );
    expect(verdict).toMatchObject({ kind: "no-trace", answers: "unanswered", repository: "nothing" });
    expect(findings).toEqual([
      [
        "checklist/repository",
        "warning",
        `Checklist line ${item} ticks ${ITEM}, but the repository has ${NO_DVC}`,
      ],
    ]);
  });

  row("unticked-described", () => {
    const { verdict, findings, item, q } = dvc(["git"], { 10: USED }, SHOWS);
    expect(verdict).toMatchObject({ kind: "unticked-described", answers: "described", repository: "shows" });
    expect(findings).toEqual([
      [
        "checklist/consistency",
        "info",
        `Checklist line ${item} leaves ${ITEM} unticked, but Question 10 mentions "DVC": "${USED}" (line ${q(USED)}). Tick it if you did it. The repository has DVC-tracked data too: data.dvc`,
      ],
    ]);
  });

  row("unticked-shown", () => {
    const { verdict, findings, item } = dvc(["git"], { 10: OTHER }, SHOWS);
    expect(verdict).toMatchObject({ kind: "unticked-shown", answers: "absent", repository: "shows" });
    expect(findings).toEqual([
      [
        "checklist/repository",
        "info",
        `Checklist line ${item} leaves ${ITEM} unticked, but the repository has DVC-tracked data: data.dvc`,
      ],
    ]);
  });

  it("takes a general statement of what the work is good for as no plan of it", () => {
    // Unticked: the statement does not cast doubt on the description beside it.
    const both = `${USED} Data versioning helps keep DVC runs reproducible.`;
    expect(dvc(["git"], { 10: both }, null).verdict).toMatchObject({ kind: "unticked-described" });
    // Ticked: alone, it describes nothing, and plans nothing either.
    const alone = "Data versioning helps keep DVC runs reproducible.";
    expect(dvc(["git", "dvc"], { 10: alone }, null).verdict).toMatchObject({
      kind: "not-described",
      answers: "absent",
    });
  });

  it("never says the repository has nothing of an id it only looks for the group's own work of", () => {
    // cloud-deploy has no trace check: a missing deployment script is no proof that nothing was deployed.
    const { result } = lint(["git", "deploy"], { 24: "We served the model behind an API." }, NOTHING);
    const verdict = result.checklist?.find((c) => c.id === "cloud-deploy")?.verdict;
    expect(verdict).toMatchObject({ kind: "not-described", answers: "absent", repository: "not-checked" });
    expect(result.diagnostics.filter((d) => d.checklistItem === "cloud-deploy").map((d) => d.ruleId)).toEqual(
      ["checklist/consistency"],
    );
  });

  it("carries its reasons in the result, one line per source", () => {
    const { verdict, q } = dvc(["git", "dvc"], { 10: DENIED }, SHOWS);
    expect(verdict).toEqual({
      kind: "denied-contradicted",
      answers: "denied",
      repository: "shows",
      severity: "warning",
      rule: "checklist/consistency",
      reasons: [
        `answers: denied (Question 10: "${DENIED}" (line ${q(DENIED)}))`,
        "repository: shows (data.dvc)",
      ],
    });
  });

  it("has a fixture for every verdict the docs' table names, and the table names every verdict", () => {
    const doc = readFileSync(new URL("../../../../docs/verdicts.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf("## The severity table"), doc.indexOf("## The messages"));
    const kinds = new Set([...table.matchAll(/^\|[^|]*\|[^|]*\|[^|]*\| `([a-z-]+)` +\|/gm)].map((m) => m[1]));
    expect([...kinds].sort()).toEqual([...covered].sort());
  });
});
