import { parse } from "@mlops-report/core";
import { corpusReports } from "@mlops-report/testing/corpus";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idsMatching, requiredRun } from "./checklist-ids.js";
import { loadPreset } from "./config/load.js";
import { presetNames } from "./config/presets.js";
import { resolveConfig } from "./config/resolve.js";
import { linearRegExp } from "./linear-regexp.js";

/** What `idsMatching` must give: every matcher tried on the text. */
function plainIds(checklist: ReadonlyMap<string, RegExp>, text: string): string[] {
  return [...checklist].filter(([, match]) => match.test(text)).map(([id]) => id);
}

describe("the run of characters every match holds", () => {
  it.each([
    ["requirements\\.txt", "i", "requirements.txt"],
    ["construct one or multiple docker ?files", "i", "construct one or multiple docker"],
    ["calculate the (code )?coverage", "i", "calculate the "],
    ["^[^a-z]*consider running a hyperparameter", "i", "consider running a hyperparameter"],
    ["Weights & Biases", "i", "weights & biases"],
    ["Weights & Biases", "", "Weights & Biases"],
    ["\\bdvc\\b", "i", "dvc"],
    ["ab{2,3}cd", "i", "cd"],
    ["x{10}yz", "", "yz"],
    ["a\\x41bc\\u0062de\\cJf\\12ghi", "", "ghi"],
    ["(?<n>ab)\\k<n>c", "", "c"],
    ["[\\]|a]bc", "", "bc"],
    ["(?:unit|integration) tests", "i", " tests"],
    ["unit tests|integration tests", "i", ""],
    ["[a-z]+ing(?=ly)", "", "ing"],
    ["café au lait", "", " au lait"],
  ])("/%s/%s needs %j", (source, flags, run) => {
    expect(requiredRun(new RegExp(source, flags))).toBe(run);
  });

  it("is none for a regex whose matching or state differs: linear-time, Unicode, global, sticky", () => {
    // RE2 folds case by Unicode: `k` finds the Kelvin sign, which lower-cases to `k` but is not `k`.
    expect(linearRegExp("kelvin", "i").test("\u212Aelvin")).toBe(true);
    expect(requiredRun(linearRegExp("kelvin", "i"))).toBe("");
    for (const flags of ["iu", "g", "y", "d"]) expect(requiredRun(new RegExp("kelvin", flags))).toBe("");
  });

  /** Pieces of patterns: plain text, and every kind of syntax the scan has to step over. */
  const patternPiece = fc.constantFrom(
    "a",
    "b",
    "K",
    "s",
    "docker",
    " ",
    "-",
    "&",
    ",",
    "=",
    "!",
    ":",
    "<",
    ">",
    "\\.",
    "\\-",
    "\\ ",
    "\\]",
    ".",
    "?",
    "*",
    "+",
    "??",
    "{2}",
    "{0,2}",
    "{1,}",
    "{",
    "}",
    "]",
    "[a-c]",
    "[^a]",
    "[\\]a]",
    "[(|]",
    "(",
    "(?:",
    "(?=",
    "(?!",
    "(?<=",
    "(?<n>",
    ")",
    "|",
    "^",
    "$",
    "\\b",
    "\\B",
    "\\d",
    "\\s",
    "\\w",
    "\\x41",
    "\\x4",
    "\\u0062",
    "\\u{62}",
    "\\cJ",
    "\\0",
    "\\1",
    "\\12",
    "\\k<n>",
    "\\p{L}",
    "é",
  );
  /** Pieces of texts: the patterns' characters in either case, and characters that fold to them elsewhere. */
  const textPiece = fc.constantFrom(
    "a",
    "A",
    "b",
    "B",
    "k",
    "K",
    "\u212A",
    "s",
    "S",
    "\u017F",
    "\u0130",
    "docker",
    "DOCKER",
    " ",
    "-",
    ".",
    "&",
    "{",
    "}",
    "]",
    "1",
    "2",
    "\n",
    "\t",
    "\u0007",
    "\n",
    "uu",
    "p{L}",
    "é",
  );
  const pattern = fc
    .array(patternPiece, { maxLength: 12 })
    .map((pieces) => pieces.join(""))
    .filter((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    });
  const flags = fc.constantFrom("", "i", "m", "s", "im", "is");
  const caseFlips = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });

  /** A text the regex likely matches, when fast-check can write one; with random letters' case flipped. */
  function matchingText(source: string, flips: readonly boolean[], seed: number): string | null {
    try {
      const [text] = fc.sample(fc.stringMatching(new RegExp(source)), { numRuns: 1, seed });
      return [...text!].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join("");
    } catch {
      return null;
    }
  }

  it("is in every text the regex matches", () => {
    fc.assert(
      fc.property(
        pattern,
        flags,
        fc.array(textPiece, { maxLength: 16 }),
        caseFlips,
        fc.integer(),
        (source, f, pieces, flips, seed) => {
          const re = new RegExp(source, f);
          const run = requiredRun(re);
          for (const text of [pieces.join(""), matchingText(source, flips, seed)]) {
            if (text === null || !re.test(text)) continue;
            expect(
              (re.ignoreCase ? text.toLowerCase() : text).includes(run),
              `${re} on ${JSON.stringify(text)}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("the ids whose matcher finds an item", () => {
  const texts = [
    ...corpusReports().flatMap((r) =>
      parse(r.text, { files: false }).checklist.sections.flatMap((s) => s.items.map((item) => item.text)),
    ),
    ...([2023, 2024, 2025, 2026] as const).flatMap((year) =>
      parse(syntheticReport({ year }), { files: false }).checklist.sections.flatMap((s) =>
        s.items.map((item) => item.text),
      ),
    ),
    "Use DOCKER FILES locally (M10)",
    "Use \u212Aubernetes and \u017Fome \u0130ntegration",
    "",
  ];

  it.each(presetNames())("are those of every matcher tried, with the %s preset", async (name) => {
    const { checklist } = resolveConfig(await loadPreset(name));
    const ids = idsMatching(checklist);
    for (const text of texts) expect(ids(text), text).toEqual(plainIds(checklist, text));
    if (checklist.size > 0) expect(texts.some((text) => ids(text).length > 0)).toBe(true);
  });

  it("are those of every matcher tried, with a config's own patterns, trusted or linear-time", () => {
    const sources = [
      "docker ?files",
      "(?:unit|api) tests",
      "kubernetes|k8s",
      "some\\b",
      "^use",
      "m1[0-9]",
      "integration",
      "ku?bernetes",
    ];
    for (const make of [(s: string) => new RegExp(s, "i"), (s: string) => linearRegExp(s, "i")]) {
      const checklist = new Map(sources.map((source, i) => [`id${i}`, make(source)]));
      const ids = idsMatching(checklist);
      for (const text of texts) expect(ids(text), text).toEqual(plainIds(checklist, text));
    }
    // RE2 folds `k` to the Kelvin sign, `s` to the long s: only the linear-time matchers find this text.
    const text = "Use \u212Aubernetes and \u017Fome \u0130ntegration";
    const trusted = new Map(sources.map((source, i) => [`id${i}`, new RegExp(source, "i")]));
    const linear = new Map(sources.map((source, i) => [`id${i}`, linearRegExp(source, "i")]));
    expect(idsMatching(trusted)(text)).toEqual(["id4"]);
    expect(idsMatching(linear)(text)).toEqual(["id2", "id3", "id4", "id7"]);
  });
});
