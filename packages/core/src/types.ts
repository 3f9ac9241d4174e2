/** A point in the source: 1-based line and column (columns count UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A half-open source range [start, end). */
export interface Range {
  start: Point;
  end: Point;
}

export type LineEnding = "lf" | "crlf" | "mixed" | "none";

export interface FrontMatter {
  /** The raw text between the `---` fences. */
  raw: string;
  range: Range;
}

export interface Source {
  path: string;
  /** The text as parsed: BOM stripped, line endings kept. */
  text: string;
  hadBom: boolean;
  lineEnding: LineEnding;
  lineCount: number;
  frontMatter: FrontMatter | null;
}

/** A course year, such as 2026, or `unknown` when no year's template fits. */
export type TemplateYear = number | "unknown";

/** A phrase that tells one year's template from the others of its question count. */
export interface TemplateFingerprint {
  /** Where to look: the text before the first question (title, checklist), or the questions' prompts. */
  in: "preamble" | "prompts";
  pattern: RegExp;
  /** What it shows, for the reasons `inspect` lists, e.g. "mentions uv". */
  says: string;
}

/** What the parser knows of one course year's template; the year presets supply these. */
export interface TemplateYearDefinition {
  year: number;
  /** The number of questions of the template, which is also the number of answers the course checker expects. */
  questionCount: number;
  /** Characters the course checker drops from the start of the file before reading (a front matter), or 0. */
  checkerSkips: number;
  fingerprints: readonly TemplateFingerprint[];
}

export interface Template {
  year: TemplateYear;
  /** Questions the detected template has; the number of `### Question N` headings when unknown. */
  questionCount: number;
  /** `dashes` when most answers keep the template's `--- ... ---` wrapper. */
  answerStyle: "dashes" | "plain";
  /** Why the year was chosen, one short sentence per fingerprint that matched. */
  fingerprints: string[];
}

export type MarkState = "checked" | "unchecked" | "other";

export interface ChecklistItem {
  /** Item text without the list marker and checkbox, continuation lines joined by one space. */
  text: string;
  /** Module tag such as `M8` or `M2+M6`, when the item ends with one in parentheses. */
  module: string | null;
  /** What stands between the brackets, exactly: `x`, `X`, ` `, `(X)`, `%`, `-`, `` (for `[]`). */
  mark: string;
  state: MarkState;
  line: number;
  column: number;
  range: Range;
}

export interface ChecklistSection {
  /** Heading text, e.g. `Week 1`, `Extra`, `Additional`. */
  title: string;
  line: number;
  items: ChecklistItem[];
}

export interface Checklist {
  /** Line of the `## Overall project checklist` heading, or null when the report has none. */
  line: number | null;
  sections: ChecklistSection[];
}

export interface Bounds {
  min: number;
  max: number;
}

export interface Constraints {
  words?: Bounds;
  images?: Bounds;
  /** The prompt line(s) the constraints were read from. */
  sourceText?: string;
}

/**
 * `in-code`: image syntax inside a code span or block, which renders as code. `unrendered`: image syntax that
 * CommonMark does not take as an image (a space in the destination), which renders as text.
 */
export type ImageKind = "markdown" | "reference" | "html" | "remote" | "in-code" | "unrendered";
export type ImageSyntax = "markdown" | "reference" | "html";

export type ImageExistence =
  | "exists"
  | "missing"
  /** Only a file whose name differs in letter case exists (GitHub is case-sensitive). */
  | "case-mismatch"
  | "outside-repository"
  /** Remote images are never looked up; neither are images when no file system was given. */
  | "not-checked";

export interface Image {
  alt: string;
  /** The destination as written (escapes and references resolved, not %-decoded). */
  url: string;
  kind: ImageKind;
  syntax: ImageSyntax;
  line: number;
  column: number;
  range: Range;
  /** Question whose answer holds the image, or null. */
  question: number | null;
  /**
   * Repository-relative path the URL resolves to (POSIX separators), or null for remote images. In-code and
   * unrendered images are resolved too, as they would be if they rendered: whether their file exists tells
   * whether making them render shows a picture.
   */
  resolved: string | null;
  exists: ImageExistence;
  /** For `case-mismatch`: the repository-relative path of a file that does exist. */
  actualPath?: string;
  /** For `case-mismatch`: more than one file differs from the link only in letter case. */
  ambiguousCase?: true;
  /**
   * For a URL that keeps the template's `<name>.<extension>` brackets (`figures/<bucket>.<png>`): the URL without
   * them, when it names a file that exists.
   */
  unbracketedUrl?: string;
  /** For `in-code` images: the code span or code block that holds the image syntax. */
  code?: { kind: "span" | "block"; range: Range };
}

