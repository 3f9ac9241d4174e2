// Benchmark: the cost of mlops-report over a bare markdown parse of the same reports, measured side by side in
// one process. Prints ratios, never asserts wall-clock limits (machines are shared and noisy).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fromMarkdown } from "mdast-util-from-markdown";
import { parse } from "../packages/core/dist/index.js";
import { reporters } from "../packages/reporters/dist/index.js";
import {
  lintOptionsFor,
  lintReport,
  listRules,
  loadPreset,
  resolveConfig,
} from "../packages/rules/dist/index.js";

const SHARED = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
if (!existsSync(SHARED)) {
  console.log(`bench: ${SHARED} not found; nothing to measure`);
  process.exit(0);
}
const files = [
  ...readdirSync(`${SHARED}seeds`).map((f) => `${SHARED}seeds/${f}`),
  ...readdirSync(`${SHARED}repos`).map((d) => `${SHARED}repos/${d}/reports/README.md`),
];
const reports = files.map((path) => ({ path, text: readFileSync(path, "utf8") }));
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

const stages = {
  "bare fromMarkdown": () => {
    for (const r of reports) fromMarkdown(r.text);
  },
  "parse (model, images on disk)": () => {
    for (const r of reports) parse(r.text, { path: r.path });
  },
  "parse + rules (year preset)": () => {
    for (const r of reports) {
      const report = parse(r.text, { path: r.path });
      lintReport(report, lintOptionsFor(configFor(report), report));
    }
  },
  "parse + rules + json + terminal": () => {
    const results = reports.map((r) => {
      const report = parse(r.text, { path: r.path });
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
const samples = Object.fromEntries(Object.keys(stages).map((k) => [k, []]));
for (const fn of Object.values(stages)) fn(); // warm-up: JIT and file-system caches
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, so that machine noise falls on every stage alike.
  for (const [name, fn] of Object.entries(stages)) samples[name].push(time(fn));
}
// The fastest round is the one least disturbed by the rest of a shared machine.
const best = (xs) => Math.min(...xs);
const bare = best(samples["bare fromMarkdown"]);

console.log(
  `mlops-report benchmark: ${reports.length} corpus reports, ${(bytes / 1024).toFixed(0)} KB, best of ${ROUNDS} interleaved rounds`,
);
console.log("");
console.log(
  `${"stage".padEnd(34)} ${"all reports".padStart(12)} ${"per report".padStart(11)} ${"MB/s".padStart(7)} ${"x bare".padStart(7)}`,
);
for (const [name, xs] of Object.entries(samples)) {
  const ms = best(xs);
  const mbps = bytes / 1024 / 1024 / (ms / 1000);
  console.log(
    `${name.padEnd(34)} ${`${ms.toFixed(1)} ms`.padStart(12)} ${`${(ms / reports.length).toFixed(2)} ms`.padStart(11)} ${mbps.toFixed(2).padStart(7)} ${(ms / bare).toFixed(3).padStart(7)}`,
  );
}
const lint = best(samples["parse + rules (year preset)"]);
console.log("");
console.log(
  `model over bare parse:          ${(best(samples["parse (model, images on disk)"]) / bare).toFixed(3)}x (target <= 1.10x)`,
);
console.log(`rules + model over bare parse:  ${(lint / bare).toFixed(3)}x (target <= 1.10x)`);
