/** A report whose every text field tries to inject markup or script into the HTML page. */
import type { LintResult } from "@mlops-report/rules";
import { makeReport, makeResult, makeSection } from "./factory.js";

export const scriptTag = "<script>alert(1)</script>";
export const imgTag = "<img src=x onerror=alert(1)>";
export const injected = `${scriptTag} ${imgTag}`;

export function hostileReportResult(): LintResult {
  const report = makeReport({
    questionCount: 2,
    questions: [
      {
        number: 1,
        line: 10,
        section: injected,
        heading: injected,
        text: `Our answer ${injected} ends here.`,
        words: 5,
        wordBounds: { min: 1, max: 10 },
        images: [{ url: `x" onerror="alert(1)`, line: 15, alt: injected, exists: "missing" }],
        imageBounds: { min: 1, max: 1 },
      },
      { number: 2, line: 30, text: `</div></details>${scriptTag}`, words: 3 },
    ],
    checklist: [
      makeSection(injected, 3, [
        { text: `Item ${injected}`, line: 5, module: "M8" },
        { text: "Other mark", line: 6, mark: `"><script>alert(1)</script>` },
      ]),
    ],
  });
  return makeResult(`reports/${scriptTag}.md`, report, [
    {
      ruleId: "checklist/consistency",
      severity: "warning",
      message: `Flag ${injected}`,
      line: 5,
      checklistItem: injected,
    },
    { ruleId: `rule/${imgTag}`, message: `Message ${injected}`, line: 12, question: 1 },
  ]);
}
