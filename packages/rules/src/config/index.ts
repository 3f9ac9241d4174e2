export { COMPILED_PRESETS_FILE, compiledPresetsText } from "./compiled.js";
export { type ConfigDescription, describeConfig } from "./describe.js";
export { ConfigError, type ConfigProblem, formatConfigProblem } from "./errors.js";
export { type PresetSources, presetFromTemplate } from "./from-template.js";
export { compilePresets, loadConfigFile, loadPreset, withRuleSettings } from "./load.js";
export { CONFIG_FILE_NAME, configCandidates, findConfigFile } from "./lookup.js";
export type { LoadOptions, MergedConfig } from "./merged-config.js";
export {
  CATALOG_PRESET,
  courseYears,
  DETECTED_PRESET,
  PRESET_FOLDER_VARIABLE,
  PRESET_PREFIX,
  presetFolder,
  presetNames,
  presetPath,
  questionCountOf,
  templateYears,
} from "./presets.js";
export {
  lintOptionsFor,
  type ResolvedConfig,
  resolveConfig,
} from "./resolve.js";
export { configSchema } from "./schema.js";
export { yamlDocumentsParsed } from "./yaml-reads.js";
