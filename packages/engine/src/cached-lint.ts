import type { LintResult, RuleMeta } from "@mlops-report/rules";
import type { LintCache } from "./cache.js";
import { contentHash, entryKey } from "./cache-key.js";
import type { LintOutcome, LintSettings, LintTask } from "./lint-one.js";

/** The settings besides the text and its config that change a result. */
function keyOptionsOf(settings: LintSettings) {
  return {
    inlineConfig: settings.inlineConfig,
    allowPlugins: settings.choice.allowPlugins,
    rules: settings.choice.rules ?? [],
    unusedDirectives: settings.reportUnusedDisableDirectives ?? null,
  };
}

/**
 * The cache's result for a report whose file holds `text`, while every file it looked at is as it was. With
 * fixing on, a result with fixes to make does not count: fixing needs the rounds of fix and lint.
 */
export function cachedResult(
  cache: LintCache,
  task: LintTask,
  text: string,
  settings: LintSettings,
): { result: LintResult; pluginRules: RuleMeta[] } | null {
  const key = entryKey({ contentHash: contentHash(text), config: task.config, ...keyOptionsOf(settings) });
  const hit = cache.lookup(task.path, key, settings.detail, task.shown);
  if (!hit || (settings.fix && hit.result.diagnostics.some((d) => d.fix !== undefined))) return null;
  return hit;
}

/**
 * Keeps a new result in the cache, with what it depends on. The result of fixed text is kept only when the
 * fixes were `written`: otherwise the file still holds the text before them.
 */
export function storeResult(
  cache: LintCache,
  task: LintTask,
  outcome: LintOutcome,
  settings: LintSettings,
  written: boolean,
): void {
  if (!outcome.ok || outcome.contentHash === null || (outcome.fixed && !written)) return;
  cache.store(task.path, {
    key: entryKey({ contentHash: outcome.contentHash, config: task.config, ...keyOptionsOf(settings) }),
    detail: settings.detail,
    files: outcome.files,
    configFiles: outcome.configFiles,
    pluginRules: outcome.pluginRules,
    result: outcome.result,
  });
}
