import type { LintResult } from "@mlops-report/rules";
import { type ClassEntry, classPage } from "./html-class-page.js";
import { classScript } from "./html-class-script.js";
import { graderStyle } from "./html-grader-style.js";
import { reportPage } from "./html-report-page.js";
import { htmlDocument } from "./html-shell.js";
import { htmlStyle } from "./html-style.js";
import { groupName, relativePath } from "./paths.js";
import { sortResults } from "./sort.js";
import { plural } from "./summary.js";
import type { FolderReporter, OutputFile } from "./types.js";

/** The class page's file; no group's page may take its name. */
export const CLASS_PAGE = "index.html";

const style = htmlStyle + graderStyle;

/**
 * Each report's page name: its group's folder name (or its path, without `.md`) with only letters, digits, `.`, `_` and `-` kept, unique in
 * the folder whatever the letter case (some file systems ignore it), never the class page's.
 */
export function pageNames(results: readonly LintResult[], cwd: string): string[] {
  const taken = new Set([CLASS_PAGE.replace(/\.html$/, "")]);
  return results.map((result) => {
    const safe = groupName(relativePath(result.filePath, cwd))
      .replace(/\.md$/i, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[.-]+|[.-]+$/g, "")
      .slice(0, 80);
    const base = safe === "" ? "report" : safe;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The graders' folder: `index.html`, the class page, and per report `<group>.html`, its page, with the figures
 * that page shows, to be copied from the report's repository to `<group>/<repository path>`.
 */
export const htmlFolderReporter: FolderReporter = (results, context) => {
  const sorted = sortResults(results, context.cwd);
  const rules = new Map(context.rules.map((meta) => [meta.id, meta]));
  const names = pageNames(sorted, context.cwd);
  const entries: ClassEntry[] = sorted.map((result, index) => ({ result, name: names[index] ?? "report" }));
  const files: OutputFile[] = [
    {
      path: CLASS_PAGE,
      content: htmlDocument(
        `mlops-report: ${plural(sorted.length, "report")}`,
        style,
        classPage(entries, context.cwd, rules, context.toolVersion),
        { script: classScript },
      ),
    },
  ];
  for (const { result, name } of entries) {
    const page = reportPage(result, { name, rules, cwd: context.cwd, classPage: CLASS_PAGE });
    files.push({
      path: `${name}.html`,
      content: htmlDocument(page.title, style, page.body, { images: true }),
    });
    for (const figure of page.figures)
      files.push({ path: figure.path, copyFrom: { report: result.filePath, file: figure.file } });
  }
  return files;
};
