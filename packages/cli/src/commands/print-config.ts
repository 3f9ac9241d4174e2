import { type ConfigChoice, ReportLinter, shownPath } from "@mlops-report/engine";
import { describeConfig, type Severity } from "@mlops-report/rules";
import { findReport } from "../find-reports.js";
import type { Io } from "../io.js";

/**
 * `lint --print-config FILE`: the config that report's lint would use (its template's year detected, `--rule`
 * on top) as JSON on standard output, as ESLint's `--print-config` prints it; nothing is linted.
 */
export async function printConfig(
  path: string,
  choice: ConfigChoice,
  unusedDirectives: Severity | undefined,
  timeLimitSeconds: number,
  io: Io,
): Promise<number> {
  const report = findReport(io.cwd, path);
  const linter = new ReportLinter({
    cwd: io.cwd,
    choice,
    inlineConfig: true,
    detail: "slim",
    cacheFile: null,
    fix: false,
    timeLimitSeconds,
  });
  const config = await linter.configOf({ ...report, config: linter.locate(report.path) });
  const described = describeConfig(config);
  const shown = {
    filePath: report.shown,
    ...described,
    files: described.files.map((file) => shownPath(io.cwd, file)),
    reportUnusedDisableDirectives: unusedDirectives ?? described.reportUnusedDisableDirectives,
  };
  io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  return 0;
}
