import type { Blockquote, Heading, Nodes, RootContent } from "mdast";
import { BlockRenderer } from "./blocks.js";
import { readChecklist } from "./checklist.js";
import { readConstraints } from "./constraints.js";
import { type FoundImage, takeInventory } from "./inventory.js";
import { officialImageCount, officialRegions, officialWordCount } from "./official.js";
import { PLACEHOLDER, QUESTION_HEADING } from "./patterns.js";
import { mergeInOrder, type PlainList, parseWithPlainChecklists } from "./plain-checklist.js";
import { type FileProbe, findRepositoryRoot, nodeFileProbe, resolveImage } from "./resolve.js";
import type { SectionStore } from "./sections.js";
import { detectLineEnding, findFrontMatter, LineIndex, stripBom } from "./source.js";
import { replaceComments } from "./syntax-scan.js";
import { detectTemplate, nearestFamily } from "./template.js";
import { plainText } from "./tree.js";
import type {
  Answer,
  AnswerState,
  AnswerWrapper,
  Checklist,
  Image,
  OfficialCheck,
  Question,
  Report,
  StructureProblem,
  Template,
  TemplateYearDefinition,
} from "./types.js";
import { foldSpaces, proseWordCount } from "./whitespace.js";

export interface ParseOptions {
  /** The report's path: shown in the model, and where its images are looked up from. */
  path?: string;
  /**
   * Where local images are looked up. Default: the real file system when `path` is given. `false`: images are
   * not looked up (`exists: "not-checked"`).
   */
  files?: FileProbe | false;
  /** The repository root for `/`-rooted links; default: found from `path` (see `findRepositoryRoot`). */
  repositoryRoot?: string;
  /** The course years whose templates a report may fill (the year presets say them); none: the year is unknown. */
  years?: readonly TemplateYearDefinition[];
  /** Trees of sections parsed before (see `parseBySection`); none: the text is parsed whole. */
  sections?: SectionStore;
}

export const TEMPLATE_TITLE = "Exam template for 02476 Machine Learning Operations";
const CHECKLIST_SECTION = /^(?:week\s*\d+|extra|additional)\b/i;
/** A line that reads as a checklist item: a bullet or number, then a box. */
const CHECKLIST_LINE = /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+\[[^\]\n]{0,5}\]/gm;

/** Where the last line that reads as a checklist item starts between two offsets, or -1. */
function lastChecklistLine(text: string, from: number, to: number): number {
  CHECKLIST_LINE.lastIndex = from;
  let last = -1;
  for (let m = CHECKLIST_LINE.exec(text); m && m.index < to; m = CHECKLIST_LINE.exec(text)) last = m.index;
  return last;
}
const RENDERED_KINDS = new Set<Image["kind"]>(["markdown", "reference", "html", "remote"]);

interface HeadingInfo {
  node: Heading;
  depth: number;
  text: string;
  start: number;
  end: number;
  question: number | null;
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

function blockStart(node: RootContent | PlainList): number {
  return node.type === "plainList" ? node.start : startOf(node);
}

/** Only `#` headings structure a report: a `---` line under text makes a setext heading, which is answer text. */
function atxHeadings(nodes: readonly RootContent[], text: string): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  for (const node of nodes) {
    if (node.type !== "heading" || !/^ {0,3}#/.test(text.slice(startOf(node), startOf(node) + 4))) continue;
    const label = plainText(node).trim();
    const m = node.depth >= 2 && node.depth <= 4 ? QUESTION_HEADING.exec(label) : null;
    out.push({
      node,
      depth: node.depth,
      text: label,
      start: startOf(node),
      end: endOf(node),
      question: m ? Number.parseInt(m[1]!, 10) : null,
    });
  }
  return out;
}

function answerState(
  raw: string,
  hadPlaceholder: boolean,
): { state: AnswerState; leftover: boolean; wrapper: AnswerWrapper } {
  // Each pattern needs a character most answers lack (or, for the placeholder, a match already found):
  // copying the whole answer once per pattern is then left out.
  let rest = hadPlaceholder ? raw.replace(PLACEHOLDER, "") : raw;
  if (rest.includes("<!--")) rest = replaceComments(rest, () => "");
  if (rest.includes(">")) rest = rest.replace(/^[ \t]*>[ \t]*$/gm, "");
  const residue = rest.trim();
  if (residue === "")
    return { state: hadPlaceholder ? "placeholder" : "empty", leftover: false, wrapper: "none" };
  const opens = residue.startsWith("---");
  const closes = residue.endsWith("---");
  const wrapper: AnswerWrapper =
    opens && closes && residue.length >= 6 ? "dashes" : opens || closes ? "unbalanced" : "none";
  return { state: "answered", leftover: hadPlaceholder, wrapper };
}

/** The text of a prompt blockquote before `Answer:`, with `>` markers removed. */
function promptSource(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/^[ \t]*>[ \t]?/gm, "");
}

