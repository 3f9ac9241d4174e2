import { join } from "node:path";
import type * as core from "@mlops-report/core";
import { tempTree } from "@mlops-report/testing/cli";
import { lintSettings } from "@mlops-report/testing/engine";
import { cleanReportFiles } from "@mlops-report/testing/synthetic";
import { describe, expect, it, vi } from "vitest";

// A bug that a repository brings out, stood in for: its view throws what an unforeseen file once made it throw.
vi.mock("@mlops-report/core", async (importOriginal) => {
  const real = await importOriginal<typeof core>();
  const openRepository = () => {
    throw new Error("ENOTDIR: not a directory, lstat '/class/g2/.git/index'");
  };
  return { ...real, openRepository };
});

const { ReportLinter } = await import("./lint-one.js");

describe("a report whose lint a bug stops", () => {
  it("is named in its outcome, so that the other reports of a class are still linted", async () => {
    const root = tempTree(cleanReportFiles());
    const linter = new ReportLinter(lintSettings(root));
    const path = join(root, "reports/README.md");
    expect(await linter.lint({ path, shown: "reports/README.md", config: linter.locate(path) })).toEqual({
      ok: false,
      parsed: false,
      message:
        "reports/README.md: not linted: internal error: ENOTDIR: not a directory, lstat '/class/g2/.git/index'",
      alreadyFormatted: false,
    });
  });
});
