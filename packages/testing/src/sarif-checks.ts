/** What GitHub code scanning requires of a SARIF log beyond the schema. */

export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: Record<string, unknown>[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

export function log(output: string): SarifLog {
  return JSON.parse(output) as SarifLog;
}

/** What GitHub code scanning needs beyond the schema; returns the problems found. */
export function githubProblems(output: SarifLog): string[] {
  const problems: string[] = [];
  const run = output.runs[0];
  if (!run) return ["no run"];
  const ids = run.tool.driver.rules.map((rule) => rule.id);
  for (const rule of run.tool.driver.rules) {
    for (const key of ["shortDescription", "fullDescription", "help"]) {
      const text = (rule[key] as { text?: string } | undefined)?.text;
      if (typeof text !== "string" || text === "") problems.push(`${String(rule.id)}: no ${key}.text`);
    }
  }
  for (const result of run.results) {
    if (!ids.includes(result.ruleId)) problems.push(`${result.ruleId}: not in driver.rules`);
    if (ids[result.ruleIndex] !== result.ruleId) problems.push(`${result.ruleId}: wrong ruleIndex`);
    if (Object.keys(result.partialFingerprints).length === 0)
      problems.push(`${result.ruleId}: no fingerprint`);
    for (const location of result.locations) {
      const { uri } = location.physicalLocation.artifactLocation;
      if (/^[a-z][a-z0-9+.-]*:|^\/|(^|\/)\.\.(\/|$)/i.test(uri))
        problems.push(`${uri}: not repository-relative`);
      const r = location.physicalLocation.region;
      if (r.startLine < 1 || r.startColumn < 1 || r.endLine < r.startLine)
        problems.push(`${uri}: bad region`);
    }
  }
  return problems;
}
