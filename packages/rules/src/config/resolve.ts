import type { ChecklistItem, Constraints, Image, Question, Report, RepositoryView } from "@mlops-report/core";
import { builtinRules } from "../builtin/index.js";
import { fillsOtherTemplate } from "../builtin/util.js";
import { itemsById } from "../checklist-ids.js";
import { defaultOptions, defineRule, type Rule } from "../define-rule.js";
import {
  type CompiledExpression,
  compiledFromAst,
  compileExpression,
  type DslEnvironment,
  type EvalContext,
  type Term,
} from "../dsl/index.js";
import type { LintOptions, RuleSetting } from "../engine/lint.js";
import type { EvidenceHit } from "../evidence/index.js";
import { answerEvidence, type EvidenceStore, termsKey } from "../evidence/store.js";
import { repositoryFunctions } from "../repository/context.js";
import { type RepositoryEvidence, repositoryEvidenceOf } from "../repository/evidence.js";
import type { Finding, RuleLevel, RuleMeta } from "../types.js";
import { sliceWholeCharacters } from "../whole-characters.js";
import { activeIds, type CompiledConsistency, derivedChecks, unknownTermNames } from "./derive.js";
import { ConfigError, type ConfigProblem } from "./errors.js";
import type { ConsistencyConfig, MergedConfig } from "./load.js";
import { questionCountOf } from "./presets.js";
import { regExpFor } from "./regex-safety.js";
import { nodeLength, nodeStart, valueOffsetToSource } from "./yaml-positions.js";

export const CONSISTENCY_RULE_ID = "checklist/consistency";

/** A config ready to lint with: expressions compiled and checked against the config's own ids and questions. */
export interface ResolvedConfig {
  files: readonly string[];
  year: number | null;
  constraints: MergedConfig["constraints"];
  questions: Readonly<Record<number, Constraints>>;
  checklist: ReadonlyMap<string, RegExp>;
  /** What the repository can show of each id's work, for the ids that say. */
  repositoryEvidence: ReadonlyMap<string, RepositoryEvidence>;
  settings: readonly RuleSetting[];
  consistency: readonly CompiledConsistency[];
  /** Every rule the config can report from, built-in and plugin. */
  rules: readonly Rule[];
  /** The severity of a disable comment that disables no finding; `off`: not reported. */
  reportUnusedDisableDirectives: RuleLevel;
}

export interface ResolveOptions {
  /** Regexes not from a preset match in linear time (see `regExpFor`): for a config found in a linted repository. */
  linearRegExps?: boolean;
}

