import type { Field } from "./fields.js";
import type { LoadOptions, MergedConfig } from "./merged-config.js";

/** One config file being merged over what it extends. */
export interface LoadState {
  config: MergedConfig;
  file: string;
  options: LoadOptions;
  /** The files that extend this one, outermost first. */
  chain: readonly string[];
  /** Reads a config this one extends, merged over `base`. */
  extend(base: MergedConfig, path: string): Promise<MergedConfig>;
}

/**
 * A top-level key of a config. `early` keys are read before the others, in that order, whatever the order written:
 * the configs extended (the base), the plugins (whose rules `rules` may set), the year (whose template `template`
 * fills).
 */
export interface ConfigKey extends Field<LoadState, void | Promise<void>> {
  early?: number;
}
