import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/**
 * Input a group's repository can hold, tried as an attacker would: each case names its file in one line, exits 2,
 * and the good report beside it is still linted with its JUnit file written.
 */
const JUNIT = ["--format", "terminal", "--format", "junit=out/junit.xml"];

/** A tree with a clean report in `good/` and these files besides. */
function treeWithGood(files: Record<string, string | Uint8Array> = {}): string {
  return tempTree({ ...cleanReportFiles("good/"), ...files });
}

/** The run's error lines (notes too), without the terminal report that follows on standard output. */
function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.startsWith("mlops-report: "));
}

function expectGoodLinted(root: string): void {
  const junit = readFileSync(join(root, "out/junit.xml"), "utf8");
  expect(junit).toContain('name="good/reports/README.md"');
}

/** A 2026 report whose Question 1 answer is this text. */
function reportAnswering(answer: string): string {
  return syntheticReport({ year: 2026, answers: { 1: answer } });
}

describe("deep nesting", () => {
  const shapes = {
    "quotes.md": reportAnswering(">".repeat(4000)),
    "lists.md": reportAnswering(`${"- ".repeat(2000)}x`),
    "emphasis.md": reportAnswering(`${"*".repeat(8000)}a${"*".repeat(8000)}`),
  };

  it.each([["off"], ["2"]])(
    "lints every shape with --concurrency %s, and the report beside them",
    (concurrency) => {
      const root = treeWithGood(shapes);
      const run = runCli(
        // No time limit that counts here: the markdown parser alone takes seconds on the emphasis.
        [
          "lint",
          ...Object.keys(shapes),
          "good",
          "--concurrency",
          concurrency,
          "--time-limit",
          "600",
          ...JUNIT,
        ],
        root,
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
      for (const name of Object.keys(shapes)) expect(run.stdout).toContain(name);
      expectGoodLinted(root);
    },
  );

  it("inspects a report quoted 4,000 deep", () => {
    const root = treeWithGood(shapes);
    // No time limit that counts here either.
    const run = runCli(["inspect", "quotes.md", "--json", "--time-limit", "600"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).questions[0].answer.state).toBe("answered");
  });
});

describe("files that are not regular files", () => {
  it("names a FIFO, a link to /dev/zero or /dev/urandom and a README.md that is a folder, without waiting", () => {
    const root = treeWithGood({ "folder/README.md/notes.txt": "x" });
    execFileSync("mkfifo", [join(root, "pipe.md")]);
    symlinkSync("/dev/zero", join(root, "zero.md"));
    symlinkSync("/dev/urandom", join(root, "random.md"));
    const run = runCli(["lint", "pipe.md", "zero.md", "random.md", "folder", "good", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: pipe.md: a named pipe (FIFO), not a regular file",
      "mlops-report: error: zero.md: a device, not a regular file",
      "mlops-report: error: random.md: a device, not a regular file",
      "mlops-report: error: folder/README.md: a folder, not a report file",
    ]);
    expect(run.code).toBe(2);
    expectGoodLinted(root);
  });

  it("names a report over the size limit", () => {
    const root = treeWithGood({ "huge.md": reportAnswering("word ".repeat(220_000)) });
    const run = runCli(["lint", "huge.md", "good", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: huge.md: too large (1.1 MB; the limit is 1 MB)",
    ]);
    expect(run.code).toBe(2);
    expectGoodLinted(root);
  });
});

describe("the time limit per report", () => {
  it("gives up a report that takes too long, and lints the others", () => {
    // Emphasis markers the markdown parser pairs up in quadratic time: far over a 3 s limit.
    const slow = reportAnswering(`${"*a".repeat(60_000)}`);
    const root = treeWithGood({ "slow/reports/README.md": slow, ...cleanReportFiles("other/") });
    const run = runCli(
      ["lint", "slow", "good", "other", "--concurrency", "2", "--time-limit", "3", ...JUNIT],
      root,
    );
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: slow/reports/README.md: not linted: it took longer than the time limit of 3 s per report (--time-limit)",
    ]);
    expect(run.code).toBe(2);
    expectGoodLinted(root);
    expect(readFileSync(join(root, "out/junit.xml"), "utf8")).toContain('name="other/reports/README.md"');
  });

  it("gives up a report inspected alone, in the main thread", () => {
    const root = treeWithGood({
      "slow/reports/README.md": reportAnswering(`${"- ".repeat(20)}x\n`.repeat(2500)),
    });
    expect(runCli(["inspect", "slow", "--time-limit", "1"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "mlops-report: error: slow/reports/README.md: not linted: it took longer than the time limit of 1 s per report (--time-limit)\n",
    });
  });

  it("takes only a number of seconds above 0", () => {
    const root = treeWithGood();
    expect(runCli(["lint", "good", "--time-limit", "0"], root)).toMatchObject({
      code: 2,
      stderr: 'mlops-report: error: --time-limit takes a number of seconds above 0, not "0"\n',
    });
  });
});