/** Compiles every expression; all problems of all files are reported together. */
export function resolveConfig(merged: MergedConfig, options: ResolveOptions = {}): ResolvedConfig {
  const ids = activeIds(merged);
  const env: DslEnvironment = {
    questions: new Set(Array.from({ length: questionCountOf(merged.year) }, (_, i) => i + 1)),
    checklistIds: new Set(ids.map((entry) => entry.id)),
  };
  const problems: ConfigProblem[] = unknownTermNames(merged).map(({ entry, name }) => ({
    file: entry.origin.file,
    text: entry.origin.text,
    offset: nodeStart(entry.origin.node),
    length: nodeLength(entry.origin.node),
    message: `checklist id ${entry.id} names the terms \`${name}\`, which \`terms\` does not define`,
  }));
  const compile = (entry: ConsistencyConfig, part: "when" | "assert"): CompiledExpression | null => {
    const expr = entry[part];
    if (!expr) return null;
    const regExp = regExpFor(entry.origin.file, !options.linearRegExps);
    if (expr.ast) return compiledFromAst(expr.source, expr.ast, regExp);
    const result = compileExpression(expr.source, { ...env, regExp });
    if (result.ok) return result.expression;
    for (const e of result.errors) {
      const offset = expr.node ? valueOffsetToSource(expr.node, entry.origin.text, e.offset) : 0;
      problems.push({
        file: entry.origin.file,
        text: entry.origin.text,
        offset,
        length: Math.max(1, e.length),
        // After `file:line:col:` messages start in lower case, like the loader's own.
        message: e.message.charAt(0).toLowerCase() + e.message.slice(1),
        ...(e.suggestion ? { suggestion: e.suggestion } : {}),
      });
    }
    return null;
  };
  const consistency: CompiledConsistency[] = derivedChecks(merged);
  for (const entry of merged.consistency.values()) {
    const when = compile(entry, "when");
    const assert = compile(entry, "assert");
    if (assert)
      consistency.push({ name: entry.name, when, assert, message: entry.message, severity: entry.severity });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const rules = [...builtinRules, ...merged.plugins];
  const settings: RuleSetting[] = rules.map((rule) => {
    const configured = merged.rules.get(rule.meta.id);
    return {
      rule,
      level: configured?.level ?? rule.meta.defaultSeverity,
      options: { ...defaultOptions(rule), ...configured?.options },
    };
  });
  return {
    files: merged.files,
    year: merged.year,
    constraints: merged.constraints,
    questions: merged.questions,
    checklist: new Map(ids.map((entry) => [entry.id, entry.match!])),
    repositoryEvidence: repositoryEvidenceOf(ids),
    settings,
    consistency,
    rules,
    reportUnusedDisableDirectives: merged.reportUnusedDisableDirectives ?? "off",
  };
}

/** A piece of evidence a message can quote: the term found (null for an image), its sentence or source line. */
interface Quote {
  question: number;
  term: string | null;
  text: string;
  line: number;
}

/** What one rule's evaluation came across: the first denial and the first assertion, for its message. */
interface Quotes {
  denial: Quote | null;
  mention: Quote | null;
}

/** The images `images()` counts: those that render (not written in code, not mangled into text). */
const SHOWN_IMAGE_KINDS: ReadonlySet<Image["kind"]> = new Set(["markdown", "reference", "html", "remote"]);

function evalContext(
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
  quotes: Quotes,
  repository: RepositoryView | null,
  store: EvidenceStore | null,
): EvalContext {
  const question = (n: number): Question | undefined => report.questions.find((q) => q.number === n);
  const blocks = (n: number) => question(n)?.answer.blocks ?? [];
  const ticked = report.checklist.sections.reduce(
    (n, s) => n + s.items.filter((i) => i.state === "checked").length,
    0,
  );
  // The presets ask about the same answer and terms in up to six expressions per checklist item: each such
  // pair is looked up once per report, in the store of past runs when there is one, else analysed.
  const found = new Map<string, EvidenceHit[]>();
  const hits = (n: number, terms: readonly Term[]): EvidenceHit[] => {
    const key = `${n}\n${termsKey(terms)}`;
    let result = found.get(key);
    if (!result) {
      result = answerEvidence(blocks(n), terms, store);
      found.set(key, result);
    }
    return result;
  };
  // The first hit of each kind is kept: with `or` short-circuiting, that is the one that decided the result.
  const evidence = (n: number, terms: readonly Term[], status: "asserted" | "negated"): boolean => {
    const hit = hits(n, terms).find((h) => h.status === status);
    const slot = status === "negated" ? "denial" : "mention";
    if (hit && !quotes[slot])
      quotes[slot] = { question: n, term: hit.term, text: hit.sentence, line: hit.line };
    return hit !== undefined;
  };
  return {
    checked: (id) => items.get(id)?.state === "checked",
    unchecked: (id) => items.get(id)?.state === "unchecked",
    answered: (n) => question(n)?.answer.state === "answered",
    words: (n) => question(n)?.answer.words.prose ?? 0,
    images: (n) => {
      const q = question(n);
      const count = q?.answer.imageCount.prose ?? 0;
      const image = q?.answer.images.find((im) => SHOWN_IMAGE_KINDS.has(im.kind));
      if (image && !quotes.mention) {
        const text = report.source.text.slice(image.range.start.offset, image.range.end.offset);
        quotes.mention = { question: n, term: null, text, line: image.line };
      }
      return count;
    },
    mentions: (n, terms: readonly Term[]) => evidence(n, terms, "asserted"),
    negated: (n, terms: readonly Term[]) => evidence(n, terms, "negated"),
    count: (n, terms: readonly Term[]) => hits(n, terms).length,
    answers: () => report.questions.map((q) => q.number),
    matches: (n, re) => {
      const q = question(n);
      if (!q) return false;
      // Searches the answer as written, code included: commands in code blocks are evidence too.
      const text = report.source.text.slice(q.answer.range.start.offset, q.answer.range.end.offset);
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m && !quotes.mention) {
        const start = text.lastIndexOf("\n", m.index) + 1;
        const end = text.indexOf("\n", m.index);
        const line = q.answer.range.start.line + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
        const source = text.slice(start, end < 0 ? undefined : end).trim();
        quotes.mention = { question: n, term: m[0], text: source, line };
      }
      return m !== null;
    },
    ticked: () => ticked,
    ...repositoryFunctions(repository, report.source.path, { hits: [], incomplete: false }),
  };
}

