import { corpusReports, HAS_CORPUS, oracle } from "@mlops-report/testing/corpus";
import { COURSE_TEMPLATE_YEARS } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";

const reports = corpusReports();
const official = oracle();
const parsed = reports.map((r) => ({
  ...r,
  report: parse(r.text, { path: r.path, files: r.isRepo ? undefined : false, years: COURSE_TEMPLATE_YEARS }),
}));
const byKey = (key: string) => parsed.find((p) => p.key.startsWith(key))!;

describe.runIf(HAS_CORPUS)("real reports", () => {
  it("finds every report the course checker's numbers cover", () => {
    expect(reports.map((r) => r.key)).toEqual(Object.keys(official).sort((a, b) => a.localeCompare(b)));
  });

  it("numbers questions as in the file", () => {
    for (const { key, text, report } of parsed) {
      const inFile = [...text.matchAll(/^#{2,4} *Question (\d+)\b.*$/gm)].map((m) => Number(m[1]));
      expect(
        report.questions.map((q) => q.number),
        key,
      ).toEqual(inFile);
    }
  });

  it("agrees with the course checker on every question's word and image count", () => {
    const mismatches: string[] = [];
    for (const { key, report } of parsed) {
      const o = official[key]!;
      const variant =
        report.official.year === 2023 || report.official.year === 2024
          ? "2023-2024"
          : String(report.official.year);
      if (variant !== o.variant)
        mismatches.push(`${key}: checker of ${report.official.year}, not ${o.variant}`);
      if (report.official.answers !== o.answers)
        mismatches.push(`${key}: answers ${report.official.answers} != ${o.answers}`);
      if (report.official.crashes !== o.crashes)
        mismatches.push(`${key}: crashes ${report.official.crashes}`);
      for (const [n, expected] of Object.entries(o.questions)) {
        const q = report.questions.find((x) => x.number === Number(n));
        const got = { words: q?.answer.words.official, images: q?.answer.imageCount.official };
        if (got.words !== expected.words || got.images !== expected.images) {
          mismatches.push(
            `${key} Q${n}: words ${got.words}/${expected.words}, images ${got.images}/${expected.images}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("detects the template year the course checker's variant implies", () => {
    for (const { key, report } of parsed) {
      const variant = official[key]!.variant;
      const years = variant === "2023-2024" ? [2023, 2024] : [Number(variant)];
      expect(years, key).toContain(report.template.year);
      expect(report.template.questionCount, key).toBe(variant === "2023-2024" ? 27 : 31);
      expect(report.template.fingerprints.length, key).toBeGreaterThan(1);
    }
  });

  it("marks exactly the answers that hold only the template's placeholder", () => {
    const fromText = (text: string): number[] => {
      // Derived independently of the model: the lines between each question's `Answer:` and its next heading.
      const out: number[] = [];
      const parts = text.replace(/\r\n/g, "\n").split(/^#{2,4} *Question (\d+)\b.*$/m);
      for (let i = 1; i < parts.length; i += 2) {
        const body = parts[i + 1]!.split(/^#{1,3} /m)[0]!;
        const after = body.slice(body.indexOf("Answer:") + "Answer:".length);
        const rest = after.replace(/--- *question \d+ fill here *---/gi, "").trim();
        if (rest === "" && after.trim() !== "") out.push(Number(parts[i]));
      }
      return out;
    };
    for (const { key, text, report } of parsed) {
      const model = report.questions.filter((q) => q.answer.state === "placeholder").map((q) => q.number);
      expect(model, key).toEqual(fromText(text));
    }
    expect(byKey("003").report.questions.filter((q) => q.answer.state === "placeholder")).toHaveLength(8);
    expect(byKey("004").report.questions.filter((q) => q.answer.state === "placeholder")).toHaveLength(10);
  });

  it("keeps an answer written beside a leftover placeholder as answered", () => {
    const q14 = byKey("aimas-lund").report.questions.find((q) => q.number === 14)!;
    expect(q14.answer.state).toBe("answered");
    expect(q14.answer.leftoverPlaceholder).toBe(true);
    const leftovers = parsed.flatMap(({ key, report }) =>
      report.questions.filter((q) => q.answer.leftoverPlaceholder).map((q) => `${key} Q${q.number}`),
    );
    expect(leftovers).toContain("aimas-lund__02476-mlo-awesome-2 Q14");
  });

  it("sees images in code spans as in-code and does not count them in prose", () => {
    const jonatan = byKey("JonatanRasmussen").report;
    const inAnswers = jonatan.questions.flatMap((q) => q.answer.images);
    expect(inAnswers.length).toBeGreaterThan(0);
    expect(inAnswers.every((im) => im.kind === "in-code")).toBe(true);
    expect(jonatan.questions.every((q) => q.answer.imageCount.prose === 0)).toBe(true);
    const seed = byKey("001").report;
    expect(seed.images.some((im) => im.kind === "in-code")).toBe(true);
    for (const q of seed.questions) {
      const rendered = q.answer.images.filter((im) => im.kind !== "in-code" && im.kind !== "unrendered");
      expect(q.answer.imageCount.prose, `001 Q${q.number}`).toBe(rendered.length);
    }
  });

  it("counts HTML <img> images in prose", () => {
    const group23 = byKey("MLOpsGroup23").report;
    const html = group23.images.filter((im) => im.syntax === "html");
    expect(html.length).toBe(6);
    expect(group23.questions.reduce((n, q) => n + q.answer.imageCount.prose, 0)).toBeGreaterThanOrEqual(6);
  });

  it("keeps every position inside the text", () => {
    for (const { key, report } of parsed) {
      const lines = report.source.lineCount;
      const points = [
        ...report.questions.flatMap((q) => [q, q.answer, ...q.answer.images, ...q.answer.blocks]),
        ...report.checklist.sections.flatMap((s) => s.items),
        ...report.problems,
      ];
      for (const p of points) {
        expect(p.line, key).toBeGreaterThanOrEqual(1);
        expect(p.line, key).toBeLessThanOrEqual(lines);
        expect(p.column, key).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
