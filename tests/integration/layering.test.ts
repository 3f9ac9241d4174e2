import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const PACKAGES = join(import.meta.dirname, "..", "..", "packages");

/** Every TypeScript source file of a package's `src`, tests left out. */
function sources(pkg: string): string[] {
  const root = join(PACKAGES, pkg, "src");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !/\.test\.ts$/.test(file))
    .map((file) => join(root, file));
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

/** The project's packages a source file imports (`@mlops-report/x`, subpaths included), as `x`. */
function projectImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(SPECIFIER)]
    .map((match) => /^@mlops-report\/([^/]+)/.exec(match[1]!)?.[1])
    .filter((name): name is string => name !== undefined);
}

/**
 * What each package may import of the others: data flows one way, files -> core -> rules -> engine -> reporters,
 * and the front ends (the command, the language server) wire the engine and the reporters alone; the command
 * also starts the language server.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  rules: ["core"],
  reporters: ["core", "rules"],
  engine: ["core", "rules"],
  lsp: ["engine", "reporters"],
  cli: ["engine", "reporters", "lsp"],
  // The tests' helpers make inputs for every layer and read what each gives back.
  testing: ["core", "rules", "reporters", "engine"],
};

describe("package layering", () => {
  it("covers every package with a src folder", () => {
    const withSources = readdirSync(PACKAGES).filter((pkg) => {
      try {
        return sources(pkg).length > 0;
      } catch {
        return false;
      }
    });
    expect(withSources.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(Object.entries(ALLOWED))("%s imports only what it may", (pkg, allowed) => {
    const wrong = sources(pkg).flatMap((file) =>
      projectImports(file)
        .filter((name) => name !== pkg && !allowed.includes(name))
        .map((name) => `${relative(PACKAGES, file)} imports @mlops-report/${name}`),
    );
    expect(wrong).toEqual([]);
  });

  it("reads imports as the sources write them", () => {
    const cli = sources("cli").flatMap(projectImports);
    expect(new Set(cli)).toEqual(new Set(["engine", "reporters", "lsp"]));
  });
});
