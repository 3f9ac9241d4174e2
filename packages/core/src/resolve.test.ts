import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FileProbeObserver, isMachinePath, nodeFileProbe, resolveImage } from "./resolve.js";

const root = mkdtempSync(join(tmpdir(), "node-file-probe-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "figures/old"), { recursive: true });
writeFileSync(join(root, "figures/a.png"), "png");
writeFileSync(join(root, "figures/old/b.png"), "png");
symlinkSync(join(root, "figures/old"), join(root, "figures/linked"));

describe("nodeFileProbe", () => {
  // Paths asked both before and after their folder is listed: the answers from a folder's listing must be the
  // ones the file system gives.
  const cases: [string, string[] | null][] = [
    ["figures", ["a.png", "linked", "old"]],
    ["figures/a.png", null],
    ["figures/missing.png", null],
    ["figures/old", ["b.png"]],
    ["figures/linked", ["b.png"]],
    ["figures/a.png/inner", null],
    ["figures/old/..", ["a.png", "linked", "old"]],
  ];

  it.each(cases)("lists %s the same with and without its folder's listing known", (path, expected) => {
    const sorted = (names: readonly string[] | null) => (names ? [...names].sort() : null);
    const cold = nodeFileProbe();
    expect(sorted(cold.list(`${root}/${path}`))).toEqual(expected);
    const warm = nodeFileProbe();
    warm.list(`${root}/figures`);
    warm.list(`${root}/figures/old`);
    expect(sorted(warm.list(`${root}/${path}`))).toEqual(expected);
  });

  it("tells its observer of every list call, answered from a listing or not", () => {
    const heard: string[] = [];
    const observer: FileProbeObserver = {
      listed: (dir, names) =>
        heard.push(`${dir.slice(root.length)} ${names === null ? "null" : names.length}`),
      checked: () => {},
    };
    const previous = nodeFileProbe.observe(observer);
    try {
      const probe = nodeFileProbe();
      probe.list(`${root}/figures`);
      probe.list(`${root}/figures/a.png`);
      probe.list(`${root}/figures/a.png`);
      probe.list(`${root}/figures/nothing`);
    } finally {
      nodeFileProbe.observe(previous);
    }
    expect(heard).toEqual([
      "/figures 3",
      "/figures/a.png null",
      "/figures/a.png null",
      "/figures/nothing null",
    ]);
  });
});

describe("resolveImage on paths that leave the repository", () => {
  const repo = join(root, "repo");
  mkdirSync(join(repo, "reports/figures"), { recursive: true });
  writeFileSync(join(root, "outside.png"), "png");
  writeFileSync(join(repo, "reports/figures/in.png"), "png");
  symlinkSync(join(root, "outside.png"), join(repo, "reports/figures/out.png"));
  symlinkSync(join(repo, "reports/figures/in.png"), join(repo, "reports/figures/alias.png"));
  const report = join(repo, "reports/README.md");

  it.each([
    ["file:///etc/passwd", { resolved: "file:///etc/passwd", exists: "outside-repository" }],
    ["C:/Windows/x.png", { resolved: "C:/Windows/x.png", exists: "outside-repository" }],
    ["C:\\Windows\\x.png", { resolved: "C:\\Windows\\x.png", exists: "outside-repository" }],
    ["figures/out.png", { resolved: "reports/figures/out.png", exists: "outside-repository" }],
    ["figures/alias.png", { resolved: "reports/figures/alias.png", exists: "exists" }],
  ])("%s", (url, expected) => {
    expect(resolveImage(url, report, repo, nodeFileProbe())).toEqual(expected);
  });

  it("takes file: URLs and drive letters for paths on the writer's machine, not for web addresses", () => {
    expect(["file:///x.png", "C:/x.png", "d:\\x.png"].map(isMachinePath)).toEqual([true, true, true]);
    expect(["https://x.org/a.png", "c:x", "figures/a.png"].map(isMachinePath)).toEqual([false, false, false]);
  });
});
