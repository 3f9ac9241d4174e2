import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { openRepository, parse, SECTION_PARSER, type SectionStore } from "@mlops-report/core";
import { tempTree } from "@mlops-report/testing/cli";
import { lintSettings } from "@mlops-report/testing/engine";
import { syntheticReport, words } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";
import { checksum64, contentChecksum } from "./checksum.js";
import { type LintSettings, ReportLinter } from "./lint-one.js";
import { loadReportMemory, ReportMemory, reportMemoryFile, saveReportMemory } from "./report-memory.js";

const REPORT = "/group/reports/README.md";
const text = syntheticReport({ year: 2026, answers: { 1: "42", 7: words(60) } });

/** Parses `md` through `store` and says how many sections it had to parse. */
function parsedSections(md: string, store: SectionStore): number {
  let parsed = 0;
  const counting: SectionStore = {
    get: (section) => store.get(section),
    set: (section, tree) => {
      parsed++;
      store.set(section, tree);
    },
  };
  parse(md, { sections: counting });
  return parsed;
}

describe("checksum64", () => {
  it("is 16 hex digits that change with any byte, the length, or the start of an unaligned view", () => {
    const bytes = Buffer.from(text);
    const sum = checksum64(bytes);
    expect(sum).toMatch(/^[0-9a-f]{16}$/);
    expect(checksum64(Buffer.from(text))).toBe(sum);
    for (const at of [0, 1, 2, 3, 1000, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at]! ^= 1;
      expect(checksum64(changed)).not.toBe(sum);
    }
    expect(checksum64(bytes.subarray(0, bytes.length - 1))).not.toBe(sum);
    const unaligned = Buffer.concat([Buffer.from("x"), bytes]).subarray(1);
    expect(checksum64(unaligned)).toBe(sum);
  });

  it("checks a file's content with zlib's CRC-32 where Node has it", () => {
    const bytes = Buffer.from(text);
    expect(contentChecksum(bytes)).toMatch(/^crc32:[0-9a-f]{8}$/);
    expect(contentChecksum(bytes)).not.toBe(contentChecksum(Buffer.concat([bytes, Buffer.from(" ")])));
  });
});

describe("ReportMemory", () => {
  it("keeps from one run to the next only the sections the last run used", () => {
    const memory = new ReportMemory();
    const all = parsedSections(text, memory.sections);
    expect(all).toBeGreaterThan(30);
    memory.nextRun();
    expect(parsedSections(text, memory.sections)).toBe(0);
    expect(memory.hasChanged).toBe(false);
    const edited = text.replace(words(60), words(61));
    memory.nextRun();
    expect(parsedSections(edited, memory.sections)).toBe(1);
    expect(memory.hasChanged).toBe(true);
    expect(memory.sections.values.size).toBe(all);
  });
});

