import type { TemplateYear } from "@mlops-report/core";
import type { ChecklistIdConfig, RepositoryEvidenceConfig, YearExpressions } from "../config/load.js";
import { type CompiledExpression, compiledFromAst, compileExpression } from "../dsl/index.js";
import { REPOSITORY_ONLY_NAMES } from "./context.js";

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

/** The loader already checked every expression, so a failure here is a bug, not a config problem. */
function compileOne(id: string, source: string): CompiledExpression {
  const result = compileExpression(source, REPOSITORY_ONLY_NAMES);
  if (!result.ok) throw new Error(`repository evidence of ${id}: ${result.errors[0]?.message}`);
  return result.expression;
}

const compiled = new Map<string, CompiledExpression>();

function compileByYear(
  id: string,
  value: YearExpressions | undefined,
  ast: RepositoryEvidenceConfig["ast"],
): ByYear | null {
  if (value === undefined) return null;
  const one = (source: string) => {
    let expr = compiled.get(source);
    if (!expr) {
      const tree = ast?.[source];
      expr = tree ? compiledFromAst(source, tree) : compileOne(id, source);
      compiled.set(source, expr);
    }
    return expr;
  };
  if (typeof value === "string") return one(value);
  return new Map(Object.entries(value).map(([year, source]) => [Number(year), one(source)]));
}

/** The repository evidence of a config's checklist ids, compiled; ids without any are left out. */
export function repositoryEvidenceOf(ids: Iterable<ChecklistIdConfig>): Map<string, RepositoryEvidence> {
  const out = new Map<string, RepositoryEvidence>();
  for (const { id, repository } of ids) {
    if (!repository) continue;
    const trace = compileByYear(id, repository.trace, repository.ast);
    const shows = compileByYear(id, repository.shows, repository.ast);
    if (!trace && !shows) continue;
    out.set(id, {
      id,
      absent: trace ? (repository.absent ?? "") : "",
      trace,
      present: shows ? (repository.present ?? "") : "",
      shows,
    });
  }
  return out;
}

/** The expression that applies to a report of this year, if any. */
export function forYear(expr: ByYear | null, year: TemplateYear): CompiledExpression | null {
  if (expr === null) return null;
  if (!(expr instanceof Map)) return expr as CompiledExpression;
  return year === "unknown" ? null : (expr.get(year) ?? null);
}