/** Rewrites a cache file's entries and gives it the checksum that matches them, as anyone can. */
function forgeCache(file: string, edit: (entries: Record<string, Record<string, unknown>>) => void): void {
  const text = readFileSync(file, "utf8");
  const newline = text.indexOf("\n");
  const header = JSON.parse(text.slice(0, newline));
  const entries = JSON.parse(text.slice(newline + 1));
  edit(entries);
  const body = JSON.stringify(entries);
  header.sha256 = createHash("sha256").update(body, "utf8").digest("hex");
  writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
}

describe("the cache", () => {
  const forgeries: [string, (entry: Record<string, unknown>) => void][] = [
    ["configFiles: null", (e) => (e.configFiles = null)],
    ['files: "abc"', (e) => (e.files = "abc")],
    ["result: null", (e) => (e.result = null)],
    ['diagnostics: "abc"', (e) => ((e.result as Record<string, unknown>).diagnostics = "abc")],
    ["a file look-up with path: null", (e) => (e.files = [{ op: "list", path: null, state: "x" }])],
  ];

  it.each(forgeries)("ignores and rewrites a cache with a forged checksum and %s", (_, edit) => {
    const root = treeWithGood();
    expect(runCli(["lint", "good", "--cache"], root).code).toBe(0);
    forgeCache(join(root, ".mlops-report-cache"), (entries) => {
      for (const entry of Object.values(entries)) edit(entry);
    });
    const run = runCli(["lint", "good", "--cache", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: note: .mlops-report-cache is ignored (its entries are not of the expected shape): every report is linted afresh and the cache written anew",
    ]);
    expect(run.code).toBe(0);
    expectGoodLinted(root);
    expect(runCli(["lint", "good", "--cache"], root)).toMatchObject({ code: 0, stderr: "" });
  });

  it("rewrites an empty cache file after one note", () => {
    const root = treeWithGood({ ".mlops-report-cache": "" });
    expect(errorLines(runCli(["lint", "good", "--cache"], root).stderr)).toEqual([
      "mlops-report: note: .mlops-report-cache is ignored (it is empty): every report is linted afresh and the cache written anew",
    ]);
    expect(runCli(["lint", "good", "--cache"], root)).toMatchObject({ code: 0, stderr: "" });
  });

  it("leaves a FIFO or a link to /dev/zero at the cache location alone, without waiting", () => {
    const root = treeWithGood();
    execFileSync("mkfifo", [join(root, "pipe-cache")]);
    symlinkSync("/dev/zero", join(root, "zero-cache"));
    for (const [location, what] of [
      ["pipe-cache", "a named pipe (FIFO)"],
      ["zero-cache", "a device"],
    ]) {
      const run = runCli(["lint", "good", "--cache", "--cache-location", location!, ...JUNIT], root);
      expect(errorLines(run.stderr)).toEqual([
        `mlops-report: note: ${location}: ${what}, not a regular file: it is left as it is, and this run is not cached`,
      ]);
      expect(run.code).toBe(0);
      expectGoodLinted(root);
    }
  });

  it("names a cache location that cannot be created, in one line", () => {
    const root = treeWithGood();
    const run = runCli(["lint", "good", "--cache", "--cache-location", "/proc/self/nope/x", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: note: /proc/self/nope/x: cannot write the cache (no such file or folder)",
    ]);
    expect(run.code).toBe(0);
    expectGoodLinted(root);
  });
});

