import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "@mlops-report/reporters";
import { tempTree } from "@mlops-report/testing/cli";
import { describe, expect, it } from "vitest";
import type { Io } from "./io.js";
import { MAX_FIGURE_BYTES, writeFolder } from "./output-folder.js";
import { fileIdentity } from "./outputs.js";

function io(cwd: string): Io & { errors: string[] } {
  const errors: string[] = [];
  return { cwd, env: {}, stdout: () => {}, stderr: (text) => errors.push(text), stdoutIsTTY: false, errors };
}

const copy = (file: string): OutputFile => ({
  path: `g/${file}`,
  copyFrom: { report: "g/reports/README.md", file },
});

describe("writeFolder", () => {
  it("writes the pages and copies each figure from the report's repository", () => {
    const cwd = tempTree({ "g/reports/README.md": "# r", "g/reports/figures/a.png": "PNG bytes" });
    const out = join(cwd, "out");
    const run = io(cwd);
    writeFolder(
      out,
      [{ path: "index.html", content: "<p>class</p>" }, copy("reports/figures/a.png")],
      new Set(),
      run,
    );
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>class</p>");
    expect(readFileSync(join(out, "g/reports/figures/a.png"), "utf8")).toBe("PNG bytes");
    expect(run.errors).toEqual([]);
  });

  it("copies no file outside the repository, no file but an image, none too big and nothing that is not a file", () => {
    const cwd = tempTree({ "g/reports/README.md": "# r", "secret.png": "outside", "g/notes.txt": "text" });
    symlinkSync(join(cwd, "secret.png"), join(cwd, "g/link.png"));
    writeFileSync(join(cwd, "g/big.png"), "");
    truncateSync(join(cwd, "g/big.png"), MAX_FIGURE_BYTES + 1);
    execFileSync("mkfifo", [join(cwd, "g/pipe.png")]);
    const out = join(cwd, "out");
    const run = io(cwd);
    const files = ["link.png", "notes.txt", "big.png", "pipe.png", "gone.png"].map(copy);
    writeFolder(out, [...files, { path: "../escaped.html", content: "x" }], new Set(), run);
    expect(readdirSync(cwd).sort()).toEqual(["g", "secret.png"]);
    expect(run.errors).toEqual([
      "mlops-report: note: g/link.png: figure not copied to the HTML folder (outside its repository)\n",
      "mlops-report: note: g/notes.txt: figure not copied to the HTML folder (not an image file)\n",
      "mlops-report: note: g/big.png: figure not copied to the HTML folder (over 10 MB)\n",
      "mlops-report: note: g/pipe.png: figure not copied to the HTML folder (not a file)\n",
      "mlops-report: note: g/gone.png: figure not copied to the HTML folder (no such file or folder)\n",
    ]);
  });

  it("writes nothing over a report being linted", () => {
    const cwd = tempTree({ "g/reports/README.md": "# r" });
    expect(() =>
      writeFolder(
        cwd,
        [{ path: "g/reports/README.md", content: "x" }],
        new Set([fileIdentity(join(cwd, "g/reports/README.md"))!]),
        io(cwd),
      ),
    ).toThrow("g/reports/README.md: is a report being linted: the output is not written there");
    expect(readFileSync(join(cwd, "g/reports/README.md"), "utf8")).toBe("# r");
  });
});
