import { type ConfigChoice, lintReportFile, parseReportFile } from "@mlops-report/engine";
import { modelJson, modelSummary } from "@mlops-report/reporters";
import type { Io } from "../io.js";
import { parseTimeLimit } from "../options.js";

/**
 * Shows the parsed model of a report (`--json`: as it is); the summary's counts are linted with the config that
 * applies, as `lint` finds it, so that they are the numbers the rules judge by. Both within the time limit.
 */
export async function inspectCommand(
  path: string,
  options: { json?: boolean; timeLimit?: string } & Omit<ConfigChoice, "allowPlugins">,
  io: Io,
): Promise<number> {
  const timeLimitSeconds = parseTimeLimit(options.timeLimit);
  if (options.json) {
    io.stdout(modelJson(parseReportFile(io.cwd, path, timeLimitSeconds).report));
    return 0;
  }
  const choice: ConfigChoice = { config: options.config, year: options.year, allowPlugins: false };
  const { shown, report, result } = await lintReportFile(io.cwd, path, choice, timeLimitSeconds);
  io.stdout(modelSummary(report, shown, result.questionCounts));
  return 0;
}
