import type { Bounds, Question, Report } from "@mlops-report/core";

type Verdict = "short" | "within" | "long";

export function verdictOf(count: number, bounds: Bounds): Verdict {
  return count < bounds.min ? "short" : count > bounds.max ? "long" : "within";
}

/** The raw answer text the course checker reads: it stops at the first `###`, then at the first `##`. */
interface CheckerRegion {
  text: string;
  /** Where the checker's region stops short of the answer, when a `###` or `##` inside the answer cuts it. */
  cut: { line: number; heading: boolean; marker: string } | null;
}

const HEADING_LINE = /^[ \t]*(?:(?:[-*+]|\d+[.)]|>)[ \t]+)*#{2,}[ \t]/;

function checkerRegion(report: Report, q: Question): CheckerRegion {
  const { start, end } = q.answer.range;
  const raw = report.source.text.slice(start.offset, end.offset);
  let at = raw.indexOf("###");
  const marker = at === -1 ? "##" : "###";
  if (at === -1) at = raw.indexOf("##");
  if (at === -1) return { text: raw, cut: null };
  const before = raw.slice(0, at);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = raw.indexOf("\n", at);
  const line = raw.slice(lineStart, lineEnd === -1 ? raw.length : lineEnd);
  return {
    text: before,
    cut: { line: start.line + (before.match(/\n/g)?.length ?? 0), heading: HEADING_LINE.test(line), marker },
  };
}

function stopsAt(cut: NonNullable<CheckerRegion["cut"]>): string {
  return `it stops at the ${cut.heading ? "heading" : `\`${cut.marker}\``} on line ${cut.line}`;
}

const URL_TOKEN = /^(?:https?:\/\/|www\.)|\]\(/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Tokens that are markup, not words: bullets, `#`, `|`, `**`; wrappers and code fences have reasons of their own. */
const isSymbol = (t: string) => !HAS_WORD.test(t) && t !== "---" && !/^(?:```|~~~)/.test(t);

/**
 * Why the course checker's word count of an answer differs from a reader's: where its region stops short, or
 * which raw tokens it counts that a reader does not see as words.
 */
export function wordCountDifferences(report: Report, q: Question): string[] {
  const region = checkerRegion(report, q);
  if (region.cut) return [stopsAt(region.cut)];
  const tokens = region.text.split(/\s+/).filter(Boolean);
  const reasons: string[] = [];
  if (q.answer.wrapper === "dashes") reasons.push("it counts the `---` wrappers");
  const symbols = tokens.filter(isSymbol).length;
  if (symbols)
    reasons.push(`it counts ${symbols} list ${symbols === 1 ? "bullet or symbol" : "bullets and symbols"}`);
  const urls = tokens.filter((t) => URL_TOKEN.test(t)).length;
  if (urls) reasons.push(`it counts ${urls} link ${urls === 1 ? "address" : "addresses"}`);
  if (q.answer.code.some((c) => c.fenced)) reasons.push("it counts fenced code");
  return reasons;
}

/** Why the course checker's image count of an answer differs from the images a reader sees. */
export function imageCountDifferences(report: Report, q: Question): string[] {
  const region = checkerRegion(report, q);
  const reasons = region.cut ? [stopsAt(region.cut)] : [];
  const kinds = new Set(q.answer.images.map((im) => im.kind));
  if (kinds.has("in-code")) reasons.push("it counts images written inside code");
  if (kinds.has("html")) reasons.push("it does not count HTML `<img>` tags");
  if (kinds.has("reference")) reasons.push("it does not count reference-style images");
  if (kinds.has("unrendered")) reasons.push("it counts images whose links do not render");
  return reasons;
}

/**
 * The clause an official-count message adds when a reader's count gives another verdict than the checker's:
 * ` (why); a reader sees N`, or nothing when both verdicts agree.
 */
export function readerNote(reader: number, official: number, bounds: Bounds, reasons: string[]): string {
  if (verdictOf(reader, bounds) === verdictOf(official, bounds)) return "";
  return `${reasons.length ? ` (${reasons.join(", ")})` : ""}; a reader sees ${reader}`;
}
