/** Text escaping for each output format. Report text is untrusted: every format escapes all of it. */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls other than tab, line feed and carriage return, which XML 1.0 forbids even as references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
const forbiddenC0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** U+2400 "Control Pictures" show a control character visibly instead of dropping it. */
function controlPicture(char: string): string {
  return String.fromCharCode(0x2400 + char.charCodeAt(0));
}

/** Makes a string encodable in XML 1.0 and HTML: lone surrogates and noncharacters become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, "\uFFFD").replace(/[\uFFFE\uFFFF]/g, "\uFFFD");
}

/** Replaces what XML 1.0 cannot carry at all; everything else survives escaping unchanged. */
export function xmlSafeText(text: string): string {
  return wellFormed(text).replace(forbiddenC0, controlPicture);
}

const xmlTextEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const xmlAttributeEntities: Record<string, string> = {
  ...xmlTextEntities,
  '"': "&quot;",
  "'": "&apos;",
  // Attribute-value normalisation would turn these into spaces: references keep them.
  "\t": "&#9;",
  "\n": "&#10;",
};

/** Element content; `>` is escaped too, so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return xmlSafeText(text).replace(/[&<>\r]/g, (char) => xmlTextEntities[char] ?? char);
}

export function escapeXmlAttribute(text: string): string {
  return xmlSafeText(text).replace(/[&<>"'\t\n\r]/g, (char) => xmlAttributeEntities[char] ?? char);
}

const htmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or attribute content in HTML. */
export function escapeHtml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

// C1 controls include CSI (U+009B); bidirectional overrides can make a line read differently than it is.
const terminalUnsafe = /[\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * One line of terminal text: no escape sequence from a report can reach the terminal, line breaks and tabs
 * become spaces (the caller wraps), and other controls are shown, not interpreted.
 */
export function terminalSafe(text: string): string {
  return (
    wellFormed(text)
      .replace(/\r\n|[\r\n\t]/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
      .replace(/[\u0000-\u001F]/g, controlPicture)
      .replace(terminalUnsafe, (char) =>
        char === "\u007F"
          ? "\u2421"
          : `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`,
      )
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
const githubUnsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text with its lone surrogates replaced and its control characters but line breaks shown as pictures. */
export function githubVisible(text: string): string {
  return wellFormed(text).replace(githubUnsafe, (char) =>
    char === "\u007F" ? "\u2421" : controlPicture(char),
  );
}

/**
 * The message of a GitHub workflow command, escaped as the runner decodes it. Control characters other than line
 * breaks (ESC, BEL, NUL: from report text, headings, `%1b` decoded from a link) are shown as control pictures:
 * the log that displays the command must not interpret them.
 */
export function escapeGithubData(text: string): string {
  return githubVisible(text).replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/**
 * `JSON.stringify` with every string made well-formed: it writes a lone surrogate (half of an emoji cut off, or
 * `"\uD800"` in a config's message) as an escape that strict JSON readers such as `jq` reject.
 */
export function stringifyWellFormed(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? wellFormed(v) : v), 2);
}

/** A property value of a GitHub workflow command (`file=`, `title=`): `:` and `,` would end it. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
