import { cleanReportFiles, words } from "./synthetic.js";

/** A debug run's lines about parsing: `parsed PATH` for each report parsed, then the counts. */
export function debugLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("mlops-report: debug: "))
    .map((line) => line.slice("mlops-report: debug: ".length));
}

/**
 * A class folder of six group repositories under `class/`, each linting clean with the 2026 preset except:
 * g2 links a file that is not there, g3 has its own config (Question 3 must have 10-20 words), g5 answers
 * Question 5 too briefly.
 */
export function classFiles(): Record<string, string | Uint8Array> {
  return {
    ...cleanReportFiles("class/g1/"),
    ...cleanReportFiles("class/g2/", { 6: `${words(120)} See [our notes](../notes.md).` }),
    ...cleanReportFiles("class/g3/"),
    "class/g3/.mlops-report.yaml": "extends: mlops-report:2026\nquestions:\n  3: { words: 10-20 }\n",
    ...cleanReportFiles("class/g4/"),
    ...cleanReportFiles("class/g5/", { 5: words(20) }),
    ...cleanReportFiles("class/g6/"),
  };
}
