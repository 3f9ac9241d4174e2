/** Synthetic reports and lint results for the reporters' tests, typed against the real model. */
import type {
  Answer,
  AnswerState,
  Bounds,
  ChecklistItem,
  ChecklistSection,
  Image,
  ImageExistence,
  ImageKind,
  MarkState,
  Question,
  Report,
  TemplateYear,
} from "@mlops-report/core";
import type { ReporterContext } from "@mlops-report/reporters";
import {
  type Diagnostic,
  type GroupIdentity,
  type LintResult,
  questionCounts,
  type RuleMeta,
  type Severity,
} from "@mlops-report/rules";

export function range(line: number, column: number, endLine = line, endColumn = column + 1) {
  return {
    start: { line, column, offset: 0 },
    end: { line: endLine, column: endColumn, offset: 0 },
  };
}

export interface ImageSpec {
  url: string;
  line: number;
  kind?: ImageKind;
  exists?: ImageExistence;
  question?: number | null;
  actualPath?: string;
  alt?: string;
}

export function makeImage(spec: ImageSpec): Image {
  const kind = spec.kind ?? "markdown";
  const local = kind !== "remote" && kind !== "in-code";
  return {
    alt: spec.alt ?? "figure",
    url: spec.url,
    kind,
    syntax: kind === "html" ? "html" : "markdown",
    line: spec.line,
    column: 1,
    range: range(spec.line, 1, spec.line, spec.url.length + 5),
    question: spec.question ?? null,
    resolved: local ? `reports/${spec.url}` : null,
    exists: spec.exists ?? (local ? "exists" : "not-checked"),
    ...(spec.actualPath ? { actualPath: spec.actualPath } : {}),
  };
}

export interface QuestionSpec {
  number: number;
  line: number;
  section?: string | null;
  state?: AnswerState;
  /** Words a reader sees. */
  words?: number;
  /** Words the course checker counts, where they differ from a reader's. */
  officialWords?: number;
  wordBounds?: Bounds;
  imageBounds?: Bounds;
  images?: ImageSpec[];
  text?: string;
  heading?: string;
}

export function makeQuestion(spec: QuestionSpec): Question {
  const state = spec.state ?? "answered";
  const images = (spec.images ?? []).map((image) => makeImage({ ...image, question: spec.number }));
  const rendered = images.filter((image) => image.kind !== "in-code").length;
  const text = spec.text ?? (state === "answered" ? `Answer to question ${spec.number}.` : "");
  const answerLine = spec.line + 4;
  const answer: Answer = {
    state,
    wrapper: "dashes",
    leftoverPlaceholder: false,
    placeholders: state === "placeholder" ? [range(answerLine, 1, answerLine, 30)] : [],
    line: answerLine,
    column: 1,
    range: range(answerLine, 1, answerLine + 2, 4),
    text,
    blocks:
      text === ""
        ? []
        : [{ kind: "paragraph", text, line: answerLine + 1, column: 1, code: [] as [number, number][] }],
    words: {
      official: state === "placeholder" ? 6 : (spec.officialWords ?? spec.words ?? 0),
      prose: spec.words ?? 0,
    },
    imageCount: { official: images.length, prose: rendered },
    images,
    links: [],
    code: [],
  };
  return {
    number: spec.number,
    section: spec.section === undefined ? "Group information" : spec.section,
    heading: spec.heading ?? `Question ${spec.number}`,
    line: spec.line,
    column: 1,
    range: range(spec.line, 1, answerLine + 3, 1),
    prompt: `Prompt of question ${spec.number}`,
    example: null,
    constraints: {
      ...(spec.wordBounds ? { words: spec.wordBounds } : {}),
      ...(spec.imageBounds ? { images: spec.imageBounds } : {}),
    },
    answer,
  };
}

export interface ItemSpec {
  text: string;
  line: number;
  module?: string | null;
  mark?: string;
}

function markState(mark: string): MarkState {
  if (mark === "x" || mark === "X") return "checked";
  return mark === " " ? "unchecked" : "other";
}

export function makeItem(spec: ItemSpec): ChecklistItem {
  const mark = spec.mark ?? "x";
  return {
    text: spec.text,
    module: spec.module === undefined ? "M5" : spec.module,
    mark,
    state: markState(mark),
    line: spec.line,
    column: 1,
    range: range(spec.line, 1, spec.line, spec.text.length + 7),
  };
}

