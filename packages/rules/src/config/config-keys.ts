import { isScalar } from "yaml";
import type { RuleLevel } from "../types.js";
import { CHECKLIST } from "./checklist.js";
import { EXTENDS } from "./extends.js";
import { type Field, field, type Mapping, mappingSchema, readFields } from "./fields.js";
import type { ConfigKey, LoadState } from "./load-state.js";
import type { MergedConfig } from "./merged-config.js";
import { PLUGINS } from "./plugins.js";
import { courseYears, PRESET_FOLDER_VARIABLE } from "./presets.js";
import { QUESTIONS } from "./questions.js";
import { RULES } from "./rule-settings.js";
import { choice, level, type Shape } from "./shapes.js";
import { TEMPLATE } from "./template.js";
import { TERMS } from "./terms.js";

const years = choice(courseYears);

/** A course year with a preset; a year without one is told how to add it rather than offered a near year. */
const courseYear: Shape<number> = {
  read(r, node, what) {
    const value = isScalar(node) ? node.value : undefined;
    const known = courseYears();
    if (typeof value === "number" && Number.isInteger(value) && value > 999 && !known.includes(value)) {
      r.fail(
        node,
        `year ${value} has no preset (years with one: ${known.join(", ")}): add ${value}.yaml to a copy of the preset folder and name that folder with ${PRESET_FOLDER_VARIABLE} (docs/new-course-year.md); or leave \`year\` out and extend a year that has one`,
      );
      return undefined;
    }
    return years.read(r, node, what);
  },
  schema: years.schema,
};

/** As ESLint's: a severity, or true (a warning) and false (off). */
const levelOrSwitch: Shape<RuleLevel> = {
  read(r, node, what) {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === "boolean") return value ? "warning" : "off";
    return level.read(r, node, what);
  },
  schema: (ctx) => ({ oneOf: [level.schema(ctx), { type: "boolean" }] }),
};

/** A key whose value is read into a part of the merged config. */
function into<T>(part: (config: MergedConfig) => T, key: Field<T>): ConfigKey {
  return { ...key, read: (r, node, state, what) => key.read(r, node, part(state.config), what) };
}

/** A key of the merged config that the later config replaces. */
function replacing<K extends keyof MergedConfig>(
  name: K,
  shape: Shape<MergedConfig[K]>,
  description: string,
): ConfigKey {
  return field(
    shape,
    (state: LoadState, value) => {
      state.config[name] = value;
    },
    description,
  );
}

/**
 * Every top-level key of a config, declared once (docs/config.md): the loader reads each as its declaration
 * says, and the JSON Schema for editors is written from the same declarations (schema.ts).
 */
export const CONFIG_KEYS: Mapping<LoadState, ConfigKey> = {
  whatOf: (key) => key,
  fields: {
    extends: EXTENDS,
    year: {
      early: 3,
      description: "The course year this config describes.",
      schema: courseYear.schema,
      read(r, node, state, what) {
        const year = courseYear.read(r, node, what);
        if (year === undefined) return;
        state.config.year = year;
        // A year's fingerprints tell its own template: they are not inherited.
        state.config.template = { ...state.config.template, fingerprints: [] };
      },
    },
    template: {
      description: "A year preset's template: its question count, checker skip and fingerprints.",
      schema: (ctx) => mappingSchema(TEMPLATE, ctx),
      read: (r, node, state, what) => readFields(r, node, TEMPLATE, state.config.template, what),
    },
    constraints: replacing(
      "constraints",
      choice(() => ["config", "from-template"] as const),
      "config: the questions table below; from-template: each question's own prompt.",
    ),
    questions: into((config) => config.questions, QUESTIONS),
    terms: into((config) => config.terms, TERMS),
    checklist: into((config) => config.checklist, CHECKLIST),
    rules: into((config) => config, RULES),
    reportUnusedDisableDirectives: replacing(
      "reportUnusedDisableDirectives",
      levelOrSwitch,
      "Report a disable comment that disables no finding: a severity, true (warning) or false (off; the default).",
    ),
    plugins: PLUGINS,
  },
};
