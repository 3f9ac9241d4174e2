import { type Document, LineCounter, parse, parseDocument } from "yaml";

let parsed = 0;

/** How many YAML documents this process parsed: none when it uses only built-in presets, which the build compiled. */
export function yamlDocumentsParsed(): number {
  return parsed;
}

/** A config's document, with positions for its problems. */
export function readYamlDocument(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  parsed++;
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
}

/** A YAML text as plain values. */
export function readYamlValue(text: string): unknown {
  parsed++;
  return parse(text);
}
