import type { Point, Range, Report } from "@mlops-report/core";

/** The point `offset` stands at, counted on from `from` (line breaks as the report's line index counts them). */
export function pointAfter(text: string, from: Point, offset: number): Point {
  let { line, column } = from;
  for (let i = from.offset; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset };
}

export interface SourceMatch {
  /** The matched text as written in the source. */
  text: string;
  range: Range;
}

/**
 * Every match of `pattern` (which must have the `g` flag) in the source text of `range`, where it stands.
 * Rules search the source rather than the rendered text so that findings point at what the author wrote.
 */
export function* matchesIn(report: Report, range: Range, pattern: RegExp): Generator<SourceMatch> {
  const text = report.source.text;
  const slice = text.slice(range.start.offset, range.end.offset);
  let last = range.start;
  for (const m of slice.matchAll(pattern)) {
    const start = pointAfter(text, last, range.start.offset + m.index);
    const end = pointAfter(text, start, start.offset + m[0].length);
    last = end;
    yield { text: m[0], range: { start, end } };
  }
}