export function makeSection(title: string, line: number, items: ItemSpec[]): ChecklistSection {
  return { title, line, items: items.map(makeItem) };
}

export interface ReportSpec {
  path?: string;
  year?: TemplateYear;
  questionCount?: number;
  questions?: QuestionSpec[];
  checklist?: ChecklistSection[];
  text?: string;
}

export function makeReport(spec: ReportSpec = {}): Report {
  const questions = (spec.questions ?? []).map(makeQuestion);
  const lastLine = Math.max(10, ...questions.map((q) => q.answer.range.end.line + 1));
  const text = spec.text ?? Array.from({ length: lastLine }, (_, i) => `line ${i + 1}`).join("\n");
  const checklist = spec.checklist ?? [];
  return {
    source: {
      path: spec.path ?? "reports/README.md",
      text,
      hadBom: false,
      lineEnding: "lf",
      lineCount: text.split("\n").length,
      frontMatter: null,
    },
    template: {
      year: spec.year ?? 2026,
      questionCount: spec.questionCount ?? questions.length,
      answerStyle: "dashes",
      fingerprints: [],
    },
    checklist: { line: checklist.length > 0 ? (checklist[0]?.line ?? 1) - 2 : null, sections: checklist },
    questions,
    images: questions.flatMap((q) => q.answer.images),
    comments: [],
    official: {
      year: 2026,
      skips: 0,
      expectedAnswers: questions.length,
      answers: questions.length,
      crashes: false,
    },
    problems: [],
  };
}

export interface DiagnosticSpec {
  ruleId: string;
  message: string;
  line: number;
  column?: number;
  severity?: Severity;
  question?: number | null;
  checklistItem?: string | null;
  endLine?: number;
  endColumn?: number;
}

export function makeDiagnostic(spec: DiagnosticSpec): Diagnostic {
  const column = spec.column ?? 1;
  return {
    ruleId: spec.ruleId,
    severity: spec.severity ?? "error",
    message: spec.message,
    line: spec.line,
    column,
    endLine: spec.endLine ?? spec.line,
    endColumn: spec.endColumn ?? column + 1,
    question: spec.question ?? null,
    checklistItem: spec.checklistItem ?? null,
  };
}

/**
 * A result whose counts agree with its diagnostics, which are kept in the order given; its question counts are
 * the course checker's, against the questions' own ranges.
 */
export function makeResult(
  filePath: string,
  report: Report,
  diagnostics: DiagnosticSpec[] = [],
  group: GroupIdentity = { text: null, number: null, students: [] },
): LintResult {
  const list = diagnostics.map(makeDiagnostic);
  return {
    filePath,
    report,
    diagnostics: list,
    errorCount: list.filter((d) => d.severity === "error").length,
    warningCount: list.filter((d) => d.severity === "warning").length,
    infoCount: list.filter((d) => d.severity === "info").length,
    questionCounts: questionCounts(report, undefined, (q) => q.constraints),
    group,
  };
}

export const testRules: readonly RuleMeta[] = [
  {
    id: "answer/word-count",
    description: "An answer's length lies within the band its question states.",
    docs: "docs/rules/answer/word-count.md",
    defaultSeverity: "warning",
  },
  {
    id: "answer/filled",
    description: "Every question has an answer.",
    docs: "docs/rules/answer/filled.md",
    defaultSeverity: "error",
  },
  {
    id: "image/exists",
    description: "Every local image resolves to a file, as GitHub resolves it.",
    docs: "docs/rules/image/exists.md",
    defaultSeverity: "error",
  },
  {
    id: "image/in-code",
    description: "No image sits inside a code span or block, where it renders as code.",
    docs: "docs/rules/image/in-code.md",
    defaultSeverity: "warning",
  },
  {
    id: "checklist/consistency",
    description: "What the checklist claims agrees with what the answers describe.",
    docs: "docs/rules/checklist/consistency.md",
    defaultSeverity: "warning",
  },
  {
    id: "template/structure",
    description: "The report keeps the template's questions, in order, under their headings.",
    docs: "docs/rules/template/structure.md",
    defaultSeverity: "error",
  },
];

export function makeContext(overrides: Partial<ReporterContext> = {}): ReporterContext {
  return {
    rules: testRules,
    cwd: "/home/student/project",
    color: false,
    junitWarnings: false,
    toolVersion: "0.1.0",
    ...overrides,
  };
}
