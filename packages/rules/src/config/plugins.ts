import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Rule } from "../define-rule.js";
import type { ConfigKey } from "./load-state.js";
import type { Reader } from "./reader.js";
import { type Located, oneOrMany, text } from "./shapes.js";

function isRule(value: unknown): value is Rule {
  const v = value as Partial<Rule> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.check === "function" &&
    typeof v.meta?.id === "string" &&
    typeof v.options === "object"
  );
}

/** The rules a plugin module exports, or a problem at its name. */
async function pluginRules(r: Reader, { value: spec, node }: Located<string>, dir: string): Promise<Rule[]> {
  try {
    const mod = (await import(pathToFileURL(resolve(dir, spec)).href)) as {
      default?: unknown;
      rules?: unknown;
    };
    const exported = mod.rules ?? mod.default;
    const list: unknown[] = Array.isArray(exported) ? exported : [exported];
    const rules: Rule[] = [];
    for (const rule of list) {
      if (!isRule(rule)) {
        r.fail(
          node,
          `plugin \`${spec}\` must export \`rules\` (or a default export): rules made with defineRule`,
        );
        break;
      }
      rules.push(rule);
    }
    return rules;
  } catch (error) {
    r.fail(node, `plugin \`${spec}\` could not be loaded (${(error as Error).message.split("\n")[0]})`);
    return [];
  }
}

const specs = oneOrMany(text);

/** Modules of rules, added to those of the configs extended; they run code, so only a config vouched for loads them. */
export const PLUGINS: ConfigKey = {
  early: 2,
  description:
    "JS modules exporting rules made with defineRule; loaded only from --config or with --allow-plugins.",
  schema: specs.schema,
  async read(r, node, state) {
    for (const plugin of specs.read(r, node, "a plugin") ?? []) {
      if (!state.options.allowPlugins) {
        r.fail(
          plugin.node,
          `plugin \`${plugin.value}\` not loaded: plugins run code, so they load only from a config given with --config, or with --allow-plugins`,
        );
        continue;
      }
      state.config.plugins = [
        ...state.config.plugins,
        ...(await pluginRules(r, plugin, dirname(state.file))),
      ];
    }
  },
};