function strongText(
  quote: Blockquote | undefined,
  before: number,
): { prompt: string; example: string | null } {
  if (!quote) return { prompt: "", example: null };
  const bold: string[] = [];
  const example: string[] = [];
  let inExample = false;
  for (const para of quote.children) {
    if (para.type !== "paragraph" || startOf(para) >= before) continue;
    for (const child of para.children) {
      if (child.type === "strong") bold.push(plainText(child).trim());
      else if (child.type === "emphasis" && inExample) example.push(plainText(child).trim());
      else if (child.type === "text" && /Example:/i.test(child.value)) inExample = true;
    }
  }
  return {
    prompt: foldSpaces(bold.join(" ")),
    example: example.length ? foldSpaces(example.join(" ")) : null,
  };
}

/** Whose checker applies: the detected year's, or for an unknown template the nearest year's by question count. */
function checkerOf(
  year: Template["year"],
  questionHeadings: number,
  years: readonly TemplateYearDefinition[],
): TemplateYearDefinition | undefined {
  return years.find((y) => y.year === year) ?? nearestFamily(questionHeadings, years)[0];
}

/** The template's example `figures/<image>.<extension>` kept with its brackets. */
const TEMPLATE_BRACKETS = /<[^<>/]+>/;

/** Parses a report into its model. Never throws on any string. */
export function parse(input: string, options: ParseOptions = {}): Report {
  const { text, hadBom } = stripBom(input);
  const index = new LineIndex(text);
  const frontMatter = findFrontMatter(text, index);
  // Blank the front matter out, keeping offsets, so that markdown does not read it as a rule and a heading.
  const md = frontMatter
    ? text.slice(0, frontMatter.range.end.offset).replace(/[^\r\n]/g, " ") +
      text.slice(frontMatter.range.end.offset)
    : text;
  // Plain checklist blocks are read without the markdown parser, up to the first question: answers need the tree.
  const {
    tree,
    plainLists,
    outline: headings,
  } = parseWithPlainChecklists(
    md,
    (nodes) => {
      const found = atxHeadings(nodes, text);
      return { value: found, limit: found.find((h) => h.question !== null)?.start ?? text.length };
    },
    options.sections,
  );
  const top = tree.children;
  /** Top-level nodes with the plain checklist blocks' lists, for the checklist and the structure checks. */
  const topWithLists = mergeInOrder(top, plainLists);
  // Offsets of the top-level nodes, read once: the node shapes vary, which makes reading them per question slow.
  const topStarts = top.map(startOf);
  const topEnds = top.map(endOf);
  const inventory = takeInventory(tree, index);
  const problems: StructureProblem[] = [];
  const problem = (
    kind: StructureProblem["kind"],
    message: string,
    offset: number,
    question?: number,
  ): void => {
    const p = index.point(offset);
    problems.push({
      kind,
      message,
      line: p.line,
      column: p.column,
      ...(question === undefined ? {} : { question }),
    });
  };

  const questionHeadings = headings.filter((h) => h.question !== null);
  // The `##` section each question heading stands in: the last such heading before it that is no question.
  const sectionOf = new Map<HeadingInfo, HeadingInfo>();
  let currentSection: HeadingInfo | undefined;
  for (const h of headings) {
    if (h.question !== null) {
      if (currentSection) sectionOf.set(h, currentSection);
    } else if (h.depth === 2) currentSection = h;
  }
  /** The top-level nodes that overlap [from, to): a run of them, as they are in source order. */
  const topWithin = (from: number, to: number): RootContent[] => {
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (topEnds[mid]! > from) hi = mid;
      else lo = mid + 1;
    }
    let last = lo;
    while (last < top.length && topStarts[last]! < to) last++;
    return top.slice(lo, last);
  };
  const firstQuestionStart = questionHeadings[0]?.start ?? text.length;

  // Checklist: the `##` section whose heading names it.
  const checklistHeading = headings.find(
    (h) => h.depth === 2 && h.question === null && /checklist/i.test(h.text),
  );
  const checklist: Checklist = { line: null, sections: [] };
  if (checklistHeading) {
    // Some groups promote `### Week 1` to `## Week 1`, or leave stray `#` lines of the template's preamble above
    // the items: the checklist runs on to the first top-level heading after its last item.
    const lastItem = lastChecklistLine(text, checklistHeading.end, firstQuestionStart);
    const end =
      headings.find(
        (h) =>
          h.start > Math.max(checklistHeading.start, lastItem) &&
          h.depth <= 2 &&
          !CHECKLIST_SECTION.test(h.text),
      )?.start ?? text.length;
    checklist.line = index.point(checklistHeading.start).line;
    checklist.sections = readChecklist(
      topWithLists.filter((node) => {
        const start = blockStart(node);
        return start > checklistHeading.end && start < end;
      }),
      index,
    );
  }

  // Template year, from fingerprints of the text before the questions and of the prompts.
  const promptTexts: string[] = [];
  const regions = questionHeadings.map((h) => {
    const next = headings.find((o) => o.start > h.start && (o.question !== null || o.depth <= 2));
    return { heading: h, end: next?.start ?? text.length };
  });
  const answerStarts = regions.map(({ heading, end }) => {
    const quote = top.find(
      (n, i): n is Blockquote =>
        n.type === "blockquote" && topStarts[i]! >= heading.end && topStarts[i]! < end,
    );
    const at = text.indexOf("Answer:", heading.end);
    const answerStart = at !== -1 && at < end ? at + "Answer:".length : quote ? endOf(quote) : heading.end;
    const promptEnd = at !== -1 && at < end ? at : answerStart;
    promptTexts.push(promptSource(text, heading.end, promptEnd));
    return { quote, answerStart, promptEnd };
  });
  const years = options.years ?? [];
  const detected = detectTemplate(
    {
      questionHeadings: questionHeadings.length,
      hasFrontMatter: frontMatter !== null,
      preamble: text.slice(0, firstQuestionStart),
      prompts: promptTexts.join("\n"),
    },
    years,
  );

  const checker = checkerOf(detected.year, questionHeadings.length, years);
  const skips = checker?.checkerSkips ?? 0;
  const official = officialRegions(text, skips);
  const expectedAnswers = checker?.questionCount ?? questionHeadings.length;
  const officialCheck: OfficialCheck = {
    year: checker?.year ?? null,
    skips,
    expectedAnswers,
    answers: official.length,
    crashes: official.length !== expectedAnswers,
  };

  const probe =
    options.files === false || options.path === undefined ? null : (options.files ?? nodeFileProbe());
  const root =
    probe && options.path ? (options.repositoryRoot ?? findRepositoryRoot(options.path, probe)) : null;
  const toImage = (found: FoundImage, question: number | null): Image => {
    const p = index.point(found.start);
    const image: Image = {
      alt: found.alt,
      url: found.url,
      kind: found.kind,
      syntax: found.syntax,
      line: p.line,
      column: p.column,
      range: { start: p, end: index.point(found.end) },
      question,
      resolved: null,
      exists: "not-checked",
    };
    if (found.code) {
      const range = { start: index.point(found.code.start), end: index.point(found.code.end) };
      image.code = { kind: found.code.kind, range };
    }
    if (found.kind !== "remote" && probe && root && options.path) {
      const r = resolveImage(found.url, options.path, root, probe);
      image.resolved = r.resolved;
      image.exists = r.exists;
      if (r.actualPath) image.actualPath = r.actualPath;
      if (r.ambiguousCase) image.ambiguousCase = true;
      if (r.exists !== "exists" && TEMPLATE_BRACKETS.test(found.url)) {
        const url = found.url.replace(/[<>]/g, "");
        if (resolveImage(url, options.path, root, probe).exists === "exists") image.unbracketedUrl = url;
      }
    }
    return image;
  };

  const images: Image[] = [];
  const imageAt = new Map<FoundImage, Image>();
  const questions: Question[] = regions.map(({ heading, end }, i) => {
    const { quote, answerStart, promptEnd } = answerStarts[i]!;
    const number = heading.question!;
    const raw = text.slice(answerStart, end);
    // Every placeholder holds `---`: answers without one are not scanned.
    const placeholders = raw.includes("---") ? [...raw.matchAll(PLACEHOLDER)] : [];
    const { state, leftover, wrapper } = answerState(raw, placeholders.length > 0);
    const lead = raw.length - raw.trimStart().length;
    const contentStart = state === "empty" ? answerStart : answerStart + lead;
    const contentEnd = state === "empty" ? answerStart : answerStart + raw.trimEnd().length;
    const renderer = new BlockRenderer(index, answerStart, end);
    renderer.render(topWithin(answerStart, end));
    const blocks = renderer.blocks;
    const found = inventory.images.filter((im) => im.start >= answerStart && im.start < end);
    const answerImages = found.map((f) => {
      const image = toImage(f, number);
      imageAt.set(f, image);
      return image;
    });
    const code = inventory.code.filter((c) => c.start >= answerStart && c.start < end);
    const officialRegion = officialCheck.crashes ? undefined : official[number - 1];
    const answer: Answer = {
      state,
      wrapper,
      leftoverPlaceholder: leftover,
      placeholders: placeholders.map((m) =>
        index.range(answerStart + m.index, answerStart + m.index + m[0].length),
      ),
      line: index.point(contentStart).line,
      column: index.point(contentStart).column,
      range: index.range(contentStart, contentEnd),
      text: blocks.map((b) => b.text).join("\n\n"),
      blocks,
      words: {
        official: officialRegion === undefined ? null : officialWordCount(officialRegion),
        prose: blocks.reduce((n, b) => n + proseWordCount(b.text), 0) + code.reduce((n, c) => n + c.words, 0),
      },
      imageCount: {
        official: officialRegion === undefined ? null : officialImageCount(officialRegion),
        prose: answerImages.filter((im) => RENDERED_KINDS.has(im.kind)).length,
      },
      images: answerImages,
      links: inventory.links
        .filter((l) => l.start >= answerStart && l.start < end)
        .map((l) => ({ text: l.text, url: l.url, ...pointOf(index, l.start) })),
      code: code.map(({ lang, fenced, line }) => ({ lang, fenced, line })),
    };
    const section = sectionOf.get(heading);
    const { prompt, example } = strongText(quote, promptEnd);
    const p = index.point(heading.start);
    return {
      number,
      section: section?.text ?? null,
      heading: text
        .slice(heading.start, heading.end)
        .replace(/^ {0,3}#+\s*/, "")
        .replace(/\s+#*\s*$/, ""),
      line: p.line,
      column: p.column,
      range: index.range(heading.start, end),
      prompt,
      example,
      constraints: readConstraints(promptTexts[i]!),
      answer,
    };
  });
  for (const f of inventory.images) images.push(imageAt.get(f) ?? toImage(f, null));

  const template: Template = {
    ...detected,
    questionCount: detected.year === "unknown" ? questionHeadings.length : detected.questionCount,
    answerStyle: answerStyleOf(questions),
  };

  findStructureProblems({
    text,
    headings,
    questions,
    template,
    regions,
    topWithLists,
    officialCheck,
    checklist,
    checklistStart: checklistHeading?.start ?? 0,
    problem,
  });

  return {
    source: {
      path: options.path ?? "",
      text,
      hadBom,
      lineEnding: detectLineEnding(text),
      lineCount: index.lineCount,
      frontMatter,
    },
    template,
    checklist,
    questions,
    images,
    comments: inventory.comments.map((c) => ({ text: c.text, ...pointOf(index, c.start) })),
    official: officialCheck,
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

function pointOf(index: LineIndex, offset: number): { line: number; column: number } {
  const p = index.point(offset);
  return { line: p.line, column: p.column };
}

function answerStyleOf(questions: readonly Question[]): Template["answerStyle"] {
  const answered = questions.filter((q) => q.answer.state === "answered");
  const dashed = answered.filter((q) => q.answer.wrapper === "dashes").length;
  return answered.length > 0 && dashed * 2 > answered.length ? "dashes" : "plain";
}

interface StructureInput {
  text: string;
  headings: HeadingInfo[];
  questions: Question[];
  template: Template;
  regions: { heading: HeadingInfo; end: number }[];
  topWithLists: readonly (RootContent | PlainList)[];
  officialCheck: OfficialCheck;
  checklist: Checklist;
  /** Where the checklist's heading starts. */
  checklistStart: number;
  problem: (kind: StructureProblem["kind"], message: string, offset: number, question?: number) => void;
}

function findStructureProblems(s: StructureInput): void {
  const { headings, questions, template, regions, problem } = s;
  if (questions.length === 0) {
    problem("not-a-report", "No `### Question N` headings: this does not look like an exam report", 0);
    return;
  }
  const firstSection = headings.find((h) => h.depth === 2);
  const title = headings.find(
    (h) => h.depth === 1 && h.start < (firstSection?.start ?? Number.POSITIVE_INFINITY),
  );
  if (!title) {
    problem("title-missing", `The report has no title; the template's is \`# ${TEMPLATE_TITLE}\``, 0);
  } else if (title.text !== TEMPLATE_TITLE) {
    problem(
      "heading-renamed",
      `The title reads \`# ${title.text}\`; the template's is \`# ${TEMPLATE_TITLE}\``,
      title.start,
    );
  }
  if (s.checklist.line === null) {
    problem("checklist-missing", "The report has no `## Overall project checklist` section", 0);
  } else if (s.checklist.sections.every((section) => section.items.length === 0)) {
    problem(
      "checklist-unread",
      "The checklist section holds no item that reads as `- [x] …` or `- [ ] …`, so no checklist finding can be made",
      s.checklistStart,
    );
  }

  const seen = new Map<number, Question>();
  let previous: Question | null = null;
  for (const [i, q] of questions.entries()) {
    const h = regions[i]!.heading;
    const first = seen.get(q.number);
    if (first) {
      problem(
        "question-duplicated",
        `Question ${q.number} appears twice (first at line ${first.line})`,
        h.start,
        q.number,
      );
    } else seen.set(q.number, q);
    if (previous && q.number < previous.number) {
      problem(
        "question-out-of-order",
        `Question ${q.number} comes after Question ${previous.number}`,
        h.start,
        q.number,
      );
    }
    if (h.depth !== 3 || h.text !== `Question ${q.number}`) {
      problem(
        "heading-renamed",
        `The heading \`${"#".repeat(h.depth)} ${h.text}\` should read \`### Question ${q.number}\``,
        h.start,
        q.number,
      );
    }
    previous = q;
  }
  const expected = template.questionCount;
  for (let n = 1; n <= expected; n++) {
    if (seen.has(n)) continue;
    const next = questions.find((q) => q.number > n);
    const offset = next ? regions[questions.indexOf(next)]!.heading.start : s.text.length;
    problem(
      "question-missing",
      `Question ${n} is missing: there is no \`### Question ${n}\` heading`,
      offset,
      n,
    );
  }
  for (const q of questions) {
    if (q.number > expected && template.year !== "unknown") {
      problem(
        "question-missing",
        `Question ${q.number} is not in the ${template.year} template, which has ${expected} questions`,
        regions[questions.indexOf(q)]!.heading.start,
        q.number,
      );
    }
  }

  // Text between questions that no answer owns: a `##` section heading and its intro quote are the template's.
  const firstQuestion = regions[0]!.heading.start;
  const sectionStart = headings
    .filter((h) => h.depth <= 2 && h.question === null && h.start < firstQuestion)
    .at(-1);
  const from = sectionStart?.start ?? firstQuestion;
  let afterSectionHeading = false;
  for (const node of s.topWithLists) {
    const start = blockStart(node);
    if (start < from) continue;
    if (regions.some((r) => start >= r.heading.start && start < r.end)) {
      afterSectionHeading = false;
      continue;
    }
    if (node.type === "heading" && node.depth <= 2) {
      afterSectionHeading = true;
      continue;
    }
    if ((node.type === "blockquote" && afterSectionHeading) || node.type === "thematicBreak") continue;
    if (node.type === "html" && replaceComments(node.value, () => "").trim() === "") continue;
    afterSectionHeading = false;
    problem("text-outside-question", "Text outside any question: no answer owns it", start);
  }

  if (s.officialCheck.crashes) {
    problem(
      "answer-count-mismatch",
      `The course checker finds ${s.officialCheck.answers} answers where it expects ${s.officialCheck.expectedAnswers}: it stops with an error and checks nothing (an \`Answer:\` or \`###\` inside an answer shifts its count)`,
      0,
    );
  }
}
