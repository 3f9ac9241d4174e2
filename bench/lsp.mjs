// Benchmark: the language server's re-lint of a report after a one-line edit, warm (configs loaded, code
// compiled), against a bare markdown parse of the same edited text, taken in turns report by report. Prints
// ratios, never asserts wall-clock limits (machines are shared and noisy).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fromMarkdown } from "mdast-util-from-markdown";
import { DEFAULT_TIME_LIMIT_SECONDS, ReportAnalyser } from "../packages/engine/dist/index.js";
import { CORPUS, quantile } from "./common.mjs";

const SHARED = `${CORPUS}/`;
if (!existsSync(SHARED)) {
  console.log(`bench (editor): ${SHARED} not found; nothing to measure`);
  process.exit(0);
}
// The repositories' reports: linted where they stand, their figures and configs looked up as an editor's are.
const reports = readdirSync(`${SHARED}repos`).map((d) => {
  const path = `${SHARED}repos/${d}/reports/README.md`;
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  return { path, lines, middle: Math.floor(lines.length / 2) };
});
/** The report with one line edited: a word added to its middle line, different in every round. */
const edited = (r, round) =>
  r.lines.map((line, i) => (i === r.middle ? `${line} edit${round}` : line)).join("\n");

const analyser = new ReportAnalyser({
  cwd: SHARED,
  inlineConfig: true,
  allowPlugins: false,
  timeLimitSeconds: DEFAULT_TIME_LIMIT_SECONDS,
});
for (const r of reports) await analyser.analyse(r.path, edited(r, -1)); // warm-up: configs, JIT, file caches

const BARE = "bare fromMarkdown";
const RELINT = "server re-lint";
const stages = {
  [BARE]: async (_r, text) => fromMarkdown(text),
  [RELINT]: async (r, text) => {
    const analysis = await analyser.analyse(r.path, text);
    if (analysis.kind !== "report") throw new Error(`${r.path}: ${analysis.kind}`);
  },
};
const names = Object.keys(stages);
const ROUNDS = Number(process.env.BENCH_TURN_ROUNDS ?? 10);
const ratios = [];
const totals = Object.fromEntries(names.map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const spent = Object.fromEntries(names.map((k) => [k, 0]));
  for (const [i, r] of reports.entries()) {
    const text = edited(r, round);
    // The order turns with every report and round, so that neither always runs first.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + i + k) % names.length];
      const start = process.hrtime.bigint();
      await stages[name](r, text);
      spent[name] += Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  for (const name of names) totals[name].push(spent[name]);
  ratios.push(spent[RELINT] / spent[BARE]);
}
const perReport = (name) => quantile(totals[name], 0.5) / reports.length;
console.log("");
console.log(
  `editor: warm re-lint after a one-line edit, ${reports.length} corpus reports, ${ROUNDS} rounds in turns:`,
);
console.log(
  `bare parse ${perReport(BARE).toFixed(2)} ms, server re-lint ${perReport(RELINT).toFixed(2)} ms per report (median of rounds)`,
);
console.log(
  `server re-lint over bare parse:         ${quantile(ratios, 0.5).toFixed(3)}x median of rounds (quartiles ${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)}) (target <= 1.10x)`,
);
