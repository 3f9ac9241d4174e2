import type { Diagnostic, Fix } from "../types.js";

export interface FixOutcome {
  /** The text with the fixes applied. */
  output: string;
  /** The diagnostics whose fixes were applied, in source order. */
  fixed: Diagnostic[];
}

/**
 * Applies the diagnostics' fixes to the text they were found in, in source order. A fix that overlaps one
 * already taken waits (linting the output again offers it anew); the same edit offered twice, as two images
 * in one code span do, is made once.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const offered = diagnostics
    .filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined)
    .sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const parts: string[] = [];
  const fixed: Diagnostic[] = [];
  let last: Fix | null = null;
  let cursor = 0;
  for (const d of offered) {
    const { fix } = d;
    if (last && fix.start === last.start && fix.end === last.end && fix.text === last.text) {
      fixed.push(d);
      continue;
    }
    if (fix.start < cursor || fix.end < fix.start || fix.end > text.length) continue;
    parts.push(text.slice(cursor, fix.start), fix.text);
    cursor = fix.end;
    last = fix;
    fixed.push(d);
  }
  parts.push(text.slice(cursor));
  return { output: parts.join(""), fixed };
}
