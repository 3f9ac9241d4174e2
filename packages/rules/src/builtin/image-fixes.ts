import { decodeUrlPath, type Image } from "@mlops-report/core";

/**
 * Where an image's URL is written in the source, as offsets, or null when it is not written there verbatim
 * (a reference image's URL sits in its definition; escapes or entities make the written form differ).
 */
export function urlRange(text: string, image: Image): { start: number; end: number } | null {
  if (image.url === "" || image.syntax === "reference") return null;
  const start = image.range.start.offset;
  const written = text.slice(start, image.range.end.offset);
  const from = image.syntax === "html" ? written.search(/\bsrc\s*=/i) : written.lastIndexOf("](");
  if (from < 0) return null;
  const at = written.indexOf(image.url, from);
  return at < 0 ? null : { start: start + at, end: start + at + image.url.length };
}

/**
 * True when `![alt](url)` is sure to render as one image: no brackets or backslashes in the alt text, and a URL
 * without whitespace, angle brackets, parentheses, quotes or table pipes.
 */
export function rendersAsImage(alt: string, url: string): boolean {
  return !/[[\]\\]/.test(alt) && url !== "" && !/[\s<>()"'\\|]/.test(url);
}

/** One code point of a URL, or a run of %-escapes (several make one character in UTF-8). */
const URL_TOKEN = /(?:%[0-9A-Fa-f]{2})+|[\s\S]/gu;

/**
 * A URL path segment renamed to `target`, a name that differs from the segment's decoded form only in letter
 * case, written the way the segment was: escapes stay escapes, plain letters take the target's case. Null
 * when the two names are not case variants of one another.
 */
function renameSegment(raw: string, target: string): string | null {
  let out = "";
  let cursor = 0;
  for (const [token] of raw.matchAll(URL_TOKEN)) {
    const escaped = token.length > 1 && token.startsWith("%");
    const decoded = escaped ? decodeUrlPath(token) : token;
    const part = target.slice(cursor, cursor + decoded.length);
    if (part.toLowerCase() !== decoded.toLowerCase()) return null;
    out += part === decoded ? token : escaped ? encodeURIComponent(part) : part;
    cursor += decoded.length;
  }
  return cursor === target.length ? out : null;
}

/**
 * The URL that names `actual` where `url` (resolving to `resolved`) differed from it in letter case only: the
 * trailing names of the URL's path are renamed, everything else is kept as written. Null when the difference
 * lies in a part of the path the URL does not spell out (above a `..`).
 */
export function renameInUrl(url: string, resolved: string, actual: string): string | null {
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const segments = path.split("/");
  const from = resolved.split("/");
  const to = actual.split("/");
  if (from.length !== to.length) return null;
  let k = to.length - 1;
  for (let i = segments.length - 1; i >= 0 && k >= 0; i--, k--) {
    const segment = segments[i]!;
    if (segment === "" || segment === "." || segment === "..") break;
    if (decodeUrlPath(segment) !== from[k]) return null;
    const renamed = renameSegment(segment, to[k]!);
    if (renamed === null) return null;
    segments[i] = renamed;
  }
  for (let j = 0; j <= k; j++) if (from[j] !== to[j]) return null;
  return segments.join("/") + (cut < 0 ? "" : url.slice(cut));
}
