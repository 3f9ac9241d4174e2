import type { Node, Pair, Scalar } from "yaml";
import { closestMatch } from "../dsl/index.js";
import { keyName, type Reader } from "./reader.js";
import type { Json, SchemaContext, Shape } from "./shapes.js";

/**
 * One key of a config mapping, declared once: how its value reads (its shape), how it merges into what earlier
 * configs said (`extends`), and its description. The loader reads it; the JSON Schema is written from it.
 */
export interface Field<Into, Done = void> {
  description?: string;
  /** The schema requires it; the mapping's loader check says what is missing in its own words. */
  required?: boolean;
  schema(ctx: SchemaContext): Json;
  read(r: Reader, node: Node | null | undefined, into: Into, what: string): Done;
}

/** A key whose value, once read, merges into the config as `merge` says. */
export function field<Into, T>(
  shape: Shape<T>,
  merge: (into: Into, value: T) => void,
  description?: string,
): Field<Into> {
  return {
    ...(description ? { description } : {}),
    schema: shape.schema,
    read(r, node, into, what) {
      const value = shape.read(r, node, what);
      if (value !== undefined) merge(into, value);
    },
  };
}

/** The merge of most keys: the later config's value replaces the earlier one. */
export function replaces<Into>() {
  return <K extends keyof Into>(key: K) =>
    (into: Into, value: Exclude<Into[K], undefined>): void => {
      into[key] = value;
    };
}

/** The keys of one kind of mapping, and how its messages name the mapping and its values. */
export interface Mapping<Into, F extends Field<Into, unknown> = Field<Into>> {
  /** Names the mapping in `unknown key` messages, such as `a check`; none for the config itself. */
  noun?: string;
  /** Names a key's value in its messages, such as `checklist id dvc match` (`what`: the mapping's name). */
  whatOf(key: string, what: string): string;
  fields: Readonly<Record<string, F>>;
}

/** The declaration of a key of the mapping, or a problem at the key, with the nearest known key offered. */
export function fieldOf<Into, F extends Field<Into, unknown>>(
  r: Reader,
  pair: Pair<Scalar, Node>,
  mapping: Mapping<Into, F>,
): F | undefined {
  const key = keyName(pair);
  if (Object.hasOwn(mapping.fields, key)) return mapping.fields[key];
  unknownKey(r, pair, mapping.noun, Object.keys(mapping.fields));
  return undefined;
}

/** A problem at a key the mapping (`noun`, such as `a check`) does not have, with the nearest known key offered. */
export function unknownKey(
  r: Reader,
  pair: Pair<Scalar, Node>,
  noun: string | undefined,
  known: string[],
): void {
  const key = keyName(pair);
  r.fail(pair.key, `unknown key \`${key}\`${noun ? ` for ${noun}` : ""}`, closestMatch(key, known));
}

/**
 * Reads each key of a mapping node into `into`, in the order written. `what` names the mapping in the keys'
 * messages, `whole` in the message that it is no mapping.
 */
export function readFields<Into>(
  r: Reader,
  node: Node | null | undefined,
  mapping: Mapping<Into>,
  into: Into,
  what: string,
  whole = what,
): void {
  for (const pair of r.pairs(node, whole))
    fieldOf(r, pair, mapping)?.read(r, pair.value, into, mapping.whatOf(keyName(pair), what));
}

/** A field's schema with its description. */
export function fieldSchema(f: Field<unknown, unknown>, ctx: SchemaContext): Json {
  return { ...(f.description ? { description: f.description } : {}), ...f.schema(ctx) };
}

/** The schema of a mapping: its keys and no others. */
export function mappingSchema<Into, F extends Field<Into, unknown>>(
  mapping: Mapping<Into, F>,
  ctx: SchemaContext,
): Json {
  const entries = Object.entries(mapping.fields);
  const required = entries.filter(([, f]) => f.required).map(([key]) => key);
  return {
    type: "object",
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(entries.map(([key, f]) => [key, fieldSchema(f, ctx)])),
  };
}
