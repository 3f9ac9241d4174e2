/*
 * Checks of the shape of values read back from a file (the lint cache's JSON, a report's memory in V8's format),
 * before anything uses them: a value of the wrong shape would crash every later run that reads it, or change its
 * findings. Every check returns a boolean and never throws; arrays are checked index by index, so that a hole in a
 * sparse array (which `every` and `for…of` skip or pass over without a word, and whose length may be four billion)
 * fails at the first one, after no more steps than the file has elements.
 */

export type Check = (value: unknown) => boolean;

export const isString: Check = (v) => typeof v === "string";
export const isNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
export const isBoolean: Check = (v) => typeof v === "boolean";
/** A whole number of at least `min`. */
export const integerFrom =
  (min: number): Check =>
  (v) =>
    typeof v === "number" && Number.isSafeInteger(v) && v >= min;

export const oneOf =
  (...values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);

export const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);

/** An array without holes whose every element passes `check`. */
export const arrayOf =
  (check: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!(i in v) || !check(v[i])) return false;
    return true;
  };

/** A two-element array (a Map's entry written out) whose elements pass the two checks. */
export const pairOf =
  (first: Check, second: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length === 2 && 0 in v && 1 in v && first(v[0]) && second(v[1]);

/** A Map whose keys and values pass the checks. */
export const mapOf =
  (key: Check, value: Check): Check =>
  (v) => {
    if (!(v instanceof Map)) return false;
    for (const [k, entry] of v) if (!key(k) || !value(entry)) return false;
    return true;
  };

/** A plain object (not an array) whose own values all pass `check`: a map with string keys, as JSON has it. */
export const recordOf =
  (check: Check): Check =>
  (v) =>
    typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every(check);

/** An object with these fields (`?` after a name: optional); other fields are allowed and ignored. */
export function shape(fields: Record<string, Check>): Check {
  const entries = Object.entries(fields).map(([name, check]) => {
    const optional = name.endsWith("?");
    return [optional ? name.slice(0, -1) : name, check, optional] as const;
  });
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const object = v as Record<string, unknown>;
    return entries.every(([name, check, optional]) =>
      optional && object[name] === undefined ? true : check(object[name]),
    );
  };
}
