import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { listRules } from "@mlops-report/rules";
import { tempTree } from "@mlops-report/testing/cli";
import { REPO_ROOT } from "@mlops-report/testing/setting";
import { cleanReportFiles, syntheticReport, type Year } from "@mlops-report/testing/synthetic";
import {
  CLI_PACKAGE,
  npmEnv,
  packCli,
  packedFiles,
  packedManifest,
  requireTools,
  run,
  runOk,
  shouldRunWith,
  tempDir,
} from "@mlops-report/testing/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const version = (JSON.parse(readFileSync(join(CLI_PACKAGE, "package.json"), "utf8")) as { version: string })
  .version;
const presets = readdirSync(join(REPO_ROOT, "configs"))
  .filter((f) => f.endsWith(".yaml"))
  .sort();

/** The package a bare import names: `yaml`, `@scope/name` for `@scope/name/sub`; null for Node's own modules. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Every package the ES modules of a folder import (static, side-effect and dynamic imports). */
function importedPackages(folder: string): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => /\.m?js$/.test(f))) {
    const text = readFileSync(join(folder, file), "utf8");
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"([^"./][^"]*)"/g)) {
      const name = packageOf(match[1]!);
      if (name) found.add(name);
    }
  }
  return [...found].sort();
}

// Generous: a pack and two installs from the registry on a shared machine.
describe.runIf(shouldRunWith("pnpm", "npm"))("the packed command", { timeout: 300_000 }, () => {
  let work: string;
  let tarball: string;
  let cache: string;
  /** A new folder inside this run's temporary folder. */
  const folder = (name: string) => {
    const dir = join(work, name);
    mkdirSync(dir);
    return dir;
  };
  const reports: string[] = [];
  const report = (files: Record<string, string | Uint8Array>) => {
    const root = tempTree(files);
    reports.push(root);
    return root;
  };

  beforeAll(() => {
    requireTools("pnpm", "npm");
    work = tempDir("package");
    cache = join(work, "npm-cache");
    tarball = packCli(join(work, "pack"));
  }, 300_000);

  afterAll(() => {
    for (const dir of [work, ...reports]) rmSync(dir, { recursive: true, force: true });
  });

  it("is one tarball named after the version, with the bundle, the year presets (and their compiled form) and no workspace reference", () => {
    expect(tarball).toBe(join(work, "pack", `mlops-report-${version}.tgz`));
    const files = packedFiles(tarball);
    expect(files).toContain("package.json");
    expect(files).toContain("dist/cli.js");
    expect(files.filter((f) => f.startsWith("dist/presets/"))).toEqual(
      [...presets, "compiled.json"].map((p) => `dist/presets/${p}`),
    );
    expect(files).toContain("dist/config.schema.json");
    // The pages `rules`, `init` and SARIF name are in the package.
    expect(files).toContain("dist/docs/config.md");
    expect(listRules().filter((r) => !files.includes(`dist/${r.docs}`))).toEqual([]);

    const manifest = packedManifest(tarball);
    expect(manifest.name).toBe("mlops-report");
    expect(manifest.bin).toEqual({ "mlops-report": "./dist/cli.js" });
    const text = JSON.stringify(manifest);
    expect(text).not.toContain("workspace:");
    expect(text).not.toContain("@mlops-report/");
    expect(manifest.devDependencies).toBeUndefined();

    // Everything the bundle imports is something npm is told to install.
    const unpacked = folder("unpacked");
    runOk("tar", ["-xzf", tarball, "-C", unpacked, "--strip-components=1"], { cwd: work });
    const dependencies = Object.keys((manifest.dependencies ?? {}) as Record<string, string>).sort();
    const imported = importedPackages(join(unpacked, "dist"));
    expect(imported).toContain("commander");
    expect(imported.filter((name) => !dependencies.includes(name))).toEqual([]);
    for (const preset of presets)
      expect(readFileSync(join(unpacked, "dist", "presets", preset), "utf8")).toBe(
        readFileSync(join(REPO_ROOT, "configs", preset), "utf8"),
      );
  });

  describe("installed with npm install -g into an empty prefix", () => {
    let bin: string;

    beforeAll(() => {
      const prefix = folder("global");
      const installed = run("npm", ["install", "--global", "--prefix", prefix, tarball], {
        cwd: folder("empty"),
        env: npmEnv(cache),
      });
      expect(installed.stderr).not.toMatch(/npm error/);
      expect(installed.code).toBe(0);
      bin = join(prefix, "bin", "mlops-report");
    }, 300_000);

    it("puts the mlops-report command on the prefix's bin folder", () => {
      expect(existsSync(bin)).toBe(true);
      const shown = run(bin, ["--version"], { cwd: work });
      expect(shown).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    });

    it("lints a clean report with exit 0, and a report missing a figure with exit 1 and the finding", () => {
      const root = report(cleanReportFiles());
      const clean = run(bin, ["lint", "--format", "json"], { cwd: root, env: { NO_COLOR: "1" } });
      expect(clean.code).toBe(0);
      expect(JSON.parse(clean.stdout).results[0]).toMatchObject({ errorCount: 0, warningCount: 0 });

      rmSync(join(root, "reports", "figures", "b.png"));
      const text = readFileSync(join(root, "reports", "README.md"), "utf8");
      const line = text.split("\n").indexOf("![b](figures/b.png)") + 1;
      const broken = run(bin, ["lint", "--quiet", "--format", "github"], { cwd: root });
      expect(broken).toEqual({
        code: 1,
        stdout:
          `::error file=reports/README.md,line=${line},col=1,endLine=${line},endColumn=20,title=image/exists::` +
          `Image "figures/b.png" not found: no file at reports/figures/b.png; the nearest image of the repository is reports/figures/a.png\n`,
        stderr: "",
      });
    });

    it("writes a starter config whose schema line names the schema it carries", () => {
      const root = report({ "reports/README.md": syntheticReport({ year: 2026 }) });
      expect(run(bin, ["init", "--year", "2026"], { cwd: root }).code).toBe(0);
      const first = readFileSync(join(root, ".mlops-report.yaml"), "utf8").split("\n")[0]!;
      const schema = first.replace("# yaml-language-server: $schema=", "");
      // Installed outside the repository: a copy beside the config, named relative to it.
      expect(schema).toBe("./.mlops-report.schema.json");
      expect(readFileSync(join(root, schema), "utf8")).toBe(
        readFileSync(join(REPO_ROOT, "packages/rules/schema/config.schema.json"), "utf8"),
      );
    });

    it("carries every course year's preset", () => {
      for (const year of [2023, 2024, 2025, 2026] as const satisfies readonly Year[]) {
        const root = report({ "reports/README.md": syntheticReport({ year }) });
        const linted = run(bin, ["lint", "--year", String(year), "--format", "json"], { cwd: root });
        // Every question unanswered: one error each, under the preset of the year asked for.
        expect(linted.code).toBe(1);
        const result = JSON.parse(linted.stdout).results[0];
        const questions = year <= 2024 ? 27 : 31;
        expect(result.template).toEqual({ year, questionCount: questions });
        expect(result.errorCount).toBe(questions);
      }
    });
  });

  it("runs with npx from the tarball in a fresh folder", () => {
    const root = report(cleanReportFiles());
    copyFileSync(tarball, join(root, `mlops-report-${version}.tgz`));
    const linted = run("npx", ["--yes", `./mlops-report-${version}.tgz`, "lint", "--quiet"], {
      cwd: root,
      env: npmEnv(cache),
    });
    expect(linted.code).toBe(0);
    expect(linted.stdout).toBe(
      "reports/README.md (2026 template, 31/31 questions answered)\n  no problems\n\n✔ 0 errors, 0 warnings · questions answered 31/31\n",
    );
  });

  it("runs with npx from a tarball named by its absolute path, through --package (as the docs say)", () => {
    const root = report(cleanReportFiles());
    const linted = run("npx", ["--yes", "--package", tarball, "mlops-report", "lint", "--quiet"], {
      cwd: root,
      env: npmEnv(cache),
    });
    expect(linted.code).toBe(0);
    expect(linted.stdout).toContain("✔ 0 errors, 0 warnings · questions answered 31/31\n");
    const docs = readFileSync(join(REPO_ROOT, "docs/integrations.md"), "utf8");
    expect(docs).toContain("npx --package /abs/path/to/mlops-report-0.1.0.tgz mlops-report lint");
  });
});
