/**
 * The rules over the real reports in ../shared/corpus (outside the repository): what each finds, counted per
 * report, so that a change that adds false positives (or loses true ones) shows. No report text is embedded
 * here: only file names, rule ids and counts. links/local is left out: the corpus copies hold no files outside
 * `reports/`, so every link to the group's code would count as broken.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "@mlops-report/core";
import { HAS_CORPUS } from "@mlops-report/testing/corpus";
import { SHARED } from "@mlops-report/testing/setting";
import { describe, expect, it } from "vitest";
import { templateYears } from "../config/presets.js";
import { defaultRuleSettings, lintReport } from "../engine/lint.js";
import { answerExampleCopied } from "./answer-example-copied.js";
import { answerFormat } from "./answer-format.js";
import { checklistMarks } from "./checklist-marks.js";
import { imageFormat } from "./image-format.js";
import { imageInCode } from "./image-in-code.js";
import { imageOutsideReport } from "./image-outside-report.js";

const CORPUS = `${SHARED}corpus/`;
if (!HAS_CORPUS) console.warn(`built-in rules corpus test skipped: ${CORPUS} does not exist`);

const RULES = [
  answerExampleCopied,
  answerFormat,
  imageFormat,
  imageInCode,
  imageOutsideReport,
  checklistMarks,
];

/** Findings per report, as `rule-id severity` -> count; reports with none are left out. */
function countFindings(): Record<string, Record<string, number>> {
  const reports: [string, string, string | undefined][] = [
    ...readdirSync(`${CORPUS}seeds`).map((f): [string, string, undefined] => [
      `seeds/${f}`,
      `${CORPUS}seeds/${f}`,
      undefined,
    ]),
    // Repository copies keep their figures, so they are parsed with their path and images are looked up.
    ...readdirSync(`${CORPUS}repos`).map((r): [string, string, string] => {
      const file = `${CORPUS}repos/${r}/reports/README.md`;
      return [`repos/${r}`, file, file];
    }),
  ];
  const counts: Record<string, Record<string, number>> = {};
  for (const [name, file, path] of reports) {
    const report = parse(readFileSync(file, "utf8"), { years: templateYears(), ...(path ? { path } : {}) });
    for (const d of lintReport(report, { rules: defaultRuleSettings(RULES) }).diagnostics) {
      const key = `${d.ruleId} ${d.severity}`;
      const row = counts[name] ?? {};
      counts[name] = row;
      row[key] = (row[key] ?? 0) + 1;
    }
  }
  return counts;
}

describe.runIf(HAS_CORPUS)("built-in rules on real reports", () => {
  // Parsing every real report takes seconds on a busy machine: more than vitest's default 5 s.
  it("find exactly the known problems, and nothing in the reports without them", () => {
    expect(countFindings()).toEqual({
      // Nothing ticked in a report with most questions answered; images written in code spans.
      "seeds/001_c3af01b7e0339a7d.txt": { "checklist/marks info": 1, "image/in-code error": 6 },
      // `[(X)]` and `[%]` marks; .svg logos.
      "seeds/002_088a1b9c0acb5332.txt": { "checklist/marks warning": 6, "image/format error": 6 },
      // An empty `[]` mark.
      "seeds/003_0e4d1f1126aabd9e.txt": { "checklist/marks warning": 1 },
      "repos/A4OpS__mlops-tinystories": { "checklist/marks info": 1 },
      // The prompts' example figures, renamed without an extension.
      "repos/Apros7__ml_ops_project": { "image/format error": 2 },
      "repos/Aryan-Mi__dtu-vibe-ops-02476": { "image/in-code error": 6 },
      "repos/DavidLindahl__mlops_project": { "checklist/marks info": 1 },
      // `[~]` marks for items in progress.
      "repos/GeorgeGeorgioy__MLOps_group_66": { "checklist/marks warning": 2 },
      // Images in code spans and in code blocks.
      "repos/JonatanRasmussen__DTU-02476-Group-100-Project": { "image/in-code error": 7 },
      "repos/MLOpsGroup23__MLOps-Project": { "checklist/marks warning": 6, "image/format error": 6 },
      // Empty `[]` marks.
      "repos/NusretSalli__dtu_mlops_project": { "checklist/marks warning": 14 },
      "repos/aimas-lund__02476-mlo-awesome-2": { "checklist/marks info": 1 },
      // Every item marked with an emoji.
      "repos/kostistzim__Plant_Leaves_Classification_MLOps_DTU02476": { "checklist/marks warning": 45 },
    });
  }, 60_000);
});
