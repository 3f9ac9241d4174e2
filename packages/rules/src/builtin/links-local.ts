import { posix } from "node:path";
import {
  type FileProbe,
  findRepositoryRoot,
  LineIndex,
  type Link,
  nodeFileProbe,
  type Question,
  type Report,
  type Resolution,
  resolveLink,
} from "@mlops-report/core";
import { defineRule, type Rule } from "../define-rule.js";
import type { Finding } from "../types.js";
import { pointAfter } from "./positions.js";

/** A scheme (`https:`, `mailto:`), a protocol-relative `//host`, or an anchor or query on the report itself. */
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\?)/i;

/** A host name where a path should start (`www.`, `example.com/`, `europe-west1-docker.pkg.dev/`). */
const WEB_ADDRESS = /^(?:www\.|(?:[\w-]+)?(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|ai|co|eu|dk)\/)/i;

/**
 * Where a link stands: from its `[` to the `)` that closes its destination, when the destination stands in the
 * source as the model holds it; else only where it starts (an escaped or entity-encoded destination).
 */
function linkRange(report: Report, index: LineIndex, link: Link): Omit<Finding, "message"> {
  const text = report.source.text;
  const offset = index.lineStart(link.line) + link.column - 1;
  const start = { line: link.line, column: link.column, offset };
  const found = text.indexOf(link.url, offset);
  const lead = found < 0 ? "" : text.slice(offset, found);
  const open = lead.indexOf("](");
  if (!lead.startsWith("[") || open < 0 || !/^\]\(\s*<?$/.test(lead.slice(open)))
    return { line: link.line, column: link.column };
  const close = text.indexOf(")", found + link.url.length);
  const lineEnd = index.lineEnd(pointAfter(text, start, found).line);
  const end = close >= 0 && close < lineEnd ? close + 1 : found + link.url.length;
  const p = pointAfter(text, start, end);
  return { line: link.line, column: link.column, endLine: p.line, endColumn: p.column };
}

/**
 * Resolves a link as GitHub does, like an image, except that a folder (the repository root included) is a fine
 * link target: GitHub shows its listing.
 */
function resolveTarget(url: string, reportPath: string, root: string, probe: FileProbe): Resolution {
  const r = resolveLink(url, reportPath, root, probe);
  if (r.exists === "outside-repository" && r.resolved === ".") return { ...r, exists: "exists" };
  if (r.exists === "missing" && r.resolved !== null && probe.list(posix.join(root, r.resolved)) !== null)
    return { ...r, exists: "exists" };
  return r;
}

function problem(q: Question, link: Link, r: Resolution): string | null {
  const links = `Question ${q.number} links to "${link.url}"`;
  switch (r.exists) {
    case "missing":
      if (WEB_ADDRESS.test(link.url))
        return `${links}, which looks like a web address without its scheme, so GitHub takes it for a file: start it with https://`;
      return r.resolved === null
        ? `${links}, which names no file: fix the link or remove it`
        : `${links}, but there is no file or folder at ${r.resolved}: fix the path or remove the link`;
    case "case-mismatch":
      return `${links}, but the file is named ${r.actualPath}, and GitHub matches letter case: write the name as the file has it`;
    case "outside-repository":
      return `${links}, which lies outside the repository, so the link leads nowhere on GitHub: link a file inside the repository`;
    default:
      return null;
  }
}

/** The rule with a file system of one's choosing: tests give a fake one, the built-in rule the real one. */
export function createLinksLocal(makeProbe: () => FileProbe = nodeFileProbe): Rule {
  return defineRule({
    meta: {
      id: "links/local",
      description:
        "Every link in an answer to a file of the repository leads to a file or folder that exists",
      docs: "docs/rules/links/local.md",
      defaultSeverity: "warning",
    },
    *check({ report }) {
      const path = report.source.path;
      if (path === "") return;
      const local = report.questions.flatMap((q) =>
        q.answer.links.filter((l) => l.url !== "" && !NOT_LOCAL.test(l.url)).map((l) => [q, l] as const),
      );
      if (local.length === 0) return;
      const probe = makeProbe();
      const root = findRepositoryRoot(path, probe);
      let index: LineIndex | undefined;
      for (const [q, link] of local) {
        const message = problem(q, link, resolveTarget(link.url, path, root, probe));
        if (message === null) continue;
        index ??= new LineIndex(report.source.text);
        yield { message, ...linkRange(report, index, link), question: q.number };
      }
    },
  });
}

export const linksLocal = createLinksLocal();
