import { memoizeText } from "./memo.js";
import type { Bounds, Constraints } from "./types.js";
import { foldSpaces } from "./whitespace.js";

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };
const N = "(\\d+|an?|one|two|three|four|five)";
const RANGE = `${N}(?:\\s*(?:-|–|to)\\s*${N})?`;
const PICTURES = "(?:images?|screenshots?|figures?|pictures?|diagrams?)";

/** "Recommended answer length: 200-300 words + 1 to 3 screenshots", "Answer length: 25-100 words." */
const LENGTH_LINE = new RegExp(
  `answer\\s+length\\s*:\\s*(\\d+)\\s*(?:-|–|to)\\s*(\\d+)\\s*words?(?:\\s*\\+\\s*${RANGE}\\s*${PICTURES})?`,
  "i",
);
/** "Insert 1-2 images", "Upload one image", "Upload 1 to 3 screenshots", "Include a figure". */
const PICTURE_REQUEST = new RegExp(`\\b(?:upload|insert|include|add)\\s+${RANGE}\\s+${PICTURES}\\b`, "i");

function num(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n ?? Number.parseInt(word, 10);
}

function bounds(a: string | undefined, b: string | undefined): Bounds | undefined {
  const min = num(a);
  if (min === undefined || Number.isNaN(min)) return undefined;
  const max = num(b) ?? min;
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

function constraintsOf(promptText: string): Constraints {
  const text = foldSpaces(promptText.includes("*") ? promptText.replace(/\*+/g, "") : promptText);
  const out: Constraints = {};
  const sources: string[] = [];
  const length = LENGTH_LINE.exec(text);
  if (length) {
    out.words = bounds(length[1], length[2]);
    const images = bounds(length[3], length[4]);
    if (images) out.images = images;
    sources.push(length[0].trim());
  }
  if (!out.images) {
    const request = PICTURE_REQUEST.exec(text);
    const images = request ? bounds(request[1], request[2]) : undefined;
    if (request && images) {
      out.images = images;
      sources.push(request[0].trim());
    }
  }
  if (sources.length > 0) out.sourceText = sources.join("; ");
  return out;
}

/**
 * The constraints a question's prompt states, read from the prompt's own text (blockquote markers removed).
 * Prompts are the template's text: each is read once, and every report gets the same frozen answer.
 */
export const readConstraints: (promptText: string) => Readonly<Constraints> = memoizeText((text) => {
  const out = constraintsOf(text);
  if (out.words) Object.freeze(out.words);
  if (out.images) Object.freeze(out.images);
  return Object.freeze(out);
});
