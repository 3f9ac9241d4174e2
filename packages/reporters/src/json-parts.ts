import { stringifyWellFormed } from "./escape.js";

/**
 * Pretty-printed JSON written in parts, each value where it stands in the document: together the parts are the
 * text `stringifyWellFormed` gives the whole document, which therefore never has to be in memory at once.
 */
export type JsonParts = Iterable<string>;

const indent = (depth: number) => "  ".repeat(depth);

/**
 * A value `depth` levels deep. JSON escapes line breaks inside strings, so every line break of the text is
 * between tokens and takes the indentation of the depth.
 */
export function* jsonValue(value: unknown, depth: number): Generator<string> {
  yield stringifyWellFormed(value).replaceAll("\n", `\n${indent(depth)}`);
}

/** An object `depth` levels deep whose members' values come in parts, made at `depth + 1`. */
export function* jsonObject(
  members: Iterable<readonly [string, JsonParts]>,
  depth: number,
): Generator<string> {
  let count = 0;
  for (const [key, value] of members) {
    yield `${count++ === 0 ? "{" : ","}\n${indent(depth + 1)}${JSON.stringify(key)}: `;
    yield* value;
  }
  yield count === 0 ? "{}" : `\n${indent(depth)}}`;
}

/** An array `depth` levels deep whose elements come in parts, made at `depth + 1`. */
export function* jsonArray(elements: Iterable<JsonParts>, depth: number): Generator<string> {
  let count = 0;
  for (const element of elements) {
    yield `${count++ === 0 ? "[" : ","}\n${indent(depth + 1)}`;
    yield* element;
  }
  yield count === 0 ? "[]" : `\n${indent(depth)}]`;
}
