import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SHARED } from "./setting.js";

export const HAS_CORPUS = existsSync(`${SHARED}corpus`);
if (!HAS_CORPUS) console.warn(`[corpus] ${SHARED}corpus not found: corpus tests are skipped`);

export interface CorpusReport {
  /** The oracle's key: a seed's file name or `repos/` folder name. */
  key: string;
  path: string;
  text: string;
  isRepo: boolean;
}

export function corpusReports(): CorpusReport[] {
  if (!HAS_CORPUS) return [];
  const seeds = readdirSync(`${SHARED}corpus/seeds`)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ key: f, path: `${SHARED}corpus/seeds/${f}`, isRepo: false }));
  const repos = readdirSync(`${SHARED}corpus/repos`).map((d) => ({
    key: d,
    path: `${SHARED}corpus/repos/${d}/reports/README.md`,
    isRepo: true,
  }));
  return [...seeds, ...repos]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((r) => ({ ...r, text: readFileSync(r.path, "utf8") }));
}

export interface OracleQuestion {
  words: number;
  images: number;
  fails: ("words" | "images")[];
}
export interface OracleEntry {
  variant: "2023-2024" | "2025" | "2026";
  answers: number;
  crashes: boolean;
  questions: Record<string, OracleQuestion>;
}

export function oracle(): Record<string, OracleEntry> {
  return HAS_CORPUS ? JSON.parse(readFileSync(`${SHARED}oracle/official.json`, "utf8")) : {};
}
