/**
 * A synthetic class for the graders' HTML folder: three groups whose reports use what GitHub renders (a table,
 * fenced code, an image, a task list), with findings to see beside their questions, and a hostile group whose
 * report tries every way to run script or navigate. No text from real reports.
 */
import { crc32, deflateSync } from "node:zlib";
import { cleanReportFiles, words } from "./synthetic.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A real PNG, `width` by `height`: a bar chart of `bars` heights (0-1) in blue on white. */
export function barChartPng(width: number, height: number, bars: readonly number[]): Buffer {
  const rows: Buffer[] = [];
  const barWidth = Math.floor(width / bars.length);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    for (let x = 0; x < width; x++) {
      const bar = bars[Math.floor(x / barWidth)] ?? 0;
      const inBar = x % barWidth > 3 && height - y <= bar * (height - 10);
      if (inBar) row.set([0x21, 0x6e, 0xd6], 1 + x * 3);
      else if (y === height - 1) row.set([0x59, 0x63, 0x6e], 1 + x * 3);
    }
    row[0] = 0;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", new Uint8Array()),
  ]);
}

const TABLE = `| Tool | What we used it for |
| --- | --- |
| uv | locking our dependencies |
| ruff | linting and formatting |
| pre-commit | running both before each commit |`;

const CODE = `We build our Docker image and run it with:

\`\`\`bash
docker build -f dockerfiles/train.dockerfile . -t train:latest
docker run --rm train:latest --epochs 5
\`\`\``;

/** Alpha: a table, fenced code and an image; Question 5 is too short; it ticks DVC yet says it used none. */
function alpha(): Record<string, string | Uint8Array> {
  return {
    ...cleanReportFiles(
      "class/alpha/",
      {
        4: `${words(70)}\n\n${TABLE}\n\n${words(40, 3)}`,
        5: words(30),
        10: `No, we did not use DVC for our data. ${words(110)}`,
        15: `${words(60)}\n\n${CODE}\n\n${words(50, 5)}`,
        14: `${words(120)}\n\n![Validation accuracy per epoch](figures/w.png)\n\n${words(120, 7)}`,
      },
      ["git", "dvc", "docker"],
    ),
    "class/alpha/reports/figures/w.png": barChartPng(360, 160, [0.3, 0.45, 0.6, 0.7, 0.78, 0.83, 0.86, 0.88]),
    "class/alpha/Dockerfile": "FROM python:3.12-slim\nCOPY . /app\nRUN pip install /app\n",
  };
}

/** Beta: leaves Question 3 unanswered, links an image that is not there and writes one with a wrong case. */
function beta(): Record<string, string | Uint8Array> {
  const files = cleanReportFiles(
    "class/beta/",
    {
      3: "--- question 3 fill here ---",
      19: "![bucket](figures/bucket.png)",
      21: "![build](figures/C.png)",
    },
    ["git"],
  );
  return files;
}

export function gradersClassFiles(): Record<string, string | Uint8Array> {
  return { ...alpha(), ...beta(), ...cleanReportFiles("class/gamma/", {}, ["git", "docker"]) };
}

/** Report text that tries to run script or leave the page in every way GitHub's sanitizer removes. */
export const HOSTILE_ANSWER = [
  "<script>alert('script')</script>",
  '<meta http-equiv="refresh" content="0;url=https://example.com/">',
  "",
  "[a javascript link](javascript:alert('link')) and <a href=\"javascript:alert('tag')\">a tag</a>",
  "",
  '<img src="figures/w.png" onerror="alert(\'onerror\')" onload="alert(\'onload\')">',
  "",
  '<div onclick="alert(\'click\')" style="position:fixed;inset:0">click anywhere</div>',
  "",
  '<iframe src="https://example.com/"></iframe><object data="https://example.com/x.swf"></object>',
  "",
  '<form action="https://example.com/"><button>send</button></form>',
  "",
  '<svg onload="alert(\'svg\')"><circle r="4"/></svg> <base href="https://example.com/">',
  "",
  '<a href="https://example.com/" onmouseover="alert(\'hover\')">hover me</a>',
].join("\n");

/** One group whose report is hostile, with a real figure so that its image is copied. */
export function hostileClassFiles(): Record<string, string | Uint8Array> {
  return {
    ...cleanReportFiles("class/zeta/", { 6: `${words(100)}\n\n${HOSTILE_ANSWER}` }),
    "class/zeta/reports/figures/w.png": barChartPng(40, 20, [1]),
  };
}