/** Where a failed assertion points: the answer or checklist line it names first. */
function locate(
  expr: CompiledExpression,
  report: Report,
  items: ReadonlyMap<string, ChecklistItem>,
): Finding {
  for (const ref of expr.references) {
    if (ref.kind === "question") {
      const q = report.questions.find((x) => x.number === ref.number);
      if (q) {
        const { start, end } = q.answer.range;
        return {
          message: "",
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          question: q.number,
        };
      }
    } else {
      const item = items.get(ref.id);
      if (item) return { message: "", line: item.line, column: item.column, checklistItem: ref.id };
    }
  }
  return { message: "", line: 1, column: 1 };
}

/** The checklist id a consistency rule is about: the first one its `when`, else its `assert`, names. */
function itemIdOf(c: CompiledConsistency): string | null {
  const ref = [...(c.when?.references ?? []), ...c.assert.references].find((r) => r.kind === "checklist");
  return ref?.kind === "checklist" ? ref.id : null;
}

/** The evidence a rule's message quotes: `{denial}`'s, else `{mention}`'s, else none. */
function quotedBy(c: CompiledConsistency, quotes: Quotes): Quote | null {
  if (c.message.includes("{denial}")) return quotes.denial;
  if (c.message.includes("{mention}")) return quotes.mention;
  return null;
}

/**
 * A finding that quotes an answer sits at the quoted line, under the quoted question, so that it is listed
 * with the text it talks about; other findings keep the place the expression names.
 */
function placeAtQuote(at: Finding, report: Report, quote: Quote | null): Finding {
  const q = quote && report.questions.find((x) => x.number === quote.question);
  if (!quote || !q) return at;
  const line = {
    line: quote.line,
    column: 1,
    endLine: quote.line,
    endColumn: lineLength(report, quote.line) + 1,
  };
  return { message: "", ...line, question: q.number };
}

/** Length of a 1-based source line, without its line ending. */
function lineLength(report: Report, line: number): number {
  const text = report.source.text;
  let start = 0;
  for (let n = 1; n < line && start !== -1; n++) start = text.indexOf("\n", start) + 1 || -1;
  if (start === -1) return 0;
  const end = text.indexOf("\n", start);
  return (end === -1 ? text.length : end) - start - (text[end - 1] === "\r" ? 1 : 0);
}

/** Longest quoted text; a longer sentence is cut to a window around the term. */
const QUOTE_LENGTH = 160;

/** `"sentence" (line N)`, shortened around the term when the sentence is long. */
function quoteEvidence(quote: Quote): string {
  const { text, term } = quote;
  let shown = text;
  if (text.length > QUOTE_LENGTH) {
    const at = Math.max(0, term === null ? 0 : text.toLowerCase().indexOf(term.toLowerCase()));
    let start = Math.max(0, Math.min(at - 60, text.length - QUOTE_LENGTH));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + QUOTE_LENGTH);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > at + (term?.length ?? 0)) end = space;
    }
    shown = `${start > 0 ? "…" : ""}${sliceWholeCharacters(text, start, end).trim()}${end < text.length ? "…" : ""}`;
  }
  return `"${shown}" (line ${quote.line})`;
}

/**
 * The placeholders of a message. `{item}` and `{line}`: the first checklist item the rule names, quoted, and
 * its line. `{denial}` and `{mention}`: the first denying and the first asserting evidence the evaluation
 * found, quoted with its line. `{term}` and `{question}`: the term (quoted, or "an image") and question of
 * that evidence, the denial first; without evidence, `{question}` is the first question the rule names.
 */
