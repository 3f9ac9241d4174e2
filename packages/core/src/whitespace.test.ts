import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROSE_WORD, proseWordCount, pythonSplitCount } from "./whitespace.js";

/** The count `proseWordCount` must equal: PROSE_WORD run over the whole text, match after match. */
function regexCount(text: string): number {
  return text.match(PROSE_WORD)?.length ?? 0;
}

describe("prose words", () => {
  it.each([
    ["We used DVC.", 3],
    ["state-of-the-art e.g. 3.11 don't it’s", 5],
    ["--- 42 ---", 1],
    ["`ruff` + `mypy` => 100%", 3],
    // A decomposed diacritic (e + U+0308) stays inside its word.
    ["nai\u0308ve cafe\u0301 bg\u0308\u0301aw", 3],
    ["", 0],
    // Other characters in and between ASCII words: each word counted once, the scan going on after it.
    ["“We” used DVC — and W&B…", 6],
    ["Müller's café-bar naïve", 3],
    ["a’é b-\u0301 c.ü", 3],
    ["日本語 テスト 123 ٣٤", 4],
    ["😀 emoji 😀😀 x", 2],
    ["Ørsted’s Øre ✅ → 🚀 €5 ❶ x\ufe0fy", 5],
    ["𝐀𝐁 Gothic 𐌰𐌱", 3],
    ["\ud800a \udc00b", 2],
  ])("%j has %i words", (text, n) => {
    expect(proseWordCount(text)).toBe(n);
    expect(regexCount(text)).toBe(n);
  });

  it("counts as PROSE_WORD does, for every character alone and inside a word", () => {
    // The BMP code unit by code unit (lone surrogates too), and the planes of emoji and historic scripts.
    for (let c = 0; c <= 0x1ffff; c++) {
      const ch = c <= 0xffff ? String.fromCharCode(c) : String.fromCodePoint(c);
      for (const text of [ch, `a${ch}`, `a${ch}b`, `a-${ch}`, `${ch}-a`, `é${ch}b`])
        if (proseWordCount(text) !== regexCount(text))
          expect(proseWordCount(text), JSON.stringify(text)).toBe(regexCount(text));
    }
  });

  /** Pieces of prose where the ASCII scan and PROSE_WORD could part ways. */
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom("we", "DVC", "3", "2024", "x", "e.g"), weight: 4 },
    { arbitrary: fc.constantFrom("'", "’", "-", ".", "--", "'.", "‘"), weight: 3 },
    { arbitrary: fc.constantFrom("\u0301", "\u0308", "\u20dd", "\u093f"), weight: 2 },
    { arbitrary: fc.constantFrom("é", "ß", "Ω", "ж", "漢", "ﬁ", "ª", "µ", "𝐀", "𐌰"), weight: 2 },
    { arbitrary: fc.constantFrom("٣", "²", "½", "Ⅻ", "𝟙"), weight: 1 },
    { arbitrary: fc.constantFrom("😀", "👍🏽", "\ud83d", "\ude00", "©", "“", "”", "—", "…", "•"), weight: 2 },
    { arbitrary: fc.constantFrom(" ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "`", "(", "/"), weight: 3 },
  );

  it("counts as PROSE_WORD does on mixed prose", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(proseWordCount(text)).toBe(regexCount(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("counts as PROSE_WORD does on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })),
        (text) => {
          expect(proseWordCount(text)).toBe(regexCount(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.runIf(HAS_CORPUS)("counts as PROSE_WORD does on real reports, whole and paragraph by paragraph", () => {
    for (const { key, text } of corpusReports())
      for (const part of [text, ...text.split(/\n\s*\n/)])
        expect(proseWordCount(part), key).toBe(regexCount(part));
  });
});

describe("the course checker's tokens (Python's str.split())", () => {
  it("splits on Python's whitespace, not JavaScript's", () => {
    // U+001F and U+0085 are whitespace to Python; U+FEFF and U+200B are not.
    expect(pythonSplitCount("a\u001fb\u0085c")).toBe(3);
    expect(pythonSplitCount("a\uFEFFb\u200Bc")).toBe(1);
    expect(pythonSplitCount("--- question 27 fill here ---")).toBe(6);
    expect(pythonSplitCount(" \n\t ")).toBe(0);
  });

  it("counts as Python does, for every character between two words", () => {
    // What `str.isspace()` accepts, from Python's own table.
    const python = new Set([
      ..."\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000",
      ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
    ]);
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const expected = python.has(ch) ? [2, 2, 0] : [1, 1, 1];
      const counted = [`a${ch}b`, `${ch}a${ch}${ch}b${ch}`, ch].map(pythonSplitCount);
      if (counted.join() !== expected.join()) expect(counted, `U+${c.toString(16)}`).toEqual(expected);
    }
  });
});