describe("a report's memory on disk", () => {
  const BUILD = "0123456789abcdef";
  const place = (folder: string, build = BUILD) => ({ folder, build });
  const saved = () => {
    const folder = join(tempTree({}), "cache");
    const memory = loadReportMemory(place(folder), REPORT);
    parsedSections(text, memory.sections);
    saveReportMemory(place(folder), REPORT, memory);
    return { folder, file: reportMemoryFile(folder, REPORT) };
  };

  // Generous: 70 MB written twice over, on a busy machine.
  it("never writes a file larger than it reads back: the repository's answers are left out first", {
    timeout: 60_000,
  }, () => {
    const { folder, file } = saved();
    const memory = loadReportMemory(place(folder), REPORT);
    expect(parsedSections(text, memory.sections)).toBe(0);
    // A listing whose recall alone is over the 64 MB a memory file may be.
    const files = Array.from(
      { length: 1_200 },
      (_, i) => `${String(i).padStart(4, "0")}${"x".repeat(60_000)}`,
    );
    memory.keepRepository({ limits: "x", files, listing: null, matches: new Map(), searches: new Map() });
    saveReportMemory(place(folder), REPORT, memory);
    expect(statSync(file).size).toBeLessThan(64 * 1024 * 1024);
    const next = loadReportMemory(place(folder), REPORT);
    expect(next.repository).toBeNull();
    expect(parsedSections(text, next.sections)).toBe(0);
  });

  it("gives the next run of the report every section it parsed, and is not rewritten unchanged", () => {
    const { folder, file } = saved();
    expect(readdirSync(folder)).toEqual([file.slice(folder.length + 1)]);
    const written = statSync(file);
    utimesSync(file, 1_000, 1_000);
    const next = loadReportMemory(place(folder), REPORT);
    expect(parsedSections(text, next.sections)).toBe(0);
    saveReportMemory(place(folder), REPORT, next);
    // The same file, marked as used now for pruning.
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBeGreaterThan(1_000_000);
    expect(parsedSections(text, loadReportMemory(place(folder), "/other/reports/README.md").sections)).toBe(
      parsedSections(text, new ReportMemory().sections),
    );
  });

  it("ignores the memory of another build, a damaged file, one for another parser or of another shape", () => {
    const { folder, file } = saved();
    const whole = readFileSync(file);
    expect(parsedSections(text, loadReportMemory(place(folder, "fedcba9876543210"), REPORT).sections)).toBe(
      parsedSections(text, new ReportMemory().sections),
    );
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 7]! ^= 0xff;
    const foreign = (content: unknown) => {
      const bytes = serialize(content);
      return Buffer.concat([Buffer.from(`${contentChecksum(bytes)}\n`, "latin1"), bytes]);
    };
    const stored = { build: BUILD, parser: SECTION_PARSER, sections: [], repository: null };
    for (const bytes of [
      damaged,
      Buffer.from("short"),
      foreign({ ...stored, parser: "sections/0" }),
      foreign({ ...stored, sections: [["# A\n", { children: "no" }]] }),
      foreign(["not", "an", "object"]),
    ]) {
      writeFileSync(file, bytes);
      const memory = loadReportMemory(place(folder), REPORT);
      expect(parsedSections(text, memory.sections)).toBeGreaterThan(30);
      saveReportMemory(place(folder), REPORT, memory);
      expect(readFileSync(file).equals(whole)).toBe(true);
    }
    writeFileSync(file, foreign({ ...stored, repository: { limits: "1:1:1", files: [1] } }));
    expect(loadReportMemory(place(folder), REPORT).repository).toBeNull();
    const hit = { status: "asserted", term: "DVC", sentence: "We use DVC.", block: 0 };
    writeFileSync(file, foreign({ ...stored, evidence: [["key", [hit]]] }));
    expect(loadReportMemory(place(folder), REPORT).evidence.get("key")).toEqual([hit]);
    writeFileSync(
      file,
      foreign({
        ...stored,
        evidence: [
          ["key", [hit]],
          ["forged", [{ ...hit, block: -1 }]],
        ],
      }),
    );
    expect(loadReportMemory(place(folder), REPORT).evidence.get("key")).toBeUndefined();
  });

  it("keeps what the repository view found, and takes it again while nothing it looked at changed", () => {
    const root = tempTree({ "reports/README.md": text, "src/train.py": "import wandb\n" });
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, "src/train.py"), past, past);
    const path = join(root, "reports/README.md");
    const folder = join(tempTree({}), "cache");
    const view = openRepository(path)!;
    view.search("**/*.py", /wandb/);
    const memory = loadReportMemory(place(folder), path);
    memory.keepRepository(view.recall());
    saveReportMemory(place(folder), path, memory);
    const recall = loadReportMemory(place(folder), path).repository!;
    expect(recall).toEqual(view.recall());
    const again = openRepository(path, { recall })!;
    expect(again.search("**/*.py", /wandb/).match?.path).toBe("src/train.py");
    expect(again.recall()).toBe(recall);
  });

  it("reads only a regular file in its place, so that a FIFO cannot hang the run", () => {
    const folder = join(tempTree({}), "cache");
    mkdirSync(folder);
    execFileSync("mkfifo", [reportMemoryFile(folder, REPORT)]);
    expect(parsedSections(text, loadReportMemory(place(folder), REPORT).sections)).toBeGreaterThan(30);
  });

  it("reads no file beyond 64 MB, even one whole and of the right checksum", () => {
    const { folder, file } = saved();
    const genuine = readFileSync(file);
    // V8 reads the one value it wrote and stops: zeros after it change nothing but the size.
    const content = Buffer.concat([
      genuine.subarray(genuine.indexOf(0x0a) + 1),
      Buffer.alloc(64 * 1024 * 1024),
    ]);
    writeFileSync(file, Buffer.concat([Buffer.from(`${contentChecksum(content)}\n`, "latin1"), content]));
    const memory = loadReportMemory(place(folder), REPORT);
    expect(parsedSections(text, memory.sections)).toBeGreaterThan(30);
    saveReportMemory(place(folder), REPORT, memory);
    expect(readFileSync(file).equals(genuine)).toBe(true);
    const within = content.subarray(0, 64 * 1024 * 1024 - 64);
    writeFileSync(file, Buffer.concat([Buffer.from(`${contentChecksum(within)}\n`, "latin1"), within]));
    expect(parsedSections(text, loadReportMemory(place(folder), REPORT).sections)).toBe(0);
  });

  it("takes nothing through a link in its place, even to a memory of the report", () => {
    const { folder, file } = saved();
    const elsewhere = join(folder, "..", "elsewhere.v8");
    renameSync(file, elsewhere);
    symlinkSync(elsewhere, file);
    expect(parsedSections(text, loadReportMemory(place(folder), REPORT).sections)).toBeGreaterThan(30);
  });

  it("never throws when the folder cannot be made", () => {
    const root = tempTree({ "file-in-the-way": "" });
    const folder = join(root, "file-in-the-way", "cache");
    const memory = loadReportMemory(place(folder), REPORT);
    parsedSections(text, memory.sections);
    expect(() => saveReportMemory(place(folder), REPORT, memory)).not.toThrow();
    expect(existsSync(folder)).toBe(false);
  });

  it("keeps the memory of the sixteen reports linted last", () => {
    const folder = join(tempTree({}), "cache");
    for (let i = 0; i < 17; i++) {
      const report = `/group-${i}/reports/README.md`;
      const memory = loadReportMemory(place(folder), report);
      parsedSections(`# Report ${i}\n`, memory.sections);
      saveReportMemory(place(folder), report, memory);
      utimesSync(reportMemoryFile(folder, report), 1_000 + i, 1_000 + i);
    }
    const kept = readdirSync(folder).sort();
    const expected = Array.from({ length: 16 }, (_, i) =>
      reportMemoryFile(folder, `/group-${i + 1}/reports/README.md`),
    );
    expect(kept).toEqual(expected.map((f) => f.slice(folder.length + 1)).sort());
  });
});