function fillMessage(
  c: CompiledConsistency,
  items: ReadonlyMap<string, ChecklistItem>,
  quotes: Quotes,
): string {
  const refs = [...(c.when?.references ?? []), ...c.assert.references];
  const itemRef = refs.find((r) => r.kind === "checklist");
  const questionRef = refs.find((r) => r.kind === "question");
  const item = itemRef?.kind === "checklist" ? items.get(itemRef.id) : undefined;
  const evidence = quotes.denial ?? quotes.mention;
  const question = evidence?.question ?? (questionRef?.kind === "question" ? questionRef.number : undefined);
  const values: Record<string, string> = {
    item: item ? `"${item.text}"` : "the checklist item",
    line: item ? String(item.line) : "?",
    question: question === undefined ? "?" : String(question),
    term: evidence ? (evidence.term === null ? "an image" : `"${evidence.term}"`) : "?",
    denial: quotes.denial ? quoteEvidence(quotes.denial) : "?",
    mention: quotes.mention ? quoteEvidence(quotes.mention) : "?",
  };
  // One pass, so that a placeholder inside quoted text is left alone.
  return c.message.replace(
    /\{(item|line|question|term|denial|mention)\}/g,
    (_, name: string) => values[name]!,
  );
}

export const CONSISTENCY_META: RuleMeta = {
  id: CONSISTENCY_RULE_ID,
  description: "The checklist agrees with the answers, as the config's consistency expressions say",
  docs: "docs/rules/checklist/consistency.md",
  defaultSeverity: "warning",
};

/** The `checklist/consistency` rule: every configured expression, evaluated on the report. */
export function consistencyRule(config: ResolvedConfig): Rule {
  return defineRule({
    meta: CONSISTENCY_META,
    *check({ report, repository, evidenceStore }) {
      if (config.consistency.length === 0 || report.checklist.sections.length === 0) return;
      const items = itemsById(report, config.checklist);
      const quotes: Quotes = { denial: null, mention: null };
      const ctx = evalContext(report, items, quotes, repository, evidenceStore);
      for (const c of config.consistency) {
        // A rule about the repository says nothing of a report that has none.
        if (repository === null && (c.when?.usesRepository || c.assert.usesRepository)) continue;
        quotes.denial = null;
        quotes.mention = null;
        if (c.when && !c.when.evaluate(ctx)) continue;
        if (c.assert.evaluate(ctx)) continue;
        const at = placeAtQuote(locate(c.assert, report, items), report, quotedBy(c, quotes));
        const checklistItem = itemIdOf(c);
        yield { ...at, checklistItem, message: fillMessage(c, items, quotes), severity: c.severity };
      }
    },
  });
}

/**
 * Lint options for one report: the config's constraints and rules, unless the report fills another year's
 * template than the config describes. Then question constraints and consistency rules (numbered for the other
 * year) would mislead: the report keeps its prompts' constraints and template/structure says why, once.
 */
export function lintOptionsFor(
  config: ResolvedConfig,
  report: Report,
): Pick<
  LintOptions,
  "rules" | "constraints" | "expected" | "checklist" | "repositoryEvidence" | "reportUnusedDisableDirectives"
> {
  const expected =
    config.year === null ? undefined : { year: config.year, questionCount: questionCountOf(config.year) };
  const mismatch = fillsOtherTemplate(report, expected);
  const consistencyLevel = config.settings.find((s) => s.rule.meta.id === CONSISTENCY_RULE_ID)?.level;
  const rules = [...config.settings];
  if (!mismatch && config.consistency.length > 0 && consistencyLevel !== "off") {
    rules.push({ rule: consistencyRule(config), level: consistencyLevel ?? "warning", options: {} });
  }
  return {
    rules,
    constraints: mismatch || config.constraints === "from-template" ? {} : config.questions,
    checklist: config.checklist,
    repositoryEvidence: config.repositoryEvidence,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    ...(expected ? { expected } : {}),
  };
}
