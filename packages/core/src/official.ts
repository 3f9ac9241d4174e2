import { pythonSplitCount } from "./whitespace.js";

/**
 * The course checker (`report.py check`) re-stated: it reads the file with Python's universal newlines, drops
 * the first `skips` characters (in the years whose template opens with a Jekyll front matter), splits the text on `Answer:`,
 * keeps of every part that holds `###` what stands before the first `###` and then before the first `##`,
 * appends the last part whole, drops the first region and strips newlines from both ends of each.
 */
export function officialRegions(text: string, skips: number): string[] {
  let t = text.replace(/\r\n?/g, "\n");
  if (skips > 0) t = dropCodePoints(t, skips);
  const parts = t.split("Answer:");
  const answers: string[] = [];
  for (const part of parts) {
    if (part.includes("###")) {
      let q = part.slice(0, part.indexOf("###"));
      if (q.includes("##")) q = q.slice(0, q.indexOf("##"));
      answers.push(q);
    }
  }
  answers.push(parts[parts.length - 1]!);
  return answers.slice(1).map(stripNewlines);
}

function dropCodePoints(text: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return text.slice(i);
}

function stripNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 10) a++;
  while (b > a && s.charCodeAt(b - 1) === 10) b--;
  return s.slice(a, b);
}

export { officialImageCount } from "./syntax-scan.js";

export function officialWordCount(region: string): number {
  return pythonSplitCount(region);
}
