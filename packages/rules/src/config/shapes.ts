import type { Bounds } from "@mlops-report/core";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { Rule } from "../define-rule.js";
import { closestMatch } from "../dsl/index.js";
import type { Reader } from "./reader.js";
import { regexProblem } from "./regex-safety.js";

export type Json = Record<string, unknown>;

/** What the JSON Schema of a config is made from besides the presets' names: the catalog's ids, the rules. */
export interface SchemaContext {
  catalogIds: readonly string[];
  rules: readonly Rule[];
  /** Shapes written once under `definitions` and referred to by name. */
  definitions: Record<string, Json>;
}

/**
 * A kind of value a config key takes, declared once: how the loader reads it from its YAML node (a problem at
 * that node when it is wrong; `what` names the value in the message), and what the editors' JSON Schema says of it.
 */
export interface Shape<T> {
  read(r: Reader, node: Node | null | undefined, what: string): T | undefined;
  schema(ctx: SchemaContext): Json;
}

/** A value with the node it was written at. */
export interface Located<T> {
  value: T;
  node: Node;
}

export const text: Shape<string> = {
  read(r, node, what) {
    if (isScalar(node) && typeof node.value === "string") return node.value;
    r.fail(node, `${what} must be a string`);
    return undefined;
  },
  schema: () => ({ type: "string" }),
};

export const flag: Shape<boolean> = {
  read(r, node, what) {
    if (isScalar(node) && typeof node.value === "boolean") return node.value;
    r.fail(node, `${what} must be true or false`);
    return undefined;
  },
  schema: () => ({ type: "boolean" }),
};

export function wholeNumber(min: number): Shape<number> {
  return {
    read(r, node, what) {
      if (
        isScalar(node) &&
        typeof node.value === "number" &&
        Number.isInteger(node.value) &&
        node.value >= min
      )
        return node.value;
      r.fail(node, `${what} must be a whole number of at least ${min}`);
      return undefined;
    },
    schema: () => ({ type: "integer", minimum: min }),
  };
}

/** One of a few values; a near miss is offered as the fix. */
export function choice<T extends string | number>(values: () => readonly T[]): Shape<T> {
  return {
    read(r, node, what) {
      const allowed = values();
      const value = isScalar(node) ? node.value : undefined;
      if ((allowed as readonly unknown[]).includes(value)) return value as T;
      const shown = isScalar(node) ? String(node.value) : "this";
      const names = allowed.map(String);
      // `warn` is closer to `warning` as a prefix than by edit distance.
      const suggestion =
        closestMatch(shown, names) ?? names.find((n) => shown.length >= 3 && n.startsWith(shown));
      r.fail(node, `${what} must be one of ${names.join(", ")}, not ${shown}`, suggestion);
      return undefined;
    },
    schema: () => ({ enum: [...values()] }),
  };
}

/** A regular expression written as a YAML string, matched case-insensitively. */
export const pattern: Shape<RegExp> = {
  read(r, node, what) {
    const source = text.read(r, node, what);
    if (source === undefined) return undefined;
    try {
      return r.regExp(source, "i");
    } catch (error) {
      r.fail(node, regexProblem(what, error));
      return undefined;
    }
  },
  schema: text.schema,
};

const RANGE_TEXT = /^\s*(\d+)\s*(?:-|\.\.)\s*(\d+)\s*$/;

/** `200-300`, `1`, or `{ min: 200, max: 300 }`. */
export const range: Shape<Bounds> = {
  read(r, node, what) {
    if (isScalar(node) && typeof node.value === "number" && Number.isInteger(node.value) && node.value >= 0) {
      return { min: node.value, max: node.value };
    }
    if (isScalar(node) && typeof node.value === "string") {
      const m = RANGE_TEXT.exec(node.value);
      if (m && Number(m[1]) <= Number(m[2])) return { min: Number(m[1]), max: Number(m[2]) };
    }
    if (isMap(node)) {
      const min = node.get("min");
      const max = node.get("max");
      if (typeof min === "number" && typeof max === "number" && min <= max && node.items.length === 2)
        return { min, max };
    }
    r.fail(node, `${what} must be a range such as 100-200, a single number, or { min, max }`);
    return undefined;
  },
  schema: () => ({
    oneOf: [
      { type: "string", pattern: "^\\s*\\d+\\s*(-|\\.\\.)\\s*\\d+\\s*$" },
      { type: "integer", minimum: 0 },
      {
        type: "object",
        required: ["min", "max"],
        additionalProperties: false,
        properties: { min: { type: "integer", minimum: 0 }, max: { type: "integer", minimum: 0 } },
      },
    ],
  }),
};

/** A list; `mustBe` says what it is when the node is no list, such as `a list`. */
export function listOf<T>(item: Shape<T>, mustBe: string): Shape<T[]> {
  return {
    read(r, node, what) {
      if (!isSeq(node)) {
        r.fail(node, `${what} must be ${mustBe}`);
        return undefined;
      }
      return (node.items as Node[]).flatMap((n) => {
        const value = item.read(r, n, what);
        return value === undefined ? [] : [value];
      });
    },
    schema: (ctx) => ({ type: "array", items: item.schema(ctx) }),
  };
}

/** One value or a list of them, each with its node. */
export function oneOrMany<T>(item: Shape<T>): Shape<Located<T>[]> {
  return {
    read(r, node, what) {
      const items = isSeq(node) ? (node.items as Node[]) : [node];
      return items.flatMap((n) => {
        const value = item.read(r, n, what);
        return value !== undefined && n ? [{ value, node: n }] : [];
      });
    },
    schema: (ctx) => ({ oneOf: [item.schema(ctx), { type: "array", items: item.schema(ctx) }] }),
  };
}

/** The same shape with more said of it in the schema: a description, examples. */
export function annotated<T>(shape: Shape<T>, more: (ctx: SchemaContext) => Json): Shape<T> {
  return { read: shape.read, schema: (ctx) => ({ ...more(ctx), ...shape.schema(ctx) }) };
}

/** A schema written once under `definitions/<name>`, and referred to wherever it is used. */
export function definition(name: string, schema: (ctx: SchemaContext) => Json): (ctx: SchemaContext) => Json {
  return (ctx) => {
    ctx.definitions[name] ??= schema(ctx);
    return { $ref: `#/definitions/${name}` };
  };
}

/** A shape whose schema is a definition of that name. */
export function named<T>(name: string, shape: Shape<T>): Shape<T> {
  return { read: shape.read, schema: definition(name, shape.schema) };
}

const SEVERITIES = ["error", "warning", "info"] as const;
const LEVELS = [...SEVERITIES, "off"] as const;

export const severity = choice(() => SEVERITIES);
export const level = named(
  "level",
  choice(() => LEVELS),
);

/** `off`, in the schema. */
export const OFF = { const: "off" };

/** Whether a node is the word `off`, which turns a checklist id, a check or a consistency rule off. */
export function isOff(node: Node | null | undefined): boolean {
  return isScalar(node) && node.value === "off";
}

/** Lower-case words joined by hyphens: checklist ids and term names. */
export const ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
export const ID = new RegExp(ID_PATTERN);
/** Question numbers as mapping keys. */
export const QUESTION_KEY_PATTERN = "^[1-9][0-9]?$";
