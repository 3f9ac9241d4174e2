import { parse } from "@mlops-report/core";
import { type ReporterContext, reporters, shouldUseColor } from "@mlops-report/reporters";
import { type LintResult, lintOptionsFor, lintReport, listRules, type Rule } from "@mlops-report/rules";
import { type ConfigChoice, ConfigResolver } from "../configs.js";
import { findReport, shownPath } from "../find-reports.js";
import { type Io, printError, printUserError } from "../io.js";
import { messages, UserError } from "../messages.js";
import { parseOutputs, writeOutput } from "../outputs.js";
import { readReport } from "../read-report.js";
import { VERSION } from "../version.js";

export interface LintCommandOptions extends ConfigChoice {
  format: string[];
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  inlineConfig: boolean;
  color?: boolean;
  junitWarnings?: boolean;
}

/** Keeps errors only, with counts to match. */
function errorsOnly(result: LintResult): LintResult {
  const diagnostics = result.diagnostics.filter((d) => d.severity === "error");
  return { ...result, diagnostics, warningCount: 0, infoCount: 0 };
}

function maxWarningsOf(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value)) throw new UserError(messages.badMaxWarnings(value));
  return Number(value);
}

/** Lints every report named; a bad path or config costs only its reports. Exit code 0, 1 (errors) or 2 (bad input). */
export async function lintCommand(
  paths: readonly string[],
  options: LintCommandOptions,
  io: Io,
): Promise<number> {
  const outputs = parseOutputs(options.format, options.output, io.cwd);
  const maxWarnings = maxWarningsOf(options.maxWarnings);
  const configs = new ConfigResolver(options, io);
  // A config named for every report is checked before any report: when it is broken, nothing can be linted.
  await configs.named();
  let inputFailed = false;
  const results: LintResult[] = [];
  const rules = new Map<string, Rule>();
  for (const arg of paths.length ? paths : ["."]) {
    try {
      const file = findReport(io.cwd, arg);
      const text = readReport(file.path, file.shown);
      const report = parse(text, { path: file.path });
      const config = await configs.forReport(report, file.path);
      for (const rule of config.rules) rules.set(rule.meta.id, rule);
      const result = lintReport(report, {
        ...lintOptionsFor(config, report),
        filePath: file.shown,
        inlineConfig: options.inlineConfig,
      });
      results.push(options.quiet ? errorsOnly(result) : result);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      printUserError(io, error);
      inputFailed = true;
    }
  }
  // Every input failed: an empty report of "0 reports" would only hide the errors above.
  if (inputFailed && results.length === 0) return 2;
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const context: ReporterContext = {
    // Plugin rules too, so that SARIF and docs links know every rule that reported.
    rules: [...listRules(), ...[...rules.values()].map((r) => r.meta)].filter(
      (meta, i, all) => all.findIndex((m) => m.id === meta.id) === i,
    ),
    cwd: io.cwd,
    color: options.color ?? shouldUseColor(io.env, io.stdoutIsTTY),
    junitWarnings: options.junitWarnings ?? false,
    toolVersion: VERSION,
  };
  for (const output of outputs) {
    const text = reporters[output.format](results, output.file ? { ...context, color: false } : context);
    if (output.file) writeOutput(output.file, text, shownPath(io.cwd, output.file));
    else io.stdout(text);
  }
  if (inputFailed) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (warnings > maxWarnings) printError(io, messages.tooManyWarnings(warnings, maxWarnings));
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
