import { createHash } from "node:crypto";
import { html, type SafeHtml } from "./html-template.js";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

export interface PageAllows {
  /** The page's one script, allowed by its hash; none by default. */
  script?: string;
  /** Images of the page's own folder (the figures copied beside it); none by default. */
  images?: boolean;
}

/**
 * Only the stylesheet (and the page's own script) may apply, by their hashes, and images only from the page's own
 * folder: no other script, no font, frame or connection can load.
 */
export function contentSecurityPolicy(style: string, allows: PageAllows = {}): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${sha256(style)}'`,
    ...(allows.images ? ["img-src 'self'"] : []),
    ...(allows.script === undefined ? [] : [`script-src 'sha256-${sha256(allows.script)}'`]),
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** A whole page: its policy before anything that could load, then the stylesheet, the body and the script. */
export function htmlDocument(title: string, style: string, body: SafeHtml, allows: PageAllows = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style, allows)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
${html`<title>${title}</title>`}
<style>${style}</style>
</head>
<body>
${body}
${allows.script === undefined ? "" : `<script>${allows.script}</script>\n`}</body>
</html>
`;
}
