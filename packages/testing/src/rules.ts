import { type ParseOptions, parse } from "@mlops-report/core";
import {
  applyFixes,
  type Diagnostic,
  defaultOptions,
  type EvidenceStore,
  type LintOptions,
  lintReport,
  type Rule,
  type StoredEvidence,
  templateYears,
} from "@mlops-report/rules";

/** Lints text with one rule at its default level, merged with the given options. */
export function lintWith(
  rule: Rule,
  text: string,
  options: Record<string, unknown> = {},
  parseOptions: ParseOptions = {},
  lintOptions: Omit<LintOptions, "rules"> = {},
): Diagnostic[] {
  const report = parse(text, { years: templateYears(), ...parseOptions });
  const level = rule.meta.defaultSeverity;
  return lintReport(report, {
    ...lintOptions,
    rules: [{ rule, level, options: { ...defaultOptions(rule), ...options } }],
  }).diagnostics;
}

/** 1-based line and column where `needle` first occurs in `text` (after `after`, when given). */
export function positionOf(text: string, needle: string, after = ""): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`fixture lacks ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Applies one rule's fixes to text, as `--fix` does in one pass: the fixed text, how many findings the fixes
 * resolved, and the rule's findings on the fixed text.
 */
export function fixWith(
  rule: Rule,
  text: string,
  parseOptions: ParseOptions = {},
): { output: string; fixed: number; remaining: Diagnostic[] } {
  const { output, fixed } = applyFixes(text, lintWith(rule, text, {}, parseOptions));
  return { output, fixed: fixed.length, remaining: lintWith(rule, output, {}, parseOptions) };
}

/** A Map-backed evidence store that counts what a lint asked of it since the last `take()`. */
export class CountingStore implements EvidenceStore {
  readonly entries = new Map<string, StoredEvidence>();
  private counts = { gets: 0, misses: 0, sets: 0 };

  get(key: string): StoredEvidence | undefined {
    const value = this.entries.get(key);
    this.counts.gets++;
    if (value === undefined) this.counts.misses++;
    return value;
  }

  set(key: string, value: StoredEvidence): void {
    this.counts.sets++;
    this.entries.set(key, value);
  }

  /** Look-ups, look-ups that found nothing, and additions since the last call. */
  take(): { gets: number; misses: number; sets: number } {
    const counts = this.counts;
    this.counts = { gets: 0, misses: 0, sets: 0 };
    return counts;
  }
}
