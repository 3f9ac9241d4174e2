import { RE2JS } from "re2js";

/** Makes the regular expression of a config: JavaScript's own, or one that matches in linear time. */
export type RegExpFactory = (pattern: string, flags: string) => RegExp;

export const nativeRegExp: RegExpFactory = (pattern, flags) => new RegExp(pattern, flags);

/** Whether a regex matches with JavaScript's own engine; else it is a linear-time one (an untrusted config's). */
export function isNativeRegExp(re: RegExp): boolean {
  return Object.getPrototypeOf(re) === RegExp.prototype;
}

/** A pattern that cannot be matched in linear time (lookaround, back-references), with RE2's reason. */
export class RegExpNotLinear extends Error {
  /** Where the pattern is, in the expression it came from (set by the expression compiler). */
  span?: { offset: number; length: number };
}

/** RE2's bit for a JavaScript flag; read when a pattern is compiled, so that loading this module loads no RE2. */
const re2Flag = (flag: string): number =>
  ({ i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL })[flag] ?? 0;

/**
 * A RegExp whose matching runs on RE2 (`re2js`), an automaton that takes time linear in the text whatever the
 * pattern: `(a+)+b` against a line of `a`s, which backtracks for hours in JavaScript's engine, takes
 * microseconds. Every method of RegExp (`test`, `match`, `matchAll`, `replace`, `search`) goes through `exec`,
 * which is what is replaced. RE2 has no lookaround and no back-references: such a pattern is refused.
 */
class LinearRegExp extends RegExp {
  private readonly automaton: RE2JS;

  constructor(pattern: string, flags: string) {
    super(pattern, flags);
    let bits = 0;
    for (const flag of flags) bits |= re2Flag(flag);
    try {
      this.automaton = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
    } catch (error) {
      const reason =
        error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
      throw new RegExpNotLinear(reason);
    }
  }

  override exec(input: string): RegExpExecArray | null {
    const advances = this.global || this.sticky;
    const from = advances ? this.lastIndex : 0;
    const matcher = this.automaton.matcher(input);
    if (from > input.length || !matcher.find(from) || (this.sticky && matcher.start() !== from)) {
      if (advances) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    if (advances) this.lastIndex = matcher.end();
    return Object.assign(groups as [string, ...(string | undefined)[]], {
      index: matcher.start(),
      input,
      groups: undefined,
    }) as RegExpExecArray;
  }

  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }
}

/** For configs that are not trusted: linear-time matching, or RegExpNotLinear. */
export const linearRegExp: RegExpFactory = (pattern, flags) => new LinearRegExp(pattern, flags);
