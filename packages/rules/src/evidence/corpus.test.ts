/**
 * Smoke test over the real reports in ../shared/corpus (outside the repository). It checks the hand-checked
 * expectations, read by hand, that depend on negation and hypothesis, using the year presets' evidence terms.
 * No report text is embedded here: only seed names, question numbers and expected booleans.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse, type Report } from "@mlops-report/core";
import { HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import { describe, expect, it } from "vitest";
import { findEvidence, mentions, negated, splitSentences } from "./index.js";

const CORPUS = `${SHARED}corpus/`;
if (!HAS_CORPUS) console.warn(`evidence corpus smoke test skipped: ${CORPUS} does not exist`);

// Evidence terms as the year presets wrote them, with the `i` flag.
const T = {
  dvc: /\bdvc\b|data version control/i,
  wandb: /wandb|\bw&b\b|weights? ?(&|and) ?biases/i,
  sweep:
    /sweeps?|hyper-?parameter (search|optimi[sz]ation|tuning)|optuna|ray tune|grid search|random search|bayesian optimi[sz]ation/i,
  profiling: /profil(e|er|ers|ing|ed)|cprofile|snakeviz|py-spy|line_profiler|scalene/i,
  dockerBuild:
    /cloud ?build|build\w*[^.]{0,40}(images?|containers?)|(images?|containers?)[^.]{0,40}built|triggers?/i,
  cloudTraining: /vertex|compute engine|custom (training )?jobs?|virtual machines?|\bvms?\b|in the cloud/i,
  apiTests: /(unit|functional|integration|api|endpoint) test(s|ing)?|test_api|testclient|httpx|pytest/i,
  loadTest:
    /locust|load[- ]?test(s|ing|ed)?|stress[- ]test\w*|\bk6\b|jmeter|vegeta|\bwrk\b|requests per second/i,
  dataDrift: /drift|evidently|nannyml|alibi/i,
  systemMetrics: /prometheus|\/metrics|instrument\w*|metrics endpoint|opentelemetry/i,
  cloudMonitoring:
    /cloud monitoring|monitoring dashboard|\bslos?\b|service level objectives?|managed prometheus/i,
  alerts: /alert\w*|notification channels?/i,
} as const;

interface Loaded {
  file: string;
  report: Report;
}

/** Every report of the corpus, parsed once: seeds first, in name order. */
function loadCorpus(): Loaded[] {
  if (!HAS_CORPUS) return [];
  const files = [
    ...readdirSync(`${CORPUS}seeds/`)
      .sort()
      .map((f) => `${CORPUS}seeds/${f}`),
    ...readdirSync(`${CORPUS}repos/`)
      .sort()
      .map((d) => `${CORPUS}repos/${d}/reports/README.md`),
  ].filter((f) => existsSync(f));
  return files.map((file) => ({
    file,
    report: parse(readFileSync(file, "utf8"), { path: file, files: false }),
  }));
}

function seedReport(corpus: readonly Loaded[], prefix: string): Report {
  const found = corpus.find((c) => c.file.includes(`/seeds/${prefix}`));
  if (!found) throw new Error(`seed ${prefix} not found`);
  return found.report;
}

function blocksOf(report: Report, q: number) {
  return report.questions.find((x) => x.number === q)?.answer.blocks ?? [];
}

/** [seed, questions, terms, mentions, negated]: §6 rows where a denial, hypothesis or attempt is at stake. */
const ROWS: [string, number[], keyof typeof T, boolean, boolean][] = [
  ["000", [10, 13], "dvc", false, true],
  ["000", [14, 13], "wandb", true, true],
  ["000", [22, 18], "cloudTraining", true, true],
  ["000", [25], "loadTest", true, false],
  ["000", [26, 28], "dataDrift", true, false],
  ["000", [26], "cloudMonitoring", false, false],
  ["000", [26], "alerts", true, false],
  ["001", [10, 13], "dvc", true, true],
  ["001", [14, 13], "wandb", true, false],
  ["001", [16], "profiling", true, true],
  ["001", [22, 18], "cloudTraining", true, true],
  ["001", [25], "apiTests", true, false],
  ["001", [25], "loadTest", false, true],
  ["002", [10, 13], "dvc", true, false],
  ["002", [16], "profiling", false, true],
  ["002", [21, 11, 17], "dockerBuild", true, true],
  // "did not perform extensive profiling" is hedged: it denies an extra, not profiling.
  ["003", [16], "profiling", true, false],
  ["003", [14, 12, 13], "sweep", true, false],
  ["004", [10, 13], "dvc", false, true],
  ["004", [22, 18], "cloudTraining", true, true],
  // "did not perform formal unit testing or load testing": the formal tests are an extra; load testing is denied.
  ["004", [25], "apiTests", false, false],
  ["004", [25], "loadTest", false, true],
  ["004", [26, 28], "dataDrift", false, false],
  ["004", [26], "systemMetrics", false, false],
  ["004", [26], "alerts", false, false],
];

describe.runIf(HAS_CORPUS)("real reports", () => {
  const corpus = loadCorpus();

  it.each(ROWS)("seed %s, questions %j, %s: mentions %s, negated %s", (seed, questions, id, m, n) => {
    const report = seedReport(corpus, seed);
    const terms = [T[id]];
    expect(questions.some((q) => mentions(blocksOf(report, q), terms))).toBe(m);
    expect(questions.some((q) => negated(blocksOf(report, q), terms))).toBe(n);
  });

  it("analyses every answer of every report: sentences are trimmed and every hit's sentence is one of them", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(5);
    const all = Object.values(T);
    let answered = 0;
    for (const { file, report } of corpus) {
      for (const q of report.questions) {
        const sentences = splitSentences(q.answer.blocks);
        if (q.answer.state === "answered" && q.answer.text.trim() !== "") {
          answered++;
          expect(sentences.length, `${file} Q${q.number}`).toBeGreaterThan(0);
        }
        const texts = new Set(sentences.map((s) => s.text));
        for (const s of sentences) expect(s.text).toBe(s.text.trim());
        for (const hit of findEvidence(q.answer.blocks, all)) expect(texts.has(hit.sentence)).toBe(true);
      }
    }
    expect(answered).toBeGreaterThan(100);
  });
});
