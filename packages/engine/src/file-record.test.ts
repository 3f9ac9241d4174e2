import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { nodeFileProbe, parse } from "@mlops-report/core";
import { temporaryFolders } from "@mlops-report/testing/temporary";
import { describe, expect, it } from "vitest";
import { lookupsUnchanged, recordFileLookups } from "./file-record.js";

const { folder } = temporaryFolders();

function repository() {
  const root = folder("file-record");
  mkdirSync(join(root, "reports/figures"), { recursive: true });
  writeFileSync(join(root, "reports/figures/a.png"), "png");
  const report = join(root, "reports/README.md");
  const text = "### Question 1\n\n![a](figures/a.png) ![b](figures/b.png)\n";
  writeFileSync(report, text);
  return { root, report, text };
}

describe("recordFileLookups", () => {
  it("records the folders image resolution lists and the files it lands on", () => {
    const { root, report, text } = repository();
    const { value, records } = recordFileLookups(() => parse(text, { path: report }));
    expect(value.images.map((image) => image.exists)).toEqual(["exists", "missing"]);
    const paths = records.map((r) => `${r.op} ${r.path.slice(root.length)}`);
    expect(paths).toContain("list /reports/figures");
    expect(paths).toContain("list /reports/figures/a.png");
    expect(paths).toContain("exists /reports/.git");
    expect(records.find((r) => r.path.endsWith("a.png"))?.state).toMatch(/^file:3:\d+$/);
    expect(lookupsUnchanged(records)).toBe(true);
  });

  it("stops recording afterwards and puts the previous observer back", () => {
    const { report, text } = repository();
    const outer: string[] = [];
    const previous = nodeFileProbe.observe({ listed: (dir) => outer.push(dir), checked: () => {} });
    try {
      recordFileLookups(() => parse(text, { path: report }));
      expect(outer).toEqual([]);
      parse(text, { path: report });
      expect(outer.length).toBeGreaterThan(0);
    } finally {
      nodeFileProbe.observe(previous);
    }
  });

  it("sees a touched image, a new file in a listed folder and a removed one", () => {
    const touched = repository();
    const touchedRecords = recordFileLookups(() => parse(touched.text, { path: touched.report })).records;
    utimesSync(join(touched.root, "reports/figures/a.png"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(lookupsUnchanged(touchedRecords)).toBe(false);

    const added = repository();
    const addedRecords = recordFileLookups(() => parse(added.text, { path: added.report })).records;
    writeFileSync(join(added.root, "reports/figures/b.png"), "png");
    expect(lookupsUnchanged(addedRecords)).toBe(false);

    const removed = repository();
    const removedRecords = recordFileLookups(() => parse(removed.text, { path: removed.report })).records;
    rmSync(join(removed.root, "reports/figures/a.png"));
    expect(lookupsUnchanged(removedRecords)).toBe(false);
  });

  it("ignores changes in folders no look-up listed", () => {
    const { root, report, text } = repository();
    mkdirSync(join(root, "src"));
    const { records } = recordFileLookups(() => parse(text, { path: report }));
    writeFileSync(join(root, "src/train.py"), "unrelated");
    mkdirSync(join(root, "reports/figures/old"));
    expect(lookupsUnchanged(records)).toBe(false);
    const again = recordFileLookups(() => parse(text, { path: report })).records;
    writeFileSync(join(root, "src/model.py"), "unrelated");
    writeFileSync(join(root, "reports/figures/old/c.png"), "png");
    expect(lookupsUnchanged(again)).toBe(true);
  });

  it("does not count the ignored file (the cache) coming or going in a listed folder", () => {
    const { report, text } = repository();
    const cacheFile = join(report, "..", "figures", ".mlops-report-cache");
    const { records } = recordFileLookups(() => parse(text, { path: report }), cacheFile);
    writeFileSync(cacheFile, "{}");
    expect(lookupsUnchanged(records, cacheFile)).toBe(true);
    expect(lookupsUnchanged(records)).toBe(false);
    rmSync(cacheFile);
    writeFileSync(join(report, "..", "figures", "other"), "");
    expect(lookupsUnchanged(records, cacheFile)).toBe(false);
  });
});
