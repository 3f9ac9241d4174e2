import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { cleanReportFiles, syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/**
 * Configs a group commits into its repository, linted by staff in one class run: each is refused in a few lines
 * naming the config, line and column, or runs without stalling; the good group beside them is still linted.
 */
const JUNIT = ["--format", "junit=out/junit.xml"];

/** A group folder whose report is this text and whose `.mlops-report.yaml` is this config. */
function group(name: string, config: string | Uint8Array, report = syntheticReport({ year: 2026 })) {
  return { [`${name}/reports/README.md`]: report, [`${name}/.mlops-report.yaml`]: config };
}

function junitOf(root: string): string {
  return readFileSync(join(root, "out/junit.xml"), "utf8");
}

describe("a group's own config in a class run", () => {
  it("extends only presets and files inside the group's repository", () => {
    const root = tempTree({
      ...cleanReportFiles("class/good/"),
      ...group("class/zero", "extends: /dev/zero\n"),
      ...group("class/environ", "extends: /proc/self/environ\n"),
      ...group("class/passwd", "extends: /etc/passwd\n"),
      ...group("class/sibling", "extends: ../good/reports/README.md\n"),
    });
    const run = runCli(["lint", "class", ...JUNIT], root, { SECRET_TOKEN: "do-not-print-me" });
    const refused = (name: string, target: string) =>
      [
        `class/${name}/.mlops-report.yaml:1:10: extends \`${target}\`, outside this repository: a config found in a linted repository extends only presets and config files inside its repository`,
        `  1 | extends: ${target}`,
        `    |          ${"^".repeat(target.length)}`,
      ].join("\n");
    expect(run.stderr).toBe(
      `${[
        refused("environ", "/proc/self/environ"),
        refused("passwd", "/etc/passwd"),
        refused("sibling", "../good/reports/README.md"),
        refused("zero", "/dev/zero"),
      ].join("\n")}\n`,
    );
    expect(run.stderr).not.toContain("do-not-print-me");
    expect(run.code).toBe(2);
    expect(junitOf(root)).toContain('name="class/good/reports/README.md"');
  });

  it("names the config holding an extends of a folder, a FIFO or a URL", () => {
    const root = tempTree({
      ...cleanReportFiles("class/good/"),
      ...group("class/folder", "extends: ./\n"),
      ...group("class/pipe", "extends: ./pipe.yaml\n"),
      ...group("class/url", "extends: https://example.org/c.yaml\n"),
    });
    execFileSync("mkfifo", [join(root, "class/pipe/pipe.yaml")]);
    const run = runCli(["lint", "class", ...JUNIT], root);
    expect(run.stderr.split("\n").filter((line) => !line.startsWith(" "))).toEqual([
      `class/folder/.mlops-report.yaml:1:10: extends \`./\`, which is a folder, not a config file (looked at ${join(root, "class/folder")})`,
      `class/pipe/.mlops-report.yaml:1:10: extends \`./pipe.yaml\`, which is not a regular file (looked at ${join(root, "class/pipe/pipe.yaml")})`,
      "class/url/.mlops-report.yaml:1:10: extends `https://example.org/c.yaml`: URLs are not supported (extend a preset such as `mlops-report:2026`, or a config file by its path)",
      "",
    ]);
    expect(run.code).toBe(2);
    expect(junitOf(root)).toContain('name="class/good/reports/README.md"');
  });

  it("names a config that is not UTF-8, too large, or nested too deeply, in one line", () => {
    const root = tempTree({
      ...cleanReportFiles("class/good/"),
      ...group("class/huge", `# ${"x".repeat(300 * 1024)}\n`),
      ...group("class/latin1", new Uint8Array([0x79, 0x65, 0x61, 0x72, 0x3a, 0x20, 0xe9, 0x0a])),
      ...group("class/deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`),
    });
    const run = runCli(["lint", "class", ...JUNIT], root);
    expect(run.stderr).toBe(
      [
        "class/deep/.mlops-report.yaml: the config is nested too deeply to read (thousands of levels)",
        "class/huge/.mlops-report.yaml: cannot read the config: too large (300 KB; the limit is 256 KB)",
        "class/latin1/.mlops-report.yaml: the config is not UTF-8 text (invalid byte at offset 6)",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(2);
    expect(junitOf(root)).toContain('name="class/good/reports/README.md"');
  });

  it("matches catastrophic regexes in linear time, and refuses lookaround at its line and column", () => {
    const evil = syntheticReport({ year: 2026, answers: { 10: "a".repeat(34) } }).replace(
      "Create a git repository",
      `${"a".repeat(32)}!`,
    );
    const root = tempTree({
      ...cleanReportFiles("class/good/"),
      ...group("class/checklist", "extends: mlops-report:2026\nchecklist:\n  evil: '^\\W*(a+)+$'\n", evil),
      ...group(
        "class/expression",
        "extends: mlops-report:2026\nrules:\n  consistency:\n    evil:\n      assert: not matches(q10, /(a+)+b/)\n      message: never\n",
        evil,
      ),
      ...group("class/lookaround", "extends: mlops-report:2026\nchecklist:\n  ahead: (?=a)b\n"),
    });
    const run = runCli(["lint", "class", ...JUNIT], root);
    expect(run.stderr).toBe(
      [
        "class/lookaround/.mlops-report.yaml:3:10: checklist id ahead: this regular expression cannot be matched in linear time (invalid or unsupported Perl syntax: `(?=`): a config found in a linted repository may not use lookaround or back-references",
        "  3 |   ahead: (?=a)b",
        "    |          ^^^^^^",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(2);
    const junit = junitOf(root);
    for (const name of ["good", "checklist", "expression"])
      expect(junit).toContain(`name="class/${name}/reports/README.md"`);
  });
});

describe("a config the user names", () => {
  it("may extend any file, and its errors show no more than a short excerpt of it", () => {
    const secret = `token: ${"s".repeat(5000)}\n`;
    const root = tempTree({
      ...cleanReportFiles("good/"),
      "notes.txt": secret,
      "staff.yaml": "extends: ./notes.txt\n",
    });
    const run = runCli(["lint", "good", "--config", "staff.yaml"], root);
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe("notes.txt:1:1: unknown key `token`");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    expect(run.stderr.split("s").length - 1).toBeLessThan(200);
  });
});
