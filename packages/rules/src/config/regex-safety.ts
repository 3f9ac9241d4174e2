import { linearRegExp, nativeRegExp, type RegExpFactory, RegExpNotLinear } from "../linear-regexp.js";
import { presetNames, presetPath } from "./preset-folder.js";

/**
 * The regexes of a config found in a linted repository match in linear time (RE2): a group's catastrophic
 * pattern, such as `^\W*(a+)+$`, cannot stall a class run. RE2 was chosen over refusing patterns that look
 * dangerous: no check of a pattern's shape catches every backtracking blow-up, while an automaton bounds the
 * work of every match. A pattern that needs backtracking (lookaround, back-references) is refused instead of
 * run. Presets, and configs the user vouched for (`--config`, `--allow-plugins`), use JavaScript's own regexes.
 */
export function regExpFor(file: string, trusted: boolean): RegExpFactory {
  return trusted || presetNames().some((name) => presetPath(name) === file) ? nativeRegExp : linearRegExp;
}

/** Why a config's pattern (`what`: where it is written, such as `checklist id dvc`) was refused. */
export function regexProblem(what: string, error: unknown): string {
  if (error instanceof RegExpNotLinear)
    return `${what}: this regular expression cannot be matched in linear time (${error.message}): a config found in a linted repository may not use lookaround or back-references`;
  return `${what}: invalid regular expression (${(error as Error).message})`;
}
