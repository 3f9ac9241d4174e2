/** The most of a config line an error shows: enough for any real line, never a whole file's line of secrets. */
export const EXCERPT_WIDTH = 100;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * A window of at most EXCERPT_WIDTH characters of `line` around `column` (1-based), with `…` where it was cut,
 * tabs as spaces and control characters as pictures; `column` is where the same character is in the window.
 */
export function excerptLine(line: string, column: number): { text: string; column: number } {
  const clean = line
    .replace(/\t/g, " ")
    .replace(CONTROL, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
  if (clean.length <= EXCERPT_WIDTH) return { text: clean, column };
  const start = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 2, clean.length - EXCERPT_WIDTH));
  const end = start + EXCERPT_WIDTH;
  const before = start > 0 ? "…" : "";
  const text = `${before}${clean.slice(start, end)}${end < clean.length ? "…" : ""}`;
  return { text, column: column - start + before.length };
}

/** The longest problem message shown: a message quoting a key or value of a hostile file is cut. */
export const MESSAGE_WIDTH = 300;

/** A problem's message cut to MESSAGE_WIDTH characters, control characters shown as pictures. */
export function shortMessage(message: string): string {
  const clean = message
    .replace(/[\t\r\n]/g, " ")
    .replace(CONTROL, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
  return clean.length <= MESSAGE_WIDTH ? clean : `${clean.slice(0, MESSAGE_WIDTH)}…`;
}