describe("ReportLinter with a memory", () => {
  it("lints a report as without one, on its first run, its next, and after an edit", async () => {
    const root = tempTree({ "reports/README.md": text, "src/train.py": "import wandb\n" });
    const path = join(root, "reports/README.md");
    const base = lintSettings(root);
    const lint = async (settings: LintSettings) => {
      const linter = new ReportLinter(settings);
      const outcome = await linter.lint({ path, shown: "reports/README.md", config: linter.locate(path) });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.result;
    };
    const folder = join(root, "cache");
    const kept = { ...base, memory: { folder, build: "0123456789abcdef" } };
    const plain = await lint(base);
    expect(await lint(kept)).toEqual(plain);
    expect(existsSync(reportMemoryFile(folder, path))).toBe(true);
    expect(await lint(kept)).toEqual(plain);
    writeFileSync(path, text.replace(words(60), words(5)));
    const edited = await lint(kept);
    expect(edited).toEqual(await lint(base));
    expect(
      edited.diagnostics.some((d) => d.ruleId === "answer/word-count" && d.message.includes("5 words")),
    ).toBe(true);
  });

  it("lints a report as without one when its memory has the right checksum but not the shape of one", async () => {
    const root = tempTree({ "reports/README.md": text });
    const path = join(root, "reports/README.md");
    const base = lintSettings(root);
    const lint = async (settings: LintSettings) => {
      const linter = new ReportLinter(settings);
      return linter.lint({ path, shown: "reports/README.md", config: linter.locate(path) });
    };
    const folder = join(root, "cache");
    const kept = { ...base, memory: { folder, build: "0123456789abcdef" } };
    const plain = await lint(base);
    expect(plain.ok && plain.result.diagnostics.length).toBeGreaterThan(25);
    await lint(kept);
    const file = reportMemoryFile(folder, path);
    const genuine = readFileSync(file);
    type Node = Record<string, unknown> & { children?: Node[] };
    type Stored = { sections: [string, { children: Node[] }][]; repository: unknown; evidence: unknown[] };
    /** The genuine memory with one part changed, behind a checksum that matches. */
    const forge = (change: (stored: Stored) => void) => {
      const stored = deserialize(genuine.subarray(genuine.indexOf(0x0a) + 1)) as Stored;
      change(stored);
      const content = serialize(stored);
      writeFileSync(file, Buffer.concat([Buffer.from(`${contentChecksum(content)}\n`, "latin1"), content]));
    };
    const longest = (stored: Stored) =>
      stored.sections.map(([, section]) => section).sort((a, b) => b.children.length - a.children.length)[0]!;
    const heading = (stored: Stored) =>
      stored.sections.flatMap(([, section]) => section.children).find((node) => node.type === "heading")!;
    const forgeries: [string, (stored: Stored) => void][] = [
      ["a null among a section's nodes", (stored) => longest(stored).children.push(null as never)],
      [
        "a sparse array of nodes",
        (stored) => {
          longest(stored).children.length = 2 ** 32 - 1;
        },
      ],
      [
        "nodes that are empty objects without a prototype",
        (stored) => {
          for (const [, section] of stored.sections)
            section.children = section.children.map(() => ({ __proto__: null }));
        },
      ],
      [
        "a node of no known type",
        (stored) => {
          longest(stored).children[0]!.type = "script";
        },
      ],
      [
        "a text node with children",
        (stored) => {
          heading(stored).children![0]!.children = [null as never];
        },
      ],
      [
        "a heading of depth 9",
        (stored) => {
          heading(stored).depth = 9;
        },
      ],
      ["a node without a position", (stored) => delete longest(stored).children[0]!.position],
      [
        "a sparse list of sections",
        (stored) => {
          stored.sections.length = 2 ** 32 - 1;
        },
      ],
      [
        "a recall with a sparse list of files",
        (stored) => {
          const files = Object.assign([], { length: 2 ** 32 - 1 });
          stored.repository = { limits: "", files, listing: null, matches: new Map(), searches: new Map() };
        },
      ],
      ["no evidence field", (stored) => delete (stored as Partial<Stored>).evidence],
    ];
    for (const [what, change] of forgeries) {
      forge(change);
      expect([what, await lint(kept)]).toEqual([what, plain]);
    }
  });
});
