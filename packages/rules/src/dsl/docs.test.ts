import { readFileSync } from "node:fs";
import { ENV } from "@mlops-report/testing/dsl";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtinFunctions } from "./builtin-functions.js";
import { compileExpression } from "./compile.js";
import { functionTable } from "./function-docs.js";

/** docs/expressions.md at the repository root, four levels above this folder. */
const DOC = readFileSync(new URL("../../../../docs/expressions.md", import.meta.url), "utf8");

const DOC_ENV = { questions: ENV.questions, checklistIds: new Set([...ENV.checklistIds, "docker-build"]) };

function section(title: string): string {
  const start = DOC.indexOf(`## ${title}\n`);
  const end = DOC.indexOf("\n## ", start + 1);
  return DOC.slice(start, end === -1 ? undefined : end);
}

/** `| \`expr\` | message | suggestion |` rows of the error table. */
function errorRows(): { source: string; message: string; suggestion: string | undefined }[] {
  return section("Errors")
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      // No cell of this table contains a `|` of its own.
      const cells = line.split("|").slice(1, -1);
      const unquote = (cell: string) => cell.trim().replace(/^`|`$/g, "");
      return {
        source: unquote(cells[0]!),
        message: cells[1]!.trim(),
        suggestion: cells[2]?.trim() ? unquote(cells[2]) : undefined,
      };
    });
}

describe("docs/expressions.md", () => {
  it("shows the exact message and suggestion of every error in its table", () => {
    const rows = errorRows();
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      const result = compileExpression(row.source, ENV);
      expect(result.ok, row.source).toBe(false);
      if (result.ok) continue;
      expect(
        result.errors.map((e) => [e.message, e.suggestion]),
        row.source,
      ).toEqual([[row.message, row.suggestion]]);
    }
  });

  it("has config examples whose expressions all compile", () => {
    const blocks = [...section("Examples").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const rules = blocks.flatMap((block) => {
      const doc = parse(block.startsWith("rules:") ? block : `rules:\n  consistency:\n${block}`) as {
        rules: { consistency: Record<string, { when: string; assert: string }> };
      };
      return Object.values(doc.rules.consistency);
    });
    expect(rules).toHaveLength(5);
    for (const rule of rules) {
      for (const source of [rule.when, rule.assert]) {
        const result = compileExpression(source, DOC_ENV);
        expect(result.ok ? [] : result.errors, source).toEqual([]);
      }
    }
  });

  it("lists every function of the registry, in its order, as the registry describes it", () => {
    expect(section("Functions")).toContain(`\n${functionTable(builtinFunctions)}\n`);
  });
});
