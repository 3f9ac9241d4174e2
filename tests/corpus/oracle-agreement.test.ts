import { lintOptionsFor, lintReport, loadPreset, resolveConfig } from "@mlops-report/rules";
import { corpusReports, HAS_CORPUS, oracle } from "@mlops-report/testing/corpus";
import { parseReport as parse } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";

const reports = corpusReports();
const official = oracle();

/** The year preset the course checker's variant stands for (2023 and 2024 share one checker). */
const presetOf = (variant: string) => (variant === "2023-2024" ? "2024" : variant);

async function presetWithCounting(name: string, counting: "official" | "prose") {
  const merged = await loadPreset(name);
  for (const id of ["answer/word-count", "answer/image-count"]) {
    const rule = merged.rules.get(id)!;
    merged.rules.set(id, { ...rule, options: { ...rule.options, counting } });
  }
  return resolveConfig(merged);
}

describe.runIf(HAS_CORPUS)("agreement with the course checker", () => {
  it("with counting: official and the year's preset, finds exactly the checker's word and image failures", async () => {
    // An unanswered question is answer/filled's finding; the checker fails it on words and images alike.
    const differences: string[] = [];
    let compared = 0;
    for (const r of reports) {
      const o = official[r.key]!;
      const config = await presetWithCounting(presetOf(o.variant), "official");
      const report = parse(r.text, { path: r.path, files: false });
      const result = lintReport(report, lintOptionsFor(config, report));
      const unanswered = new Set(
        result.diagnostics.filter((d) => d.ruleId === "answer/filled").map((d) => String(d.question)),
      );
      const ours = new Set(
        result.diagnostics
          .filter((d) => d.ruleId === "answer/word-count" || d.ruleId === "answer/image-count")
          .map((d) => `Q${d.question} ${d.ruleId === "answer/word-count" ? "words" : "images"}`),
      );
      const theirs = new Set(
        Object.entries(o.questions)
          .filter(([n]) => !unanswered.has(n))
          .flatMap(([n, q]) => q.fails.map((kind) => `Q${n} ${kind}`)),
      );
      compared += theirs.size;
      for (const f of theirs)
        if (!ours.has(f)) differences.push(`${r.key}: the checker fails ${f}, we do not`);
      for (const f of ours)
        if (!theirs.has(f)) differences.push(`${r.key}: we fail ${f}, the checker does not`);
    }
    expect(differences).toEqual([]);
    // The checker's failures on answered questions over the whole corpus: all of them were compared.
    expect(compared).toBe(173);
  });

  it("in prose mode reports a placeholder as unanswered, never as a six-word answer", async () => {
    let placeholders = 0;
    for (const r of reports) {
      const config = await presetWithCounting(presetOf(official[r.key]!.variant), "prose");
      const report = parse(r.text, { path: r.path, files: false });
      const result = lintReport(report, lintOptionsFor(config, report));
      for (const q of report.questions.filter((x) => x.answer.state === "placeholder")) {
        placeholders++;
        const about = result.diagnostics.filter(
          (d) => d.question === q.number && d.ruleId.startsWith("answer/"),
        );
        expect(
          about.map((d) => [d.ruleId, d.message]),
          `${r.key} Q${q.number}`,
        ).toEqual([
          [
            "answer/filled",
            `Question ${q.number} is not answered: it still holds the template's placeholder`,
          ],
        ]);
      }
    }
    expect(placeholders).toBeGreaterThan(30);
  });
});
