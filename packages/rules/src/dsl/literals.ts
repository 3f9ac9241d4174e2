import type { DslError } from "./types.js";

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", "\\": "\\", n: "\n", t: "\t" };

export const ALLOWED_REGEX_FLAGS = "imsu";

export interface DecodedString {
  value: string;
  /** Escapes that mean nothing, by index into the raw token; they are kept as written in `value`. */
  badEscapes: { index: number; text: string }[];
}

/** Resolves the escapes of a quoted string token (quotes included in `raw`). */
export function decodeString(raw: string): DecodedString {
  let value = "";
  const badEscapes: DecodedString["badEscapes"] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const char = raw[i]!;
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = raw[i + 1] ?? "";
    const resolved = ESCAPES[next];
    if (resolved === undefined) {
      badEscapes.push({ index: i, text: `\\${next}` });
      value += `\\${next}`;
    } else {
      value += resolved;
    }
    i++;
  }
  return { value, badEscapes };
}

export function stringProblems(raw: string, offset: number): DslError[] {
  return decodeString(raw).badEscapes.map(({ index, text }) => ({
    message: `Unknown escape \`${text}\` in a string; the escapes are \\", \\', \\\\, \\n and \\t (write a regex such as /\\d+/ for a pattern)`,
    offset: offset + index,
    length: text.length,
  }));
}

/** Splits a regex token `/pattern/flags` into its parts. */
export function splitRegex(raw: string): { pattern: string; flags: string; flagsIndex: number } {
  const close = raw.lastIndexOf("/");
  return { pattern: raw.slice(1, close), flags: raw.slice(close + 1), flagsIndex: close + 1 };
}

export function regexProblems(raw: string, offset: number): DslError[] {
  const { pattern, flags, flagsIndex } = splitRegex(raw);
  const errors: DslError[] = [];
  if (pattern === "") {
    errors.push({ message: "A regex cannot be empty", offset, length: raw.length });
  }
  const seen = new Set<string>();
  [...flags].forEach((flag, i) => {
    const at = { offset: offset + flagsIndex + i, length: 1 };
    if (!ALLOWED_REGEX_FLAGS.includes(flag)) {
      errors.push({ message: `Unknown regex flag \`${flag}\`; the flags are i, m, s and u`, ...at });
    } else if (seen.has(flag)) {
      errors.push({ message: `The regex flag \`${flag}\` is given twice`, ...at });
    }
    seen.add(flag);
  });
  if (errors.length === 0) {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      // V8 says "Invalid regular expression: /x/u: <reason>"; the reason is the useful part.
      const text = error instanceof Error ? error.message : String(error);
      const reason = text.slice(text.lastIndexOf(": ") + 2);
      errors.push({ message: `This regex is not valid: ${reason}`, offset, length: raw.length });
    }
  }
  return errors;
}
