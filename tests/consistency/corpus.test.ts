import type { Report } from "@mlops-report/core";
import { findingsByRule, type PresetYear, preset } from "@mlops-report/testing/consistency";
import { corpusReports, HAS_CORPUS } from "@mlops-report/testing/corpus";
import { parseReport as parse } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";

/** Every consistency rule on every real report of the corpus: no error, and messages that point right. */
const reports = corpusReports();

function yearOf(report: Report): PresetYear {
  const year = report.template.year;
  if (year !== 2023 && year !== 2024 && year !== 2025 && year !== 2026)
    throw new Error(`${report.source.path}: no preset for the template year ${year}`);
  return year;
}

/** The problems of one finding's message: placeholders left, or a checklist or answer line that is wrong. */
function messageProblems(report: Report, name: string, message: string): string[] {
  const problems: string[] = [];
  if (/\{(item|line|question|term|denial|mention)\}/.test(message)) problems.push("placeholder left");
  const items = report.checklist.sections.flatMap((s) => s.items);
  const checklist = /^Checklist line (\d+) (?:ticks|leaves) "(.*?)"(?: unticked)?, but /.exec(message);
  const item = checklist ? items.find((i) => i.line === Number(checklist[1])) : undefined;
  if (!item || item.text !== checklist?.[2]) problems.push("checklist line and item do not match");
  const evidence = /Question (\d+) (?:denies|mentions) .*?: ".*" \(line (\d+)\)\. /.exec(message);
  if (name.endsWith("-denied") || name.endsWith("-unticked")) {
    const q = evidence ? report.questions.find((x) => x.number === Number(evidence[1])) : undefined;
    const line = Number(evidence?.[2]);
    if (!q || line < q.answer.range.start.line || line > q.answer.range.end.line)
      problems.push("quoted line is not in the question's answer");
  }
  return problems;
}

describe.runIf(HAS_CORPUS)("consistency rules on the corpus", () => {
  it("run on every report without error, with messages whose lines point into the right answer", async () => {
    const firing = new Map<string, string[]>();
    const problems: string[] = [];
    let linted = 0;
    for (const r of reports) {
      const report = parse(r.text, { path: r.path, files: false });
      const config = await preset(yearOf(report));
      const findings = findingsByRule(config, report);
      linted++;
      const items = report.checklist.sections.flatMap((s) => s.items);
      // A report without a checklist, or whose checklist nobody ticked, gets no unticked-item finding.
      if (!items.some((i) => i.state === "checked"))
        expect(
          [...findings.keys()].filter((n) => n.endsWith("-unticked")),
          r.key,
        ).toEqual([]);
      if (items.length === 0) expect(findings.size, r.key).toBe(0);
      for (const [name, d] of findings) {
        firing.set(name, [...(firing.get(name) ?? []), r.key]);
        for (const p of messageProblems(report, name, d.message)) problems.push(`${r.key} ${name}: ${p}`);
        expect(d.severity, name).toBe(
          name.endsWith("-denied") ? "error" : name.endsWith("-unticked") ? "info" : "warning",
        );
      }
    }
    expect(problems).toEqual([]);
    expect(linted).toBe(reports.length);
    console.info(
      `[consistency] reports each rule fires on (of ${reports.length}):\n${[...firing]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, keys]) => `  ${name}: ${keys.length} (${keys.join(", ")})`)
        .join("\n")}`,
    );
  });
});
