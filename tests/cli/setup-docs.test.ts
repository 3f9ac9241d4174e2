import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The repository's own files, which the setup steps of the README and docs describe. */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("the setup the README and docs describe", () => {
  it("lists every Debian package scripts/system-deps.sh installs", () => {
    const packages = [...read("scripts/system-deps.sh").matchAll(/missing\+=\(([\w.-]+)\)/g)].map(
      (m) => m[1]!,
    );
    expect(packages).toContain("neovim");
    const sentence = /Run every test \(installs Debian's ([^)]*)\)/s.exec(read("README.md"))?.[1] ?? "";
    expect(packages.filter((name) => !sentence.includes(`\`${name}\``))).toEqual([]);
  });

  it("creates the hook repository before its recipe's first command in it", () => {
    const recipe = read("docs/integrations.md").split("\n");
    const firstUse = recipe.findIndex((line) => /^git -C \.\.\/mlops-report-hook /.test(line));
    const created = recipe.findIndex((line) => /^git (init|clone) .*\.\.\/mlops-report-hook$/.test(line));
    expect(created).toBeGreaterThan(-1);
    expect(created).toBeLessThan(firstUse);
  });

  it("installs the tests' packages without a bin to link: the built command is run by its path", () => {
    // pnpm links a dependency's bin at install, before anything is built: the command's bin is in dist/.
    const manifest = JSON.parse(read("tests/package.json")) as { dependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("mlops-report");
    const turbo = JSON.parse(read("turbo.json")) as { tasks: Record<string, { dependsOn?: string[] }> };
    expect(turbo.tasks["@mlops-report/e2e-tests#test"]?.dependsOn).toContain("mlops-report#build");
  });
});
