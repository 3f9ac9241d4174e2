import type { Question, Report } from "@mlops-report/core";
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

/** An answer as its source has it, its `---` wrappers left out and white space collapsed: what the group wrote. */
function asWritten(report: Report, question: Question): string {
  const { start, end } = question.answer.range;
  const raw = report.source.text.slice(start.offset, end.offset);
  const unwrapped =
    question.answer.wrapper === "dashes" ? raw.replace(/^\s*-{3,}/, "").replace(/-{3,}\s*$/, "") : raw;
  return unwrapped.replace(/\s+/g, " ").trim();
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
    text: group ? asWritten(report, group) : null,
    number: group ? groupNumberIn(group.answer.text) : null,
    students: [...students],
  };
}
