import { parse, type Report } from "@mlops-report/core";
import { describeConfig, type LintResult, templateYears } from "@mlops-report/rules";
import type { ConfigChoice } from "./configs.js";
import { findReport } from "./find-report.js";
import { ReportLinter } from "./lint-one.js";
import { shownPath } from "./paths.js";
import { readReport } from "./read-report.js";
import { Deadline } from "./time-limit.js";

/**
 * The report a path names (a file, or a repository's report), with a linter for it as a command line's one report
 * is linted (no cache, no fixes, the whole model kept) and its lint task, its config located.
 */
function oneReport(cwd: string, path: string, choice: ConfigChoice, timeLimitSeconds: number) {
  const file = findReport(cwd, path);
  const linter = new ReportLinter({
    cwd,
    choice,
    inlineConfig: true,
    detail: "full",
    cacheFile: null,
    fix: false,
    timeLimitSeconds,
  });
  return { file, linter, task: { ...file, config: linter.locate(file.path) } };
}

/** The model of the report a path names (a file, or a repository's report), parsed within the time limit. */
export function parseReportFile(
  cwd: string,
  path: string,
  timeLimitSeconds: number,
): { shown: string; report: Report } {
  const file = findReport(cwd, path);
  const text = readReport(file.path, file.shown);
  const deadline = new Deadline(timeLimitSeconds, file.shown);
  return {
    shown: file.shown,
    report: deadline.run(() => parse(text, { path: file.path, years: templateYears() })),
  };
}

/** The report a path names, linted with the config that applies to it: its model and its result. */
export async function lintReportFile(
  cwd: string,
  path: string,
  choice: ConfigChoice,
  timeLimitSeconds: number,
): Promise<{ shown: string; report: Report; result: LintResult }> {
  const { file, linter, task } = oneReport(cwd, path, choice, timeLimitSeconds);
  const { report, result } = await linter.lintText(readReport(file.path, file.shown), task);
  return { shown: file.shown, report, result };
}

/**
 * The config that applies to the report a path names (its template's year detected), described: its year,
 * presets, every rule's severity and options, and the files it was made of, as paths shown from `cwd`.
 */
export async function describeConfigOf(
  cwd: string,
  path: string,
  choice: ConfigChoice,
  timeLimitSeconds: number,
): Promise<{ filePath: string } & ReturnType<typeof describeConfig>> {
  const { file, linter, task } = oneReport(cwd, path, choice, timeLimitSeconds);
  const described = describeConfig(await linter.configOf(task));
  return {
    filePath: file.shown,
    ...described,
    files: described.files.map((config) => shownPath(cwd, config)),
  };
}
