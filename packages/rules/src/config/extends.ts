import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { findRepositoryRoot, nodeFileProbe } from "@mlops-report/core";
import { closestMatch } from "../dsl/index.js";
import { compiledPreset, mergedFromJson } from "./compiled.js";
import { extendsNameProblem, extendsTargetProblem } from "./extends-policy.js";
import type { ConfigKey, LoadState } from "./load-state.js";
import type { LoadOptions } from "./merged-config.js";
import { courseYears, DETECTED_PRESET, PRESET_PREFIX, presetNames, presetPath } from "./presets.js";
import type { Reader } from "./reader.js";
import { annotated, type Located, oneOrMany, text } from "./shapes.js";

type Target = Located<string>;

/** Every preset as `extends` names it. */
function presetChoices(): string[] {
  return [...presetNames().map((n) => `${PRESET_PREFIX}${n}`), DETECTED_PRESET];
}

/** `mlops-report:detected` as the report's year preset; a problem where no report's year is known. */
function detectedTarget(r: Reader, target: Target, options: LoadOptions): Target | null {
  if (options.detected !== undefined)
    return { value: `${PRESET_PREFIX}${options.detected}`, node: target.node };
  r.fail(
    target.node,
    `\`${DETECTED_PRESET}\` stands for the year preset of each linted report: extend a year here, such as \`${PRESET_PREFIX}${courseYears().at(-1) ?? "base"}\``,
  );
  return null;
}

/** The file a target names: a preset's, or a path from the config's folder. */
function targetPath(r: Reader, target: Target, dir: string): string | null {
  const name = target.value;
  if (name.startsWith(PRESET_PREFIX)) {
    const preset = name.slice(PRESET_PREFIX.length);
    if (!presetNames().includes(preset)) {
      const names = presetChoices();
      r.fail(
        target.node,
        `unknown preset \`${name}\` (presets: ${names.join(", ")})`,
        closestMatch(name, names),
      );
      return null;
    }
    return presetPath(preset);
  }
  const path = isAbsolute(name) ? name : resolve(dir, name);
  if (!existsSync(path)) {
    r.fail(target.node, `extends \`${name}\`, which does not exist (looked at ${path})`);
    return null;
  }
  return path;
}

/** The file to read for a target, or null after a problem: refused, missing, outside, or a circle. */
function readablePath(
  r: Reader,
  target: Target,
  state: LoadState,
  from: { repositoryRoot: string; trusted: boolean },
) {
  const refused = extendsNameProblem(target.value);
  if (refused) {
    r.fail(target.node, refused);
    return null;
  }
  const path = targetPath(r, target, dirname(state.file));
  if (path === null) return null;
  const outside = target.value.startsWith(PRESET_PREFIX)
    ? null
    : extendsTargetProblem(target.value, path, from);
  if (outside) {
    r.fail(target.node, outside);
    return null;
  }
  if (state.chain.includes(path) || path === state.file) {
    r.fail(target.node, `extends ${target.value} again: configs extend each other in a circle`);
    return null;
  }
  return path;
}

const targets = oneOrMany(annotated(text, () => ({ examples: presetChoices() })));

/** The configs this one is written over, base first; later ones win. */
export const EXTENDS: ConfigKey = {
  early: 1,
  schema: (ctx) => ({
    description: `Presets (${presetChoices().join(", ")}; \`${DETECTED_PRESET}\`: the year preset each report's template is detected as) or config paths; later wins.`,
    ...targets.schema(ctx),
  }),
  async read(r, node, state, what) {
    const from = {
      repositoryRoot: findRepositoryRoot(state.chain[0] ?? state.file, nodeFileProbe()),
      trusted: state.options.allowPlugins,
    };
    for (const written of targets.read(r, node, what) ?? []) {
      const target = written.value === DETECTED_PRESET ? detectedTarget(r, written, state.options) : written;
      const path = target && readablePath(r, target, state, from);
      if (!target || !path) continue;
      const compiled = target.value.startsWith(PRESET_PREFIX)
        ? compiledPreset(target.value.slice(PRESET_PREFIX.length))
        : undefined;
      // A built-in preset extended first is taken as the build compiled it.
      state.config =
        compiled && state.config.files.length === 0
          ? mergedFromJson(compiled)
          : await state.extend(state.config, path);
    }
  },
};
