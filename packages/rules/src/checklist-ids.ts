import { type ChecklistItem, memoizeText, type Report } from "@mlops-report/core";
import { isNativeRegExp } from "./linear-regexp.js";

/** Characters with a meaning of their own in a pattern: a run of plain characters ends at them. */
const SYNTAX = new Set("^$\\.*+?()[]{}|");
/** A quantifier in braces: `{2}`, `{2,}`, `{2,3}`. */
const BRACES = /^\{\d+(?:,\d*)?\}/;
/** What an identity escape (`\.`, `\-`, `\ `) stands for when it is a plain character: ASCII punctuation and space. */
const PLAIN_ESCAPE = /^[ !-/:-@[-`{-~]$/;
/** What an escape that is no plain character (`\x41`, `\u0062`, `\cJ`, `\12`) may take after its letter or digit. */
const ESCAPE_TAIL: Readonly<Record<string, RegExp>> = {
  x: /^[0-9a-fA-F]{0,2}/,
  u: /^(?:\{[0-9a-fA-F]*\}?|[0-9a-fA-F]{0,4})/,
  c: /^[A-Za-z]?/,
  k: /^(?:<[^>]*>?)?/,
};

/**
 * A run of characters every match of `pattern` holds in a row (the longest found, lower-cased when the pattern
 * ignores case), or "" when none is sure. Only for JavaScript's own regexes with no flags but `i`, `m`, `s`: there
 * a case-insensitive ASCII character matches no character but its two ASCII cases (a linear-time regex, like the
 * `u` flag, folds `ſ` to `s` and `K` (U+212A) to `k`), so a text that, lower-cased, lacks the run cannot match,
 * and `test` keeps no state. Conservative: an alternation outside groups gives none; groups, classes, anchors,
 * `.` and escapes other than punctuation end a run, and a quantifier takes back the character it repeats.
 */
export function requiredRun(pattern: RegExp): string {
  if (!isNativeRegExp(pattern) || !/^[ims]*$/.test(pattern.flags)) return "";
  const source = pattern.source;
  let best = "";
  let run = "";
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = "";
  };
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      if (depth === 0 && PLAIN_ESCAPE.test(next)) run += next;
      else {
        endRun();
        const tail = ESCAPE_TAIL[next] ?? (/[0-9]/.test(next) ? /^[0-9]*/ : null);
        if (tail) i += tail.exec(source.slice(i + 1))![0].length;
      }
    } else if (c === "[") {
      endRun();
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") {
      endRun();
      depth++;
    } else if (c === ")") {
      endRun();
      depth--;
    } else if (c === "|" && depth === 0) return "";
    else if (c === "?" || c === "*" || c === "+" || c === "{") {
      run = run.slice(0, -1);
      endRun();
      // `{2,3}` is skipped whole: its digits are no characters of the text.
      if (c === "{") i += (BRACES.exec(source.slice(i))?.[0].length ?? 1) - 1;
    } else if (SYNTAX.has(c) || c.charCodeAt(0) > 0x7f || depth > 0) endRun();
    else run += c;
  }
  endRun();
  return pattern.ignoreCase ? best.toLowerCase() : best;
}

interface IdMatcher {
  id: string;
  match: RegExp;
  /** See `requiredRun`: a text without it is not tested. */
  run: string;
}

const idMatchers = new WeakMap<ReadonlyMap<string, RegExp>, (text: string) => readonly string[]>();

/**
 * The ids whose matcher finds an item's text; item texts are mostly the template's, so each is matched once. A
 * matcher is run only on a text that holds its required run: each item names one or two of some fifty ids, and
 * running every matcher on every item had V8 compile every matcher twice, about 2.4 ms of a one-report run.
 */
export function idsMatching(checklist: ReadonlyMap<string, RegExp>): (text: string) => readonly string[] {
  let ids = idMatchers.get(checklist);
  if (!ids) {
    const matchers: IdMatcher[] = [...checklist].map(([id, match]) => ({
      id,
      match,
      run: requiredRun(match),
    }));
    ids = memoizeText((text) => {
      const lower = text.toLowerCase();
      return matchers
        .filter(({ match, run }) => (match.ignoreCase ? lower : text).includes(run) && match.test(text))
        .map(({ id }) => id);
    });
    idMatchers.set(checklist, ids);
  }
  return ids;
}

/** The checklist item an id names: the first whose text its matcher finds. */
export function itemsById(
  report: Report,
  checklist: ReadonlyMap<string, RegExp>,
): Map<string, ChecklistItem> {
  const ids = idsMatching(checklist);
  const out = new Map<string, ChecklistItem>();
  for (const section of report.checklist.sections)
    for (const item of section.items) for (const id of ids(item.text)) if (!out.has(id)) out.set(id, item);
  return out;
}
