import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openRepository } from "@mlops-report/core";
import { tempTree } from "@mlops-report/testing/cli";
import { describe, expect, it } from "vitest";
import { ConfigError, formatConfigProblem } from "../config/errors.js";
import { loadConfigFile, loadPreset } from "../config/load.js";
import { CATALOG_PRESET, courseYears } from "../config/presets.js";
import { resolveConfig } from "../config/resolve.js";
import { builtinFunctions } from "../dsl/builtin-functions.js";
import { repositoryScope } from "./context.js";
import { forYear, repositoryEvidenceOf } from "./evidence.js";

/** The repository evidence the built-in catalog gives each checklist id, of every year. */
async function loadRepositoryEvidence() {
  return repositoryEvidenceOf((await loadPreset(CATALOG_PRESET)).checklist.values());
}

/** A config file of these lines in a fresh folder, loaded. */
async function load(lines: string[]) {
  const file = join(tempTree({}), "cfg.yaml");
  writeFileSync(file, lines.join("\n"));
  return loadConfigFile(file, { allowPlugins: false });
}

async function problems(lines: string[]): Promise<string[]> {
  try {
    await load(lines);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) =>
      formatConfigProblem(p)
        .split("\n")[0]!
        .replace(/^.*cfg\.yaml:/, ""),
    );
  }
}

describe("repository evidence in the catalog", () => {
  it("compiles, and names only course years in its per-year expressions", async () => {
    const evidence = await loadRepositoryEvidence();
    expect(evidence.size).toBeGreaterThan(20);
    const years = [...evidence.values()].flatMap((e) =>
      [e.trace, e.shows].flatMap((x) => (x instanceof Map ? [...x.keys()] : [])),
    );
    expect(years.filter((y) => !courseYears().includes(y))).toEqual([]);
  });

  it("names every id on the rule's docs page", async () => {
    const page = readFileSync(
      new URL("../../../../docs/rules/checklist/repository.md", import.meta.url),
      "utf8",
    );
    const ids = [...(await loadRepositoryEvidence()).keys()];
    expect(ids.filter((id) => !page.includes(`| \`${id}\` |`))).toEqual([]);
  });

  it("quotes on the rule's docs page the very text each finding says, so that the page and the catalog agree", async () => {
    const page = readFileSync(
      new URL("../../../../docs/rules/checklist/repository.md", import.meta.url),
      "utf8",
    );
    const rows = new Map(
      page
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) => [line.slice(3, line.indexOf("`", 3)), line] as const),
    );
    const disagreeing = [...(await loadRepositoryEvidence())].filter(([id, e]) => {
      // The page writes file names as code.
      const row = (rows.get(id) ?? "").replaceAll("`", "");
      return (
        (e.absent !== "" && !row.includes(`| ticked, but the repository has ${e.absent} |`)) ||
        (e.present !== "" && !row.includes(`unticked, but the repository has ${e.present}`))
      );
    });
    expect(disagreeing.map(([id]) => id)).toEqual([]);
  });

  it("shows an id's work only where the evidence agrees: logging imported and an event logged, Docker run by the group", async () => {
    const evidence = await loadRepositoryEvidence();
    const shows = (id: string, files: Record<string, string>) => {
      const dir = realpathSync(tempTree({ "reports/README.md": "# report\n", ...files }));
      const path = join(dir, "reports/README.md");
      const expr = forYear(evidence.get(id)!.shows, 2025)!;
      const findings = { hits: [], incomplete: false };
      // Only the repository functions are asked: no report comes into these expressions.
      const context = builtinFunctions.context({
        report: null,
        repository: repositoryScope(openRepository(path), path, findings),
      });
      return expr.evaluate(context);
    };
    // Setting a library's log level logs nothing of the group's own.
    expect(
      shows("logging", {
        "src/plot.py": 'import logging\nlogging.getLogger("lib").setLevel(logging.WARNING)\n',
      }),
    ).toBe(false);
    expect(
      shows("logging", {
        "src/train.py": 'import logging\nlogger = logging.getLogger(__name__)\nlogger.info("epoch done")\n',
      }),
    ).toBe(true);
    // The group's own Docker commands; the template's tasks.py and the report itself are not the group's.
    expect(shows("docker-local", { Makefile: "image:\n\tdocker build -t app .\n" })).toBe(true);
    expect(shows("docker-local", { "docs/setup.md": "Run `docker compose up` first.\n" })).toBe(true);
    expect(shows("docker-local", { "tasks.py": 'ctx.run("docker build -t app .")\n' })).toBe(false);
  });

  it("lets a config change one field of an id's evidence and keep the rest", async () => {
    const config = resolveConfig(
      await load([
        "extends: mlops-report:2025",
        "checklist:",
        "  dvc:",
        "    repository: { absent: 'no dvc.yaml', trace: 'exists(\"dvc.yaml\")' }",
      ]),
    );
    const dvc = config.repositoryEvidence.get("dvc")!;
    expect([dvc.absent, dvc.present]).toEqual(["no dvc.yaml", "DVC-tracked data"]);
    expect(forYear(dvc.trace, 2025)?.source).toBe('exists("dvc.yaml")');
  });

  it("reads an expression per year and points at what is not an expression over the repository", async () => {
    const ci = resolveConfig(
      await load([
        "year: 2025",
        "checklist:",
        "  ci:",
        "    match: 'continuous integration'",
        "    repository:",
        "      present: CI",
        "      shows:",
        "        2025: 'files(\"*.yml\") > 1'",
      ]),
    ).repositoryEvidence.get("ci")!;
    expect(ci.shows instanceof Map && [...ci.shows.keys()]).toEqual([2025]);
    expect(
      await problems([
        "checklist:",
        "  ci:",
        "    match: 'continuous integration'",
        "    repository:",
        "      absent: no CI",
        "      trace: 'mentions(q1, \"ci\")'",
        "      tracee: 'exists(\"x\")'",
        "      shows: 'exists(\"x\")'",
      ]),
    ).toEqual([
      "6:14: checklist id ci repository trace: unknown question `q1`: the template has no questions",
      "7:7: unknown key `tracee` for repository evidence (did you mean `trace`?)",
      "5:7: checklist id ci repository has `shows` but no `present` text",
    ]);
  });
});
