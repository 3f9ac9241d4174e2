function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * `text.slice(start, end)` with both ends moved inward off the middle of a surrogate pair: a cut through an
 * emoji would leave half of it, which JSON and SARIF readers reject.
 */
export function sliceWholeCharacters(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  if (to < text.length && to > from && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return text.slice(from, to);
}
