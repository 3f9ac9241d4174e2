// Benchmark: the cost of mlops-report over a bare markdown parse of the same reports, measured side by side in
// one process. Prints ratios, never asserts wall-clock limits (machines are shared and noisy).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fromMarkdown } from "mdast-util-from-markdown";
import { blankOut, findPlainBlocks, openRepository, parse } from "../packages/core/dist/index.js";
import { reporters } from "../packages/reporters/dist/index.js";
import {
  checklistEvidence,
  lintOptionsFor,
  lintReport,
  listRules,
  loadPreset,
  resolveConfig,
  templateYears,
} from "../packages/rules/dist/index.js";
import { CORPUS, median, quantile } from "./common.mjs";

const SHARED = `${CORPUS}/`;
if (!existsSync(SHARED)) {
  console.log(`bench: ${SHARED} not found; nothing to measure`);
  process.exit(0);
}
const files = [
  ...readdirSync(`${SHARED}seeds`).map((f) => `${SHARED}seeds/${f}`),
  ...readdirSync(`${SHARED}repos`).map((d) => `${SHARED}repos/${d}/reports/README.md`),
];
const reports = files.map((path) => {
  const text = readFileSync(path, "utf8");
  // What `parse` hands the markdown parser: plain checklist blocks blanked out (docs/performance.md).
  return { path, text, parserText: blankOut(text, findPlainBlocks(text)) };
});
// The course years the presets define: without them every report's year is unknown.
const years = templateYears();
const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0);

const presets = {};
for (const year of ["base", "2023", "2024", "2025", "2026"])
  presets[year] = resolveConfig(await loadPreset(year));
const configFor = (report) =>
  presets[report.template.year === "unknown" ? "base" : String(report.template.year)];
const context = {
  rules: listRules(),
  cwd: process.cwd(),
  color: false,
  junitWarnings: false,
  toolVersion: "bench",
};

// The reports that sit in a whole repository, parsed once: the repository stage reads only the repository.
const inRepository = reports
  .filter((r) => openRepository(r.path) !== null)
  .map((r) => ({ ...r, report: parse(r.text, { path: r.path, years }) }));

const BARE = "bare fromMarkdown";
const BARE_IN_REPOSITORY = "bare fromMarkdown, in repositories";
const REPOSITORY = "repository view + evidence";
// What `parse` runs of the markdown parser: the engine's own work is what the stages add to it.
const PARSER_SHARE = "fromMarkdown as parse runs it";
const stages = {
  [BARE]: () => {
    for (const r of reports) fromMarkdown(r.text);
  },
  [PARSER_SHARE]: () => {
    for (const r of reports) fromMarkdown(r.parserText);
  },
  "parse (model, images on disk)": () => {
    for (const r of reports) parse(r.text, { path: r.path, years });
  },
  "parse + rules (year preset)": () => {
    for (const r of reports) {
      const report = parse(r.text, { path: r.path, years });
      lintReport(report, lintOptionsFor(configFor(report), report));
    }
  },
  [BARE_IN_REPOSITORY]: () => {
    for (const r of inRepository) fromMarkdown(r.text);
  },
  // A fresh view per report, as a run has: listing (git or a walk) and every evidence expression.
  [REPOSITORY]: () => {
    for (const r of inRepository)
      checklistEvidence(
        r.report,
        openRepository(r.path),
        configFor(r.report).checklist,
        configFor(r.report).repositoryEvidence,
      );
  },
  "parse + rules + json + terminal": () => {
    const results = reports.map((r) => {
      const report = parse(r.text, { path: r.path, years });
      return lintReport(report, { ...lintOptionsFor(configFor(report), report), filePath: r.path });
    });
    reporters.json(results, context);
    reporters.terminal(results, context);
  },
};

function time(fn) {
  // Each stage pays for its own garbage, not for the previous stage's.
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const names = Object.keys(stages);
const samples = Object.fromEntries(names.map((k) => [k, []]));
for (const fn of Object.values(stages)) fn(); // warm-up: JIT and file-system caches
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, so that machine noise falls on every stage alike; the order turns each round, so that no stage
  // always runs first or always follows the same other stage.
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    samples[name][round] = time(stages[name]);
  }
}
// The fastest round is the one least disturbed by the rest of a shared machine. On a busy machine the fastest
// bare parse may be a lucky one, though: the median of each round's own ratio (stages of one round run side by
// side, under the same load) is printed too.
// The quartiles of the per-round ratios say how far one run of this benchmark can be trusted.
const best = (xs) => Math.min(...xs);
const bare = best(samples[BARE]);
const roundRatios = (name, base = BARE) => samples[name].map((ms, round) => ms / samples[base][round]);
const roundRatio = (name) => median(roundRatios(name));
const quartilesOf = (xs) => `${quantile(xs, 0.25).toFixed(3)}-${quantile(xs, 0.75).toFixed(3)}`;

