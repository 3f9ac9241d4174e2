import { readFileSync } from "node:fs";
import type { TemplateYear } from "@mlops-report/core";
import { parse } from "yaml";
import { presetPath } from "../config/presets.js";
import { type CompiledExpression, compileExpression } from "../dsl/index.js";

/** An expression over the repository, for every year or per course year. */
type ByYear = CompiledExpression | ReadonlyMap<number, CompiledExpression>;

/** What the repository can show of one checklist id's work. */
export interface RepositoryEvidence {
  id: string;
  /** When `trace` finds nothing: what the repository lacks, e.g. `no DVC files (no .dvc/ folder, *.dvc or dvc.yaml)`. */
  absent: string;
  /** True when the repository holds any trace of the work; absent: no such check. */
  trace: ByYear | null;
  /** When `shows` holds: what the repository has, e.g. `DVC-tracked data`. */
  present: string;
  /** True only when the repository clearly shows the group's own work; absent: no such check. */
  shows: ByYear | null;
}

export const REPOSITORY_EVIDENCE_NAME = "repository-evidence";

const EMPTY_ENV = { questions: new Set<number>(), checklistIds: new Set<string>() };

function compileOne(file: string, where: string, source: unknown): CompiledExpression {
  if (typeof source !== "string") throw new Error(`${file}: ${where} must be an expression string`);
  const result = compileExpression(source, EMPTY_ENV);
  if (!result.ok) throw new Error(`${file}: ${where}: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.expression;
}

function compileByYear(file: string, where: string, value: unknown): ByYear | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const byYear = new Map<number, CompiledExpression>();
    for (const [year, source] of Object.entries(value)) {
      byYear.set(Number(year), compileOne(file, `${where}.${year}`, source));
    }
    return byYear;
  }
  return compileOne(file, where, value);
}

function text(file: string, where: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${file}: ${where} must be a text`);
  return value;
}

/** Reads and compiles an evidence file: a map from checklist id to its `absent`/`trace`/`present`/`shows`. */
export function parseRepositoryEvidence(file: string, source: string): Map<string, RepositoryEvidence> {
  const data: unknown = parse(source);
  const out = new Map<string, RepositoryEvidence>();
  if (typeof data !== "object" || data === null) return out;
  for (const [id, entry] of Object.entries(data)) {
    if (typeof entry !== "object" || entry === null) throw new Error(`${file}: ${id} must be a map`);
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !["absent", "trace", "present", "shows"].includes(k));
    if (unknown.length > 0) throw new Error(`${file}: ${id}: unknown key ${unknown[0]}`);
    const trace = compileByYear(file, `${id}.trace`, e.trace);
    const shows = compileByYear(file, `${id}.shows`, e.shows);
    out.set(id, {
      id,
      absent: trace ? text(file, `${id}.absent`, e.absent) : "",
      trace,
      present: shows ? text(file, `${id}.present`, e.present) : "",
      shows,
    });
  }
  return out;
}

let loaded: Map<string, RepositoryEvidence> | null = null;

/** The built-in repository evidence per checklist id, read once. */
export function loadRepositoryEvidence(): ReadonlyMap<string, RepositoryEvidence> {
  if (!loaded) {
    const file = presetPath(REPOSITORY_EVIDENCE_NAME);
    loaded = parseRepositoryEvidence(file, readFileSync(file, "utf8"));
  }
  return loaded;
}

/** The expression that applies to a report of this year, if any. */
export function forYear(expr: ByYear | null, year: TemplateYear): CompiledExpression | null {
  if (expr === null) return null;
  if (!(expr instanceof Map)) return expr as CompiledExpression;
  return year === "unknown" ? null : (expr.get(year) ?? null);
}
