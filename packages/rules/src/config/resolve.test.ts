import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@mlops-report/core";
import { CountingStore, positionOf } from "@mlops-report/testing/rules";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { lintReport } from "../engine/lint.js";
import type { StoredEvidence } from "../evidence/store.js";
import { loadConfigFile, loadPreset } from "./load.js";
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

describe("evidence kept between runs", () => {
  const rules = [
    "dvc-denied:",
    "  when: checked(dvc)",
    "  assert: 'mentions(q10, /dvc/i) or not negated(q13, /dvc/i)'",
    "  message: 'Question {question} denies {term}: {denial}'",
    "load-test:",
    "  when: checked(load-test)",
    "  assert: 'not mentions(q13, \"locust\")'",
    "  message: 'Question {question} mentions {term}: {mention}'",
  ];
  const answers = {
    10: "Our data is small.",
    13: "We load test the API with Locust.\n\nWe never adopted DVC for the images.",
  };
  const report = (text: string) => parse(text, { path: "README.md", files: false });

  /** The consistency findings, after checking that every finding is the same with the store as without. */
  async function lintBoth(text: string, store: CountingStore) {
    const config = await configWith(rules);
    const options = lintOptionsFor(config, report(text));
    const stored = lintReport(report(text), { ...options, evidenceStore: store }).diagnostics;
    const plain = lintReport(report(text), options).diagnostics;
    expect(stored).toEqual(plain);
    return stored.filter((d) => d.ruleId === "checklist/consistency").map((d) => `${d.line}: ${d.message}`);
  }

  it("looks every answer and term list up once, and analyses none the second time", async () => {
    const text = syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers });
    const store = new CountingStore();
    const expected = [
      `${lineOf(text, "We load test")}: Question 13 mentions "Locust": "We load test the API with Locust." (line ${lineOf(text, "We load test")})`,
      `${lineOf(text, "We never adopted")}: Question 13 denies "DVC": "We never adopted DVC for the images." (line ${lineOf(text, "We never adopted")})`,
    ];
    expect(await lintBoth(text, store)).toEqual(expected);
    // q10 and q13 with /dvc/i, q13 with "locust"; the six calls of the expressions ask three times.
    expect(store.take()).toEqual({ gets: 3, misses: 3, sets: 3 });
    expect(await lintBoth(text, store)).toEqual(expected);
    expect(store.take()).toEqual({ gets: 3, misses: 0, sets: 0 });
  });

  it("analyses again only the answer that was edited", async () => {
    const store = new CountingStore();
    await lintBoth(syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers }), store);
    store.take();
    const edited = { ...answers, 13: `${answers[13]} The labels stay in Git.` };
    const text = syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers: edited });
    expect(await lintBoth(text, store)).toEqual([
      `${lineOf(text, "We load test")}: Question 13 mentions "Locust": "We load test the API with Locust." (line ${lineOf(text, "We load test")})`,
      `${lineOf(text, "We never adopted")}: Question 13 denies "DVC": "We never adopted DVC for the images." (line ${lineOf(text, "We never adopted")})`,
    ]);
    // q13's two term lists; q10's is kept.
    expect(store.take()).toEqual({ gets: 3, misses: 2, sets: 2 });
  });

  it("keeps an answer's hits right when lines are added above it", async () => {
    const store = new CountingStore();
    const before = syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers });
    await lintBoth(before, store);
    store.take();
    const longer = { ...answers, 5: "We wrote a data loader.\n\nWe wrote a trainer.\n\nWe wrote an API." };
    const text = syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers: longer });
    const denial = lineOf(text, "We never adopted");
    expect(denial).toBeGreaterThan(lineOf(before, "We never adopted"));
    expect(await lintBoth(text, store)).toEqual([
      `${lineOf(text, "We load test")}: Question 13 mentions "Locust": "We load test the API with Locust." (line ${lineOf(text, "We load test")})`,
      `${denial}: Question 13 denies "DVC": "We never adopted DVC for the images." (line ${denial})`,
    ]);
    expect(store.take()).toEqual({ gets: 3, misses: 0, sets: 0 });
  });

  it("never gives the rule what a store holds in the wrong shape", async () => {
    const text = syntheticReport({ year: 2025, checked: ["dvc", "load-test"], answers });
    const plain = await lintBoth(text, new CountingStore());
    for (const value of ["hits", [{ status: "asserted", term: "x", sentence: "x", block: 9 }], [null]]) {
      const store = new CountingStore();
      store.get = () => value as unknown as StoredEvidence;
      expect(await lintBoth(text, store)).toEqual(plain);
      expect(store.take().sets).toBe(3);
    }
  });

  it("leaves a second lint of a preset's report the same, with nothing analysed", async () => {
    const config = resolveConfig(await loadPreset("2025"));
    const text = syntheticReport({
      year: 2025,
      checked: ["git", "dvc", "docker", "ci", "load-test"],
      answers: {
        10: "We did not use DVC; the data is small enough for Git.",
        13: "We would have liked to use Docker, but we ran out of time.",
        25: "We never load tested the API.",
      },
    });
    const lint = (store: CountingStore | null) => {
      const parsed = report(text);
      return lintReport(parsed, { ...lintOptionsFor(config, parsed), evidenceStore: store }).diagnostics;
    };
    const plain = lint(null);
    expect(plain.filter((d) => d.ruleId === "checklist/consistency").length).toBeGreaterThan(0);
    const store = new CountingStore();
    expect(lint(store)).toEqual(plain);
    // Answers of the same text (placeholders, say) share their hits.
    const first = store.take();
    expect(first.sets).toBe(first.misses);
    expect(store.entries.size).toBe(first.sets);
    expect(lint(store)).toEqual(plain);
    expect(store.take()).toEqual({ gets: first.gets, misses: 0, sets: 0 });
  });
});