describe("outputs", () => {
  it("names an output path that cannot be created, in one line", () => {
    const root = treeWithGood();
    const run = runCli(["lint", "good", "--output", "/proc/nope/x", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: /proc/nope/x: cannot write the output (no such file or folder)",
    ]);
    expect(run.code).toBe(2);
    expectGoodLinted(root);
  });

  it("names an output path under a file, in one line", () => {
    const root = treeWithGood();
    const run = runCli(["lint", "good", "--format", "json=good/reports/README.md/r.json", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: good/reports/README.md/r.json: cannot write the output (a part of the path is not a folder)",
    ]);
    expect(run.code).toBe(2);
    expectGoodLinted(root);
  });

  it("refuses to write an output over a report being linted", () => {
    const root = treeWithGood(cleanReportFiles("group/"));
    const before = readFileSync(join(root, "group/reports/README.md"), "utf8");
    const run = runCli(["lint", "group", "good", "--output", "group/reports/README.md", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: group/reports/README.md: is a report being linted: the output is not written there",
    ]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(root, "group/reports/README.md"), "utf8")).toBe(before);
    expectGoodLinted(root);
  });

  it("refuses an output that is a report under another name: a hard link, a symbolic link, a ../ spelling", () => {
    const root = treeWithGood(cleanReportFiles("group/"));
    const report = join(root, "group/reports/README.md");
    const before = readFileSync(report, "utf8");
    linkSync(report, join(root, "hard-link.json"));
    symlinkSync(report, join(root, "soft-link.json"));
    for (const [output, format] of [
      ["hard-link.json", "--output"],
      ["soft-link.json", "--output"],
      ["good/../group/reports/README.md", "--output"],
      ["hard-link.json", "json="],
    ]) {
      const args =
        format === "json=" ? ["--format", `json=${output}`] : ["--format", "json", format!, output!];
      const run = runCli(["lint", "group", "good", ...args, ...JUNIT], root);
      const shown = output === "good/../group/reports/README.md" ? "group/reports/README.md" : output;
      expect([output, format, run.code, errorLines(run.stderr)]).toEqual([
        output,
        format,
        2,
        [`mlops-report: error: ${shown}: is a report being linted: the output is not written there`],
      ]);
      expect(readFileSync(report, "utf8")).toBe(before);
      expectGoodLinted(root);
    }
  });

  it("creates the folders missing above an output, for --output and --format name=FILE alike", () => {
    const root = treeWithGood();
    const run = runCli(
      [
        "lint",
        "good",
        "--format",
        "json",
        "--output",
        "new/a/b/c.json",
        "--format",
        "junit=other/d/junit.xml",
      ],
      root,
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(readFileSync(join(root, "new/a/b/c.json"), "utf8")).results).toHaveLength(1);
    expect(readFileSync(join(root, "other/d/junit.xml"), "utf8")).toContain('name="good/reports/README.md"');
  });
});

describe("--fix", () => {
  it("writes nothing over an edit saved while the fixes were made, exit 2", () => {
    // A report with a fix to make (an image written in a code span), and a plugin rule that saves an edit
    // to the report while the run lints it, as a student's editor would.
    const fixable = reportAnswering("`![w](figures/w.png)`");
    const root = treeWithGood({
      "group/reports/README.md": fixable,
      "group/reports/figures/w.png": "png",
      "staff.yaml": "extends: mlops-report:2026\nplugins: [./save.mjs]\n",
      "save.mjs": `import { writeFileSync } from "node:fs";
export const rules = [{
  meta: { id: "test/save", description: "saves an edit", docs: "docs/save.md", defaultSeverity: "info" },
  options: {},
  *check({ report }) {
    if (report.source.path.includes("group")) writeFileSync(report.source.path, "edited meanwhile\\n");
  },
}];
`,
    });
    const run = runCli(["lint", "group", "good", "--fix", "--config", "staff.yaml", ...JUNIT], root);
    expect(errorLines(run.stderr)).toEqual([
      "mlops-report: error: group/reports/README.md: changed since it was read: the fixes are not written (run again to fix the new text)",
    ]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(root, "group/reports/README.md"), "utf8")).toBe("edited meanwhile\n");
    expectGoodLinted(root);
    expect(existsSync(join(root, "group/reports/.README.md.tmp"))).toBe(false);
  });

  it("writes the fixes of an unchanged report in place", () => {
    const root = treeWithGood({
      "group/reports/README.md": reportAnswering("`![w](figures/w.png)`"),
      "group/reports/figures/w.png": "png",
    });
    mkdirSync(join(root, "out"), { recursive: true });
    const run = runCli(["lint", "group", "--fix", "--format", "json"], root);
    expect(errorLines(run.stderr)).toEqual(["mlops-report: note: group/reports/README.md: fixed 1 finding"]);
    expect(readFileSync(join(root, "group/reports/README.md"), "utf8")).toContain("\n![w](figures/w.png)\n");
  });
});

