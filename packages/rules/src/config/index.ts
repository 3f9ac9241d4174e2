export { ConfigError, type ConfigProblem, formatConfigProblem } from "./errors.js";
export { type LoadOptions, loadConfigFile, loadPreset, type MergedConfig } from "./load.js";
export { CONFIG_FILE_NAME, configCandidates, findConfigFile } from "./lookup.js";
export { COURSE_YEARS, PRESET_PREFIX, presetNames, presetPath } from "./presets.js";
export {
  CONSISTENCY_META,
  CONSISTENCY_RULE_ID,
  consistencyRule,
  lintOptionsFor,
  questionCountOf,
  type ResolvedConfig,
  resolveConfig,
} from "./resolve.js";
