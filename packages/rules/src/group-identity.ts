import type { Report } from "@mlops-report/core";
import { answerFormat } from "./builtin/answer-format.js";
import { STUDY_LIKE, studyLikeKind } from "./builtin/study-numbers.js";
import { defaultOptions } from "./define-rule.js";
import type { RuleSetting } from "./engine/lint.js";
import type { GroupIdentity } from "./types.js";

/** The question `answer/format` reads the group number (or the study numbers) from, as the config sets it. */
function questionOf(settings: readonly RuleSetting[] | undefined, option: "groupQuestion" | "studyQuestion") {
  const options = settings?.find((s) => s.rule.meta.id === answerFormat.meta.id)?.options;
  const value = options?.[option] ?? defaultOptions(answerFormat)[option];
  return typeof value === "number" ? value : null;
}

/** The number after the word "group" (`MLOps 02476, group 42`), else the first run of digits; null for none. */
function groupNumberIn(text: string): string | null {
  return text.match(/\bgroup\b\D{0,20}?(\d+)/i)?.[1] ?? text.match(/\d+/)?.[0] ?? null;
}

/**
 * Who the report is by, read as `answer/format` reads it: the group question's answer and the group number in it;
 * the study numbers, the `s` and six digits in the study question's answer, in lower case, each once, in the
 * order written. Unanswered questions give none.
 */
export function groupIdentity(report: Report, settings: readonly RuleSetting[] | undefined): GroupIdentity {
  const groupQuestion = questionOf(settings, "groupQuestion");
  const studyQuestion = questionOf(settings, "studyQuestion");
  const answered = (n: number | null) =>
    report.questions.find((q) => q.number === n && q.answer.state === "answered");
  const group = answered(groupQuestion);
  const study = answered(studyQuestion);
  const students = new Set<string>();
  if (study) {
    const { start, end } = study.answer.range;
    for (const [match] of report.source.text.slice(start.offset, end.offset).matchAll(STUDY_LIKE))
      if (studyLikeKind(match) === "study-number") students.add(match.toLowerCase());
  }
  return {
    text: group ? group.answer.text.replace(/\s+/g, " ").trim() : null,
    number: group ? groupNumberIn(group.answer.text) : null,
    students: [...students],
  };
}