describe("figures that name files off the repository", () => {
  it("reports a file: URL, a Windows drive path and a link to a file outside the repository", () => {
    const root = treeWithGood({
      "group/reports/README.md": reportAnswering(
        "![a](file:///etc/passwd) ![b](C:/Windows/x.png) ![c](figures/c.png)",
      ),
      "outside.png": "png",
    });
    mkdirSync(join(root, "group/reports/figures"));
    symlinkSync(join(root, "outside.png"), join(root, "group/reports/figures/c.png"));
    const run = runCli(
      ["lint", "group", "good", "--format", "json", "--format", "junit=out/junit.xml"],
      root,
    );
    const group = JSON.parse(run.stdout).results.find(
      (result: { filePath: string }) => result.filePath === "group/reports/README.md",
    );
    const outside = group.diagnostics.filter((d: { ruleId: string }) => d.ruleId === "image/outside-report");
    expect(outside.map((d: { message: string }) => d.message)).toEqual(
      ["file:///etc/passwd", "C:/Windows/x.png", "figures/c.png"].map(
        (url) =>
          `Image "${url}" points outside the repository, so GitHub cannot show it: move the file into the figures/ folder beside the report`,
      ),
    );
    expect(run.code).toBe(1);
    expectGoodLinted(root);
  });
});

describe("quotes of emoji", () => {
  /** The bundled example report with DVC unticked and Question 10 mentioning it inside a long run of emoji. */
  function exampleQuoting(prefix: string): string {
    const example = readFileSync(
      new URL("../../examples/group-42/reports/README.md", import.meta.url),
      "utf8",
    );
    const start =
      example.indexOf("\n\n", example.indexOf("Answer:", example.indexOf("### Question 10\n"))) + 2;
    const end = example.indexOf("### Question 11", start);
    const emoji = "\u{1F600}".repeat(100);
    return `${example.slice(0, start)}${prefix}${emoji}dvc${emoji}.\n\n${example.slice(end)}`.replace(
      "[x] Setup version control for your data",
      "[ ] Setup version control for your data",
    );
  }

  it("never cut an emoji in two, so JSON and SARIF stay valid for strict readers", () => {
    const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const LONE_ESCAPE = /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;
    // Both parities of where the quote's window starts: the answer is quoted because DVC is mentioned, not ticked.
    for (const prefix of ["We used ", "We used a "]) {
      const root = treeWithGood({ "group/reports/README.md": exampleQuoting(prefix) });
      const formats = [
        "--format",
        "json",
        "--format",
        "sarif=out/r.sarif",
        "--format",
        "junit=out/junit.xml",
      ];
      const run = runCli(["lint", "group", "good", ...formats], root);
      const quoted = JSON.parse(run.stdout)
        .results.flatMap((r: { diagnostics: { message: string }[] }) => r.diagnostics)
        .filter((d: { message: string }) => d.message.includes("\u{1F600}"));
      expect(quoted.length).toBeGreaterThan(0);
      // No half of one either, which the reporters would have to replace with U+FFFD.
      for (const d of quoted) expect(d.message).not.toMatch(/[\uFFFD]/);
      for (const d of quoted) expect(d.message).not.toMatch(LONE);
      expect(run.stdout).not.toMatch(LONE_ESCAPE);
      expect(readFileSync(join(root, "out/r.sarif"), "utf8")).not.toMatch(LONE_ESCAPE);
      expectGoodLinted(root);
    }
  });
});