export interface Link {
  text: string;
  url: string;
  line: number;
  column: number;
}

export interface CodeBlock {
  lang: string | null;
  fenced: boolean;
  line: number;
}

/**
 * A unit of rendered answer text that no sentence crosses: a paragraph, a list item, a heading, a table cell,
 * or the text of an HTML block (split at `<br>`). Soft line breaks are spaces; fenced and indented code,
 * images, link destinations and bare URLs are gone; link text, inline code and the text inside HTML tags stay.
 */
export interface TextBlock {
  kind: "paragraph" | "list-item" | "heading" | "table-cell" | "html";
  text: string;
  line: number;
  column: number;
  /** [start, end) offsets into `text` of inline code spans, so that nothing splits inside one. */
  code: [number, number][];
}

export type AnswerState = "answered" | "placeholder" | "empty";
export type AnswerWrapper = "dashes" | "none" | "unbalanced";

export interface WordCounts {
  /** What the course checker counts: whitespace tokens of its raw answer region; null when it crashes. */
  official: number | null;
  /**
   * Words a reader sees: the text blocks' words, plus the words of indented code blocks (a list indented by four
   * spaces renders as code, yet the reader reads it); fenced code does not count.
   */
  prose: number;
}

export interface Answer {
  state: AnswerState;
  wrapper: AnswerWrapper;
  /** True when a `--- question N fill here ---` line stands beside written text. */
  leftoverPlaceholder: boolean;
  /** Where each `--- question N fill here ---` of the answer region stands. */
  placeholders: Range[];
  /** Where the answer region starts (the first line after the prompt); for an empty answer, the prompt's end. */
  line: number;
  column: number;
  range: Range;
  /** The rendered text a reader sees: the blocks' text joined by blank lines. */
  text: string;
  blocks: TextBlock[];
  words: WordCounts;
  imageCount: WordCounts;
  images: Image[];
  links: Link[];
  code: CodeBlock[];
}

export interface Question {
  number: number;
  /** The `##` section the question sits in, e.g. `Coding environment`. */
  section: string | null;
  /** The heading exactly as written, without the leading hashes. */
  heading: string;
  line: number;
  column: number;
  range: Range;
  /** The bold lines of the prompt blockquote, joined. */
  prompt: string;
  /** The italic example text of the prompt, joined; null when the prompt gives none. */
  example: string | null;
  constraints: Constraints;
  answer: Answer;
}

export type StructureProblemKind =
  | "not-a-report"
  | "question-missing"
  | "question-duplicated"
  | "question-out-of-order"
  | "heading-renamed"
  | "title-missing"
  | "checklist-missing"
  | "checklist-unread"
  | "text-outside-question"
  | "answer-count-mismatch";

export interface StructureProblem {
  kind: StructureProblemKind;
  message: string;
  line: number;
  column: number;
  question?: number;
}

/** What the course checker (`report.py check`) computes for the report. */
export interface OfficialCheck {
  /** Whose checker applies: the detected year, or for an unknown template the nearest year by question count. */
  year: number | null;
  /** Characters the checker drops from the start of the file before reading. */
  skips: number;
  expectedAnswers: number;
  /** Answer regions the checker finds by splitting on `Answer:`. */
  answers: number;
  /** True when `answers` differs from `expectedAnswers`: the checker raises and checks nothing. */
  crashes: boolean;
}

export interface Report {
  source: Source;
  template: Template;
  checklist: Checklist;
  questions: Question[];
  /** Every image of the report, in source order (answers' images are also under their answer). */
  images: Image[];
  /** `<!-- ... -->` comments, for inline configuration. */
  comments: { text: string; line: number; column: number }[];
  official: OfficialCheck;
  problems: StructureProblem[];
}
