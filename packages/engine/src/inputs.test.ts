import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { expandInputs, type Input } from "./inputs.js";

const { folder } = temporaryFolders();

function tree(files: string[]): string {
  const root = folder("inputs");
  for (const file of files) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    if (file.endsWith("/")) mkdirSync(join(root, file), { recursive: true });
    else writeFileSync(join(root, file), "# r");
  }
  return root;
}

/** Each input as the user sees it: a report's shown path, or `error: message`. */
function shown(inputs: Input[]): string[] {
  return inputs.map((input) => ("report" in input ? input.report.shown : `error: ${input.error.message}`));
}

describe("expandInputs", () => {
  const root = tree([
    "class/g2/reports/README.md",
    "class/g1/reports/README.md",
    "class/g1/reports/figures/a.png",
    "class/g3/README.md",
    "class/.git/HEAD",
    "class/node_modules/x/reports/README.md",
    "class/notes.txt",
    "class/README.md",
    "repo/reports/README.md",
    "repo/other/reports/README.md",
    "plain/README.md",
    "plain/src/",
  ]);

  it("takes a class folder's groups in path order, naming the folders without a report", () => {
    expect(shown(expandInputs(root, ["class"]))).toEqual([
      join("class", "g1", "reports", "README.md"),
      join("class", "g2", "reports", "README.md"),
      `error: ${join("class", "g3")}: no report found (looked for reports/README.md in this folder)`,
    ]);
  });

  it("takes a repository's own report before any below it, and a plain folder's README.md", () => {
    expect(shown(expandInputs(root, ["repo", "plain"]))).toEqual([
      join("repo", "reports", "README.md"),
      join("plain", "README.md"),
    ]);
  });

  it("expands globs in path order and names a glob that matches nothing", () => {
    expect(shown(expandInputs(root, ["class/g*/reports/README.md", "class/z*"]))).toEqual([
      join("class", "g1", "reports", "README.md"),
      join("class", "g2", "reports", "README.md"),
      "error: class/z*: no report matches this pattern",
    ]);
    expect(shown(expandInputs(root, ["class/g[12]"]))).toEqual([
      join("class", "g1", "reports", "README.md"),
      join("class", "g2", "reports", "README.md"),
    ]);
  });

  it("lints a report named twice once, and the current folder when nothing is named", () => {
    expect(shown(expandInputs(root, ["repo", "repo/reports/README.md", "repo/"]))).toEqual([
      join("repo", "reports", "README.md"),
    ]);
    expect(shown(expandInputs(join(root, "repo"), []))).toEqual([join("reports", "README.md")]);
  });

  it("keeps a group whose report cannot even be stat'ed, so that reading it says why", () => {
    const broken = tree(["class/ok/reports/README.md", "class/loop/reports/"]);
    symlinkSync("README.md", join(broken, "class/loop/reports/README.md"));
    expect(shown(expandInputs(broken, ["class"]))).toEqual([
      join("class", "loop", "reports", "README.md"),
      join("class", "ok", "reports", "README.md"),
    ]);
  });
});
