import { createHash } from "node:crypto";
import type { Diagnostic, LintResult, RuleMeta, Severity } from "@mlops-report/rules";
import { wellFormed } from "./escape.js";
import { type JsonParts, jsonArray, jsonObject, jsonValue } from "./json-parts.js";
import { relativePath } from "./paths.js";
import { type ResultList, wholeText } from "./results.js";
import { compareStrings, inOutputOrder } from "./sort.js";
import { ruleLabel } from "./summary.js";
import type { Reporter, ReporterContext, StreamingReporter } from "./types.js";

type SarifLevel = "error" | "warning" | "note" | "none";

const levels: Record<RuleMeta["defaultSeverity"], SarifLevel> = {
  error: "error",
  warning: "warning",
  info: "note",
  off: "none",
};

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

/** `answer/word-count` -> `AnswerWordCount`: GitHub shows `name` where an identifier fits. */
function pascalName(ruleId: string): string {
  const name = ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join("");
  return name === "" ? "Rule" : name;
}

function toRule(meta: RuleMeta): SarifRule {
  const category = meta.id.includes("/") ? meta.id.slice(0, meta.id.indexOf("/")) : "custom";
  const description =
    meta.description.trim() === "" ? `Checks ${ruleLabel(meta.id)}.` : meta.description.trim();
  // Built-in pages ship in the package under dist/docs; a plugin names its own page or address.
  const page = meta.docs.startsWith("docs/") ? `dist/${meta.docs}` : meta.docs;
  const where = meta.docs.startsWith("docs/") ? " in the installed mlops-report package" : "";
  const docs = meta.docs === "" ? "" : ` Documentation: ${page}${where}.`;
  return {
    id: meta.id,
    name: pascalName(meta.id),
    shortDescription: { text: description },
    fullDescription: {
      text: `${description} Rule ${meta.id} of mlops-report, the linter for the 02476 MLOps exam report; default severity: ${meta.defaultSeverity}.`,
    },
    help: {
      text: `${description}${docs} Configure or turn it off under \`rules:\` in .mlops-report.yaml.`,
      markdown: `**${meta.id}**: ${description}${meta.docs === "" ? "" : `\n\nDocumentation: \`${page}\`${where}.`}\n\nConfigure or turn it off under \`rules:\` in \`.mlops-report.yaml\`.`,
    },
    defaultConfiguration: { level: levels[meta.defaultSeverity] },
    properties: { tags: ["mlops-report", category] },
  };
}

/** The context's rules plus any rule a result names that the context lacks (custom rules), sorted by id. */
/** The rules of the run and those the findings name (a rule met first in output order gives its severity). */
function ruleTable(list: ResultList, context: ReporterContext): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const meta of context.rules) if (!byId.has(meta.id)) byId.set(meta.id, meta);
  for (const { result } of inOutputOrder(list, context.cwd)) {
    for (const d of result.diagnostics) {
      if (!byId.has(d.ruleId)) {
        byId.set(d.ruleId, { id: d.ruleId, description: "", docs: "", defaultSeverity: d.severity });
      }
    }
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

function toUri(path: string): string {
  // encodeURIComponent throws on a lone surrogate, which a file name read as UTF-16 may hold.
  return wellFormed(path)
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * What stays the same when a report is edited elsewhere: the file, the rule, what the finding is about and
 * the text of its line (not the line number, not the message, whose counts change). Equal keys in one file
 * are told apart by their order.
 */
function fingerprintKey(uri: string, d: Diagnostic, lines: readonly string[]): string {
  const lineText = (lines[d.line - 1] ?? "").trim();
  return [uri, d.ruleId, d.question ?? "", d.checklistItem ?? "", lineText].join("\u0000");
}

const levelOf: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };

function region(d: Diagnostic) {
  const startLine = Math.max(1, d.line);
  const startColumn = Math.max(1, d.column);
  const endLine = Math.max(startLine, d.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, d.endColumn) : Math.max(1, d.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function toResults(result: LintResult, ruleIndex: ReadonlyMap<string, number>, cwd: string) {
  const uri = toUri(relativePath(result.filePath, cwd));
  const lines = result.report.source.text.split(/\r\n|\r|\n/);
  const occurrences = new Map<string, number>();
  return result.diagnostics.map((d) => {
    const key = fingerprintKey(uri, d, lines);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId) ?? 0,
      level: levelOf[d.severity],
      message: { text: d.message === "" ? d.ruleId : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
            region: region(d),
          },
        },
      ],
      partialFingerprints: { "mlopsReport/v1": `${sha256(key)}:${occurrence}` },
      properties: { question: d.question, checklistItem: d.checklistItem },
    };
  });
}

/** SARIF 2.1.0 as GitHub code scanning accepts it. */
/** Every finding of the run as a SARIF result, a report at a time, each `depth` levels deep. */
function* sarifResults(
  list: ResultList,
  ruleIndex: ReadonlyMap<string, number>,
  cwd: string,
  depth: number,
): Generator<JsonParts> {
  for (const { result } of inOutputOrder(list, cwd))
    for (const sarifResult of toResults(result, ruleIndex, cwd)) yield jsonValue(sarifResult, depth);
}

/** SARIF 2.1.0, one run; the results are read twice, first for the rule table that comes before the findings. */
export const sarifParts: StreamingReporter = function* (list, context) {
  const rules = ruleTable(list, context);
  const ruleIndex = new Map(rules.map((meta, index) => [meta.id, index]));
  const driver = { name: "mlops-report", version: context.toolVersion, rules: rules.map(toRule) };
  const run = jsonObject(
    [
      ["tool", jsonValue({ driver }, 3)],
      ["columnKind", jsonValue("utf16CodeUnits", 3)],
      ["results", jsonArray(sarifResults(list, ruleIndex, context.cwd, 4), 3)],
    ],
    2,
  );
  yield* jsonObject(
    [
      ["$schema", jsonValue("https://json.schemastore.org/sarif-2.1.0.json", 1)],
      ["version", jsonValue("2.1.0", 1)],
      ["runs", jsonArray([run], 1)],
    ],
    0,
  );
  yield "\n";
};

export const sarif: Reporter = wholeText(sarifParts);