console.log(
  `mlops-report benchmark: ${reports.length} corpus reports, ${(bytes / 1024).toFixed(0)} KB, ${ROUNDS} interleaved rounds`,
);
console.log("");
console.log(
  `${"stage".padEnd(34)} ${"best".padStart(10)} ${"median".padStart(10)} ${"per report".padStart(11)} ${"MB/s".padStart(7)} ${"x bare".padStart(7)} ${"x bare".padStart(7)}`,
);
console.log(
  `${"".padEnd(34)} ${"".padStart(10)} ${"".padStart(10)} ${"(best)".padStart(11)} ${"(best)".padStart(7)} ${"best".padStart(7)} ${"median".padStart(7)}`,
);
for (const [name, xs] of Object.entries(samples)) {
  const ms = best(xs);
  const mbps = bytes / 1024 / 1024 / (ms / 1000);
  console.log(
    `${name.padEnd(34)} ${`${ms.toFixed(1)} ms`.padStart(10)} ${`${median(xs).toFixed(1)} ms`.padStart(10)} ${`${(ms / reports.length).toFixed(2)} ms`.padStart(11)} ${mbps.toFixed(2).padStart(7)} ${(ms / bare).toFixed(3).padStart(7)} ${roundRatio(name).toFixed(3).padStart(7)}`,
  );
}
const ratios = (name, base = BARE) =>
  `${(best(samples[name]) / best(samples[base])).toFixed(3)}x best, ${median(roundRatios(name, base)).toFixed(3)}x median of rounds (quartiles ${quartilesOf(roundRatios(name, base))})`;
console.log("");
console.log(`model over bare parse:                  ${ratios("parse (model, images on disk)")}`);
console.log(
  `rules + model over bare parse:          ${ratios("parse + rules (year preset)")} (target <= 1.10x)`,
);
console.log(`rules + model over the parser they run: ${ratios("parse + rules (year preset)", PARSER_SHARE)}`);
console.log(
  `repository over bare parse (${inRepository.length} reports in repositories): ${ratios(REPOSITORY, BARE_IN_REPOSITORY)} (target <= 0.25x)`,
);

// The same stages taken in turns report by report: the stages of one report run within a tenth of a second of
// each other, so that load which comes and goes over seconds on a shared machine falls on all of them alike.
// Each call pays for the garbage collection its allocations set off, and for some of the stage before it; the
// order turns with every report and round, so that each stage follows each other stage as often.
const perReport = {
  [BARE]: (r) => fromMarkdown(r.text),
  [PARSER_SHARE]: (r) => fromMarkdown(r.parserText),
  "parse (model, images on disk)": (r) => parse(r.text, { path: r.path, years }),
  "parse + rules (year preset)": (r) => {
    const report = parse(r.text, { path: r.path, years });
    lintReport(report, lintOptionsFor(configFor(report), report));
  },
};
const turnNames = Object.keys(perReport);
const turnSamples = Object.fromEntries(turnNames.map((k) => [k, []]));
const TURN_ROUNDS = Number(process.env.BENCH_TURN_ROUNDS ?? 10);
for (let round = 0; round < TURN_ROUNDS; round++) {
  const totals = Object.fromEntries(turnNames.map((k) => [k, 0]));
  reports.forEach((r, i) => {
    for (let k = 0; k < turnNames.length; k++) {
      const name = turnNames[(round + i + k) % turnNames.length];
      const start = process.hrtime.bigint();
      perReport[name](r);
      totals[name] += Number(process.hrtime.bigint() - start) / 1e6;
    }
  });
  for (const name of turnNames) turnSamples[name].push(totals[name]);
}
const turnSummary = (name, base = BARE) => {
  const xs = turnSamples[name].map((ms, round) => ms / turnSamples[base][round]);
  return `${median(xs).toFixed(3)}x median of rounds (quartiles ${quartilesOf(xs)})`;
};
console.log("");
console.log(`taken in turns report by report, ${TURN_ROUNDS} rounds:`);
console.log(`model over bare parse:                  ${turnSummary("parse (model, images on disk)")}`);
console.log(
  `rules + model over bare parse:          ${turnSummary("parse + rules (year preset)")} (target <= 1.10x)`,
);
console.log(
  `rules + model over the parser they run: ${turnSummary("parse + rules (year preset)", PARSER_SHARE)}`,
);
