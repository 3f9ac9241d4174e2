import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, loadConfigFile, resolveConfig } from "@mlops-report/rules";
import { tempTree } from "@mlops-report/testing/cli";
import {
  findingsByRule,
  itemText,
  lineOf,
  preset,
  withFullChecklist,
} from "@mlops-report/testing/consistency";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { parseReport as parse } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";

const FILLER = "This part follows the course setup.";
const PRE_COMMIT = "Our hooks run ruff through pre-commit before every commit.";

const build = (ticked: readonly string[], answers: Record<number, string>) =>
  withFullChecklist(syntheticReport({ year: 2025, answers }), 2025, ticked, {});

/** The consistency findings of a config on a text, by check name. */
function findings(config: Awaited<ReturnType<typeof preset>>, text: string) {
  return [...findingsByRule(config, parse(text, { path: "README.md", files: false }))].map(([name, d]) => ({
    name,
    message: d.message,
    severity: d.severity,
  }));
}

/** A config file extending the 2025 preset with the given lines, resolved. */
async function configWith(lines: string[]) {
  const folder = tempTree({});
  const file = join(folder, "cfg.yaml");
  writeFileSync(file, ["extends: mlops-report:2025", ...lines, ""].join("\n"));
  return resolveConfig(await loadConfigFile(file, { allowPlugins: false }));
}

const preCommitDescribed = (text: string) => ({
  name: "pre-commit-described",
  message: `Checklist line ${lineOf(text, itemText(2025, "pre-commit"))} ticks "${itemText(2025, "pre-commit")}", but Questions 6 and 11 do not mention pre-commit or commit hooks. Describe it, or untick it`,
  severity: "warning",
});

describe("the checks the catalog derives", () => {
  it("a ticked item described in another answer than its questions is described", async () => {
    const config = await preset(2025);
    const elsewhere = build(["pre-commit"], { 6: FILLER, 11: FILLER, 29: PRE_COMMIT });
    expect(findings(config, elsewhere)).toEqual([]);
    const nowhere = build(["pre-commit"], { 6: FILLER, 11: FILLER, 29: FILLER });
    expect(findings(config, nowhere)).toEqual([preCommitDescribed(nowhere)]);
  });

  it("terms that name an item only in its own question do not count elsewhere", async () => {
    const config = await preset(2025);
    const text = build(["coverage"], { 8: FILLER, 14: "The model reaches 85% accuracy on the test set." });
    expect(findings(config, text)).toEqual([
      {
        name: "coverage-described",
        message: `Checklist line ${lineOf(text, itemText(2025, "coverage"))} ticks "${itemText(2025, "coverage")}", but Question 8 does not mention a coverage percentage. Describe it, or untick it`,
        severity: "warning",
      },
    ]);
  });

  it("a local id is described in another answer by its narrower elsewhere terms only", async () => {
    const config = await preset(2025);
    const q15 = "We wrote one Dockerfile per service.";
    const told = build(["dockerfiles", "docker-local"], {
      15: q15,
      31: "Student B built and checked the images locally.",
    });
    expect(findings(config, told)).toEqual([]);
    // Its own terms mean other things elsewhere: training run locally is no local Docker build.
    const other = build(["dockerfiles", "docker-local"], {
      15: q15,
      31: "Student B ran the training locally.",
    });
    expect(findings(config, other)).toEqual([
      {
        name: "docker-local-described",
        message: `Checklist line ${lineOf(other, itemText(2025, "docker-local"))} ticks "${itemText(2025, "docker-local")}", but Question 15 does not mention docker build, docker run or docker compose. Describe it, or untick it`,
        severity: "warning",
      },
    ]);
  }, 60_000);

  it("a two-part item denied in one part only is no denial", async () => {
    const config = await preset(2025);
    for (const q16 of [
      "As for profiling, we ran the PyTorch profiler once (our laptops had no GPU). We made no optimisations.",
      "We profiled the data loader with cProfile, but did not optimise anything.",
    ])
      expect(findings(config, build(["profiling"], { 16: q16 })), q16).toEqual([]);
    const denied = build(["profiling"], { 16: "We did not profile the code." });
    expect(findings(config, denied).map((f) => [f.name, f.severity])).toEqual([
      ["profiling-denied", "error"],
    ]);
  }, 60_000);

  it("a config changes an id's check: severity and message, or turns it off", async () => {
    const text = build(["pre-commit"], { 6: FILLER, 11: FILLER });
    const changed = await configWith([
      "checklist:",
      "  pre-commit: { described: { severity: error, message: 'Line {line}: describe the hooks' } }",
    ]);
    expect(findings(changed, text)).toEqual([
      {
        name: "pre-commit-described",
        message: `Line ${lineOf(text, itemText(2025, "pre-commit"))}: describe the hooks`,
        severity: "error",
      },
    ]);
    for (const off of [
      ["checklist:", "  pre-commit: { described: off }"],
      ["rules:", "  consistency:", "    pre-commit-described: off"],
      ["checklist:", "  pre-commit: off"],
    ])
      expect(findings(await configWith(off), text), off.join(" ")).toEqual([]);
  });

  it("a config changes an id's terms by naming other ones", async () => {
    const text = build(["pre-commit"], { 6: "Our git hooks check formatting.", 11: FILLER });
    expect(findings(await preset(2025), text)).toEqual([]);
    const strict = await configWith([
      "terms:",
      "  hooks-file: 'pre-commit-config'",
      "checklist:",
      "  pre-commit: { terms: hooks-file }",
    ]);
    expect(findings(strict, text)).toEqual([preCommitDescribed(text)]);
  });

  it("names a term no config defines as a config problem", async () => {
    const error = await configWith(["checklist:", "  pre-commit: { terms: hookz }"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.message)).toEqual([
      "checklist id pre-commit names the terms `hookz`, which `terms` does not define",
    ]);
  });

  it("applies an id only in the years the catalog gives it", async () => {
    expect([...(await preset(2024)).checklist.keys()]).toContain("torchserve");
    expect([...(await preset(2024)).checklist.keys()]).not.toContain("pre-commit");
    expect([...(await preset(2025)).checklist.keys()]).not.toContain("torchserve");
    expect([...(await preset(2025)).checklist.keys()]).not.toContain("io-collection");
    expect([...(await preset(2026)).checklist.keys()]).toContain("io-collection");
  });
});
