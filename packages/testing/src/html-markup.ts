/** The tags and attributes the HTML reporter may write; anything else in a page came from report text. */

export const allowedTags = new Set(
  "html head meta title style body main header footer section article div span h1 h2 h3 h4 p dl dt dd ul li table thead tbody tr th td a b small code details summary svg rect line".split(
    " ",
  ),
);
export const allowedAttributes = new Set(
  "lang charset http-equiv content name class id href title role aria-label colspan viewBox preserveAspectRatio x y x1 x2 y1 y2 width height rx data-words data-min data-max data-question data-report data-line data-image-status".split(
    " ",
  ),
);

/** Every tag and attribute name in the page, read from the markup itself. */
export function markup(page: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const match of page
    .replace(/^<!DOCTYPE html>/, "")
    .matchAll(/<\/?([!A-Za-z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    tags.add(match[1] ?? "");
    for (const attribute of (match[2] ?? "").matchAll(/([^\s=]+)(?:="[^"]*")?/g))
      attributes.add(attribute[1] ?? "");
  }
  return { tags, attributes };
}
