import type { Bounds, MarkState, Report } from "@mlops-report/core";

export type Severity = "error" | "warning" | "info";
/** A rule's configured level; `off` disables it. */
export type RuleLevel = Severity | "off";

/**
 * An edit that resolves a finding without changing what the report says: replace the text between two offsets
 * of `report.source.text` (the text without its byte-order mark) by `text`.
 */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line and column where the finding starts, and where it ends (inclusive line, exclusive column). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The question the finding is about, or null for report-wide findings. */
  question: number | null;
  /** The checklist item id the finding is about, or null. */
  checklistItem: string | null;
  /** How `--fix` resolves the finding, when its rule is fixable and the fix is safe here. */
  fix?: Fix;
}

/** What a rule reports; the engine adds the rule id and severity. */
export interface Finding {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  question?: number | null;
  checklistItem?: string | null;
  /** Overrides the rule's configured severity for this finding only (e.g. a denial is worse than silence). */
  severity?: Severity;
  /** Only from rules whose meta says `fixable`. */
  fix?: Fix;
}

export interface RuleMeta {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Repository-relative path of the rule's docs page, e.g. `docs/rules/answer/word-count.md`. */
  docs: string;
  defaultSeverity: RuleLevel;
  /** True when the rule offers fixes that cannot change what the report says. */
  fixable?: boolean;
}

/** A file of the repository that bears on a checklist item, with the line of a content match. */
export interface RepositoryFileEvidence {
  path: string;
  line?: number;
  text?: string;
}

/** One checklist item with an id: its state, and what the repository around the report shows of its work. */
export interface ChecklistEvidence {
  id: string;
  line: number;
  text: string;
  state: MarkState;
  /** Null without a repository, or when the id has no repository evidence. */
  repository: {
    /**
     * Any trace of the work (null: not looked for, for this id and year or because the item is not ticked);
     * `complete` false when a limit cut a search.
     */
    trace: { found: boolean; complete: boolean; files: RepositoryFileEvidence[] } | null;
    /** The group's own work clearly shown (null: not checked for this id and year). */
    shows: { found: boolean; files: RepositoryFileEvidence[] } | null;
  } | null;
  /** The item's verdict from all its evidence (docs/rules/checklist/verdicts.md); absent without consistency checks. */
  verdict?: ChecklistVerdict;
}

/** One checklist item's verdict, as the JSON output carries it. */
export interface ChecklistVerdict {
  /** The row of the severity table: `agrees`, `denied`, `not-described`, … */
  kind: string;
  /** What the answers say: described, mixed, hedged, denied, absent, unanswered or not-asked. */
  answers: string;
  /** What the repository shows: shows, trace, nothing, unknown or not-checked. */
  repository: string;
  /** The finding's severity before any config change, or null where the evidence agrees. */
  severity: Severity | null;
  /** The rule that reports it, or null. */
  rule: string | null;
  /** One line per piece of evidence the verdict rests on. */
  reasons: string[];
}

/** How a counting rule counts an answer: as the course checker does, or as a reader sees it. */
export type Counting = "official" | "prose";

/** An answer's word or image count as its rule judges it. */
export interface JudgedCount {
  /** The count the rule judged by; null where the course checker, whose count it is, cannot read the report. */
  count: number | null;
  /** The rule's `counting` option. */
  counting: Counting;
  /** The range the config, else the question's prompt, allows; null when neither states one. */
  allowed: Bounds | null;
  /** Counting as the course checker does: what a reader sees, only where that differs, and why it differs. */
  reader?: { count: number; why: string[] };
}

/** One question's counts, as `answer/word-count` and `answer/image-count` judge them. */
export interface QuestionCounts {
  question: number;
  /** 1-based line of the question's heading. */
  line: number;
  words: JudgedCount;
  images: JudgedCount;
}

/** Who a report is by, as `answer/format` reads the group and study-number answers. */
export interface GroupIdentity {
  /** The group question's answer as written, `---` wrappers left out, white space collapsed; null if unanswered. */
  text: string | null;
  /** The first run of digits in the group question's answer; null when it has none or is unanswered. */
  number: string | null;
  /** The study numbers (`s` and six digits, in lower case) of the study question's answer, each once, in order. */
  students: string[];
}

/** One linted report. */
export interface LintResult {
  /** The report's path as the user named it (relative to the working directory where possible). */
  filePath: string;
  report: Report;
  /** Sorted by line, column, rule id. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Per checklist item the config names: its state and the repository's evidence (absent: no checklist ids). */
  checklist?: ChecklistEvidence[];
  /** The line of the checklist item each stable id of the config names (the first item it matches). */
  checklistIds?: Record<string, number>;
  /** Per question in report order, its counts as the counting rules judge them: what every output shows. */
  questionCounts: QuestionCounts[];
  /** The group number and study numbers the report gives. */
  group: GroupIdentity;
}
