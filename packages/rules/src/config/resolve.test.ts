import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@mlops-report/core";
import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../../../tests/support/synthetic.js";
import { lintReport } from "../engine/lint.js";
import { positionOf } from "../test/helpers.js";
import { loadConfigFile } from "./load.js";
import { lintOptionsFor, resolveConfig } from "./resolve.js";

const DVC_ITEM = "Setup version control for your data or part of your data (M8)";
const LOAD_ITEM = "Load test your application (M24)";

/** A 2025 config with the given consistency rules (YAML lines under `consistency:`). */
async function configWith(rules: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "mlops-report-resolve-"));
  const file = join(dir, "cfg.yaml");
  writeFileSync(
    file,
    [
      "year: 2025",
      "checklist:",
      "  git: 'create a git repo'",
      "  dvc: 'version control for your data'",
      "  load-test: 'load test your application'",
      "rules:",
      "  consistency:",
      ...rules.map((line) => `    ${line}`),
    ].join("\n"),
  );
  return resolveConfig(await loadConfigFile(file, { allowPlugins: false }));
}

/** The consistency findings on a report, as message and line. */
async function findings(rules: string[], text: string) {
  const config = await configWith(rules);
  const report = parse(text, { path: "README.md", files: false });
  return lintReport(report, lintOptionsFor(config, report))
    .diagnostics.filter((d) => d.ruleId === "checklist/consistency")
    .map((d) => ({ message: d.message, line: d.line, severity: d.severity }));
}

const lineOf = (text: string, needle: string) => positionOf(text, needle).line;

