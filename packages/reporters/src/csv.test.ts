import type { ChecklistEvidence, LintResult } from "@mlops-report/rules";
import { makeContext, makeReport, makeResult } from "@mlops-report/testing/factory";
import { describe, expect, it } from "vitest";
import { csv, csvStudents, itemVerdict } from "./csv.js";

const context = makeContext({ cwd: "/class" });

function evidence(id: string, state: ChecklistEvidence["state"], line: number): ChecklistEvidence {
  return { id, line, text: `Item ${id}`, state, repository: null };
}

/** Two groups: alpha's Question 4 counted 109 by the checker and 96 by a reader; beta lacks Question 5. */
function twoGroups(): LintResult[] {
  const alpha = makeResult(
    "/class/alpha/reports/README.md",
    makeReport({
      questions: [
        { number: 4, line: 20, words: 96, officialWords: 109, wordBounds: { min: 100, max: 200 } },
        { number: 5, line: 40, words: 150, wordBounds: { min: 100, max: 200 } },
      ],
    }),
    [
      {
        ruleId: "checklist/consistency",
        severity: "warning",
        message: "Ticks DVC, but Question 4 denies it",
        line: 22,
        question: 4,
        checklistItem: "dvc",
      },
    ],
    { text: "Group 7", number: "7", students: ["s123456", "s234567"] },
  );
  alpha.checklist = [evidence("dvc", "checked", 5), evidence("docker", "unchecked", 6)];
  const beta = makeResult(
    "/class/beta/reports/README.md",
    makeReport({ year: 2025, questions: [{ number: 4, line: 20, state: "placeholder" }] }),
    [{ ruleId: "answer/filled", message: "Question 4 is not answered", line: 24, question: 4 }],
    { text: null, number: null, students: [] },
  );
  beta.checklist = [evidence("dvc", "other", 5)];
  return [beta, alpha];
}

const HEADER = [
  "report,group folder,group number,group answer,students,template,answered,total,errors,warnings,infos",
  "Q4 words,Q4 images,Q4 status,Q4 note,Q5 words,Q5 images,Q5 status,Q5 note",
  "dvc state,dvc verdict,docker state,docker verdict",
].join(",");

const ALPHA =
  "alpha/reports/README.md,alpha,7,Group 7,s123456 s234567,2026,2,2,0,1,0," +
  "109,0,warning,words: a reader sees 96 (it counts the `---` wrappers),150,0,ok,," +
  "checked,warning,unchecked,ok";
const BETA =
  "beta/reports/README.md,beta,,,,2025,0,1,1,0,0,6,0,unanswered,words: a reader sees 0 (it counts the `---` wrappers),,,absent,," +
  "other,ok,absent,";

describe("csv reporter", () => {
  it("writes one row per report, per question the count the rule judged by, per checklist id its state", () => {
    expect(csv(twoGroups(), context)).toBe(`${HEADER}\r\n${ALPHA}\r\n${BETA}\r\n`);
  });

  it("writes one row per study number for an import, and keeps a group that gives none", () => {
    expect(csvStudents(twoGroups(), context)).toBe(
      `student,${HEADER}\r\ns123456,${ALPHA}\r\ns234567,${ALPHA}\r\n,${BETA}\r\n`,
    );
  });

  it("keeps report text a spreadsheet would run as a formula as text, and quotes what RFC 4180 asks", () => {
    const texts = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "a, b", 'say "hi"'];
    const results = texts.map((text, i) =>
      makeResult(`/class/g${i}/README.md`, makeReport(), [], { text, number: null, students: [] }),
    );
    const rows = csv(results, context).split("\r\n");
    expect(rows.slice(1, -1).map((row) => row.split(",").slice(3).join(","))).toEqual([
      `"'=HYPERLINK(""http://x"")",,2026,0,0,0,0,0`,
      "'+1+2,,2026,0,0,0,0,0",
      "'-2+3,,2026,0,0,0,0,0",
      "'@SUM(A1),,2026,0,0,0,0,0",
      "'\tTAB,,2026,0,0,0,0,0",
      '"a, b",,2026,0,0,0,0,0',
      '"say ""hi""",,2026,0,0,0,0,0',
    ]);
  });

  it("neutralizes a folder name too, and shows control characters instead of sending them", () => {
    const result = makeResult("/class/=cmd/README.md", makeReport(), [], {
      text: "Group\u001b[31m 9\u0000",
      number: "9",
      students: [],
    });
    const row = csv([result], context).split("\r\n")[1];
    expect(row).toBe("'=cmd/README.md,'=cmd,9,Group\u241b[31m 9\u2400,,2026,0,0,0,0,0");
  });
});

describe("itemVerdict", () => {
  const item = { ...evidence("dvc", "checked", 5), answers: [] };

  it("is the most severe consistency finding's severity, or ok", () => {
    expect(itemVerdict(item)).toBe("ok");
    expect(
      itemVerdict({
        ...item,
        answers: [
          { severity: "info", message: "m", line: 1 },
          { severity: "error", message: "m", line: 2 },
        ],
      }),
    ).toBe("error");
  });

  it("reads the verdict a result gives an item", () => {
    const verdict = {
      kind: "denied-contradicted",
      answers: "denied",
      repository: "shows",
      severity: "warning" as const,
      rule: "checklist/consistency",
      reasons: [],
    };
    expect(itemVerdict({ ...item, verdict })).toBe("denied-contradicted");
  });
});
