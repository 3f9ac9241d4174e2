import { type ConfigChoice, describeConfigOf, type Severity } from "@mlops-report/engine";
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
  const described = await describeConfigOf(io.cwd, path, choice, timeLimitSeconds);
  const shown = {
    ...described,
    reportUnusedDisableDirectives: unusedDirectives ?? described.reportUnusedDisableDirectives,
  };
  io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  return 0;
}