describe("consistency messages", () => {
  const denied = [
    "dvc-denied:",
    "  when: checked(dvc)",
    "  assert: 'mentions(q10, /dvc/i) or mentions(q13, /dvc/i) or not (negated(q10, /dvc/i) or negated(q13, /dvc/i))'",
    "  message: 'Checklist line {line} ticks {item}, but Question {question} denies {term}: {denial}'",
    "  severity: error",
  ];

  it("quotes the denial with its line, and names the question that holds it", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["dvc"],
      answers: { 10: "Our data is small.", 13: "Runs are seeded.\n\nWe never adopted DVC for the images." },
    });
    expect(await findings(denied, text)).toEqual([
      {
        message: `Checklist line ${lineOf(text, DVC_ITEM)} ticks "${DVC_ITEM}", but Question 13 denies "DVC": "We never adopted DVC for the images." (line ${lineOf(text, "We never adopted")})`,
        // At the quoted denial, under its question.
        line: lineOf(text, "We never adopted"),
        severity: "error",
      },
    ]);
  });

  it("quotes the first mention, from prose, a command in code, or an image", async () => {
    const rule = (name: string, assert: string) => [
      `${name}:`,
      "  when: unchecked(load-test)",
      `  assert: '${assert}'`,
      "  message: '{item} (line {line}) is not ticked, but Question {question} mentions {term}: {mention}'",
      "  severity: info",
    ];
    const text = syntheticReport({
      year: 2025,
      checked: ["git"],
      answers: {
        25: "Our API answers in 80 ms.\n\nWe load tested it with Locust.\n\n```\nlocust -f locustfile.py\n```",
        26: "![dashboard](figures/dashboard.png)",
      },
    });
    const item = `"${LOAD_ITEM}" (line ${lineOf(text, LOAD_ITEM)}) is not ticked`;
    expect(
      await findings(
        [
          ...rule("prose", "not mentions(q25, /load test\\w*|locust/i)"),
          ...rule("code", "not matches(q25, /locust\\s+-f/)"),
          ...rule("image", "not (mentions(q26, /locust/i) or images(q26) >= 1)"),
        ],
        text,
      ),
    ).toEqual([
      {
        message: `${item}, but Question 25 mentions "load tested": "We load tested it with Locust." (line ${lineOf(text, "We load tested")})`,
        line: lineOf(text, "We load tested"),
        severity: "info",
      },
      {
        message: `${item}, but Question 25 mentions "locust -f": "locust -f locustfile.py" (line ${lineOf(text, "locust -f")})`,
        line: lineOf(text, "locust -f"),
        severity: "info",
      },
      {
        message: `${item}, but Question 26 mentions an image: "![dashboard](figures/dashboard.png)" (line ${lineOf(text, "![dashboard]")})`,
        line: lineOf(text, "![dashboard]"),
        severity: "info",
      },
    ]);
  });

  it("cuts a long sentence to a window around the term", async () => {
    const before = "Early in the project we spent two weeks on the data loader and the augmentation pipeline";
    const after =
      "which made the later work on the monitoring and the alerting much easier for the whole group in the last week of the course";
    const sentence = `${before}, and we also load tested the deployed API with Locust, ${after}.`;
    const text = syntheticReport({ year: 2025, checked: ["git"], answers: { 25: sentence } });
    const [finding] = await findings(
      [
        "l:",
        "  when: unchecked(load-test)",
        "  assert: 'not mentions(q25, /locust/i)'",
        "  message: '{mention}'",
      ],
      text,
    );
    expect(sentence.length).toBeGreaterThan(160);
    expect(finding?.message).toBe(
      `"…pipeline, and we also load tested the deployed API with Locust, which made the later work on the monitoring and the alerting much easier for the whole group in…" (line ${lineOf(text, "Early in the project")})`,
    );
  });

  it("falls back to the first question named, and `?` where no evidence was found", async () => {
    const text = syntheticReport({ year: 2025, checked: ["dvc"], answers: { 10: "Our data is small." } });
    const rules = [
      "first:",
      "  when: checked(dvc)",
      "  assert: 'not mentions(q10, /small/i)'",
      "  message: 'found {term}'",
      "second:",
      "  when: checked(dvc)",
      "  assert: 'mentions(q13, /dvc/i) or mentions(q10, /dvc/i)'",
      "  message: 'Question {question}: {term} {denial} {mention}, item {item} at {line}'",
    ];
    expect((await findings(rules, text)).map((f) => f.message)).toEqual([
      'found "small"',
      // Evidence of one rule does not leak into the next rule's message.
      `Question 13: ? ? ?, item "${DVC_ITEM}" at ${lineOf(text, DVC_ITEM)}`,
    ]);
  });

  it("leaves placeholder-like text inside quoted answers alone", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["git"],
      answers: { 25: "We load tested the {item} endpoint with Locust." },
    });
    const rules = ["q:", "  when: unchecked(load-test)", "  assert: 'not mentions(q25, /locust/i)'"];
    expect((await findings([...rules, "  message: '{mention} {line}'"], text)).map((f) => f.message)).toEqual(
      [
        `"We load tested the {item} endpoint with Locust." (line ${lineOf(text, "We load tested")}) ${lineOf(text, LOAD_ITEM)}`,
      ],
    );
  });
});

describe("ticked()", () => {
  it("counts the ticked items of the whole checklist, named by an id or not", async () => {
    const rules = (n: number) => [`n${n}:`, `  assert: 'ticked() != ${n}'`, `  message: '${n} ticked'`];
    const all = [...rules(0), ...rules(1), ...rules(2), ...rules(3)];
    const count = async (options: Parameters<typeof syntheticReport>[0]) =>
      (await findings(all, syntheticReport(options))).map((f) => f.message);
    expect(await count({ year: 2025 })).toEqual(["0 ticked"]);
    // `ci` and `docs` have no id in this config; `[%]` is neither ticked nor empty.
    expect(await count({ year: 2025, checked: ["ci", "docs"], marks: { dvc: "%" } })).toEqual(["2 ticked"]);
    expect(await count({ year: 2025, checked: ["git", "dvc"], marks: { ci: "X" } })).toEqual(["3 ticked"]);
  });
});
