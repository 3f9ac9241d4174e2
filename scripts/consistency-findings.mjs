#!/usr/bin/env node
// Prints every checklist/consistency finding of a set of reports, errors first, for reading them by hand.
// Usage: node scripts/consistency-findings.mjs [CORPUS]   (CORPUS: a folder with seeds/*.txt and repos/*/reports/README.md;
// default ../shared/corpus beside the repository). Build first: npx pnpm run build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = process.argv[2] ?? join(root, "..", "shared", "corpus");
if (!existsSync(corpus)) {
  console.error(`${corpus}: no such folder`);
  process.exit(2);
}
const seeds = existsSync(join(corpus, "seeds"))
  ? readdirSync(join(corpus, "seeds"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(corpus, "seeds", f))
  : [];
const repos = existsSync(join(corpus, "repos"))
  ? readdirSync(join(corpus, "repos")).map((d) => join(corpus, "repos", d, "reports", "README.md"))
  : [];
const cli = join(root, "packages", "cli", "dist", "cli.js");
const run = spawnSync(process.execPath, [cli, "lint", "--format", "json", ...seeds, ...repos], {
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (run.status === 2 || !run.stdout) {
  console.error(run.stderr);
  process.exit(2);
}
const rank = { error: 0, warning: 1, info: 2 };
const rows = JSON.parse(run.stdout)
  .results.flatMap((r) =>
    r.diagnostics
      .filter((d) => d.ruleId === "checklist/consistency")
      .map((d) => ({
        ...d,
        report: r.filePath
          .replace(/\/reports\/README\.md$/, "")
          .split("/")
          .pop(),
      })),
  )
  .sort((a, b) => rank[a.severity] - rank[b.severity] || a.report.localeCompare(b.report) || a.line - b.line);
for (const d of rows)
  console.log(`${d.severity}\t${d.report}\tQ${d.question ?? "-"}\t${d.checklistItem ?? "-"}\t${d.message}`);
const count = (s) => rows.filter((d) => d.severity === s).length;
console.log(`\n${count("error")} errors, ${count("warning")} warnings, ${count("info")} infos`);
