import type { LintSettings } from "@mlops-report/engine";

/** The settings of a plain lint in `cwd` (no plugins, cache, fixes or memory), with `overrides` on top. */
export function lintSettings(cwd: string, overrides: Partial<LintSettings> = {}): LintSettings {
  return {
    cwd,
    choice: { allowPlugins: false },
    inlineConfig: true,
    detail: "full",
    cacheFile: null,
    fix: false,
    timeLimitSeconds: 600,
    ...overrides,
  };
}
