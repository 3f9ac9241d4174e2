import type { Question, Range, Report } from "@mlops-report/core";
import { defineRule } from "../define-rule.js";
import type { Finding } from "../types.js";
import { matchesIn } from "./positions.js";
import { STUDY_LIKE, studyLikeKind } from "./study-numbers.js";
import { at, atAnswer } from "./util.js";

/** True when `range` lies inside one of `ranges`. */
const within = (range: { start: { offset: number } }, ranges: readonly Range[]) =>
  ranges.some((r) => r.start.offset <= range.start.offset && range.start.offset < r.end.offset);

/** A digit anywhere in the answer as written, code included ("    Group 7" renders as code), but not in a leftover placeholder. */
function* groupNumber(report: Report, q: Question): Generator<Finding> {
  for (const m of matchesIn(report, q.answer.range, /\d/g))
    if (!within(m.range, q.answer.placeholders)) return;
  yield {
    message: `Question ${q.number} should give your group number, but the answer holds no number: write it in digits, e.g. "Group 42"`,
    ...atAnswer(q),
  };
}

function* studyNumbers(report: Report, q: Question): Generator<Finding> {
  let candidates = 0;
  for (const m of matchesIn(report, q.answer.range, STUDY_LIKE)) {
    const kind = studyLikeKind(m.text);
    if (kind === "other") continue;
    candidates++;
    if (kind === "example") {
      yield {
        message: `Question ${q.number} still has the example's "${m.text}": replace it with a member's study number, or delete it`,
        ...at(m.range),
        question: q.number,
      };
    } else if (kind === "mistyped") {
      yield {
        message: `Question ${q.number} has "${m.text}", which is not a study number (an s and six digits): check it for a missing or extra digit`,
        ...at(m.range),
        question: q.number,
      };
    }
  }
  if (candidates > 0) return;
  yield {
    message: `Question ${q.number} holds no study number: list each member's study number, an s and six digits such as "s123456"`,
    ...atAnswer(q),
  };
}

export const answerFormat = defineRule({
  meta: {
    id: "answer/format",
    description:
      "The group number is written in digits, and study numbers are an s and six digits with no sXXXXXX left",
    docs: "docs/rules/answer/format.md",
    defaultSeverity: "error",
  },
  options: {
    groupQuestion: {
      type: "number",
      default: 1,
      minimum: 1,
      description: "The question that asks for the group number.",
    },
    studyQuestion: {
      type: "number",
      default: 2,
      minimum: 1,
      description: "The question that asks for the members' study numbers.",
    },
  },
  *check({ report, options }) {
    for (const q of report.questions) {
      // An unanswered question is answer/filled's finding.
      if (q.answer.state !== "answered") continue;
      if (q.number === options.groupQuestion) yield* groupNumber(report, q);
      if (q.number === options.studyQuestion) yield* studyNumbers(report, q);
    }
  },
});
