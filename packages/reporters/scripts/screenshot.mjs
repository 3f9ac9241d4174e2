#!/usr/bin/env node
// Renders the HTML report for a report file or a LintResult JSON into a PNG, in headless Chromium.
//
//   node scripts/screenshot.mjs INPUT [OUTPUT.png] [--width 1280] [--height 900] [--full-page]
//                               [--html OUT.html] [--cwd DIR] [--chromium PATH]
//
// --cwd (default: the current directory) is what paths in the page are relative to.
// INPUT is a markdown report (parsed and linted with the built @mlops-report/core and @mlops-report/rules)
// or a JSON file holding one LintResult or an array of them. Build first: `pnpm exec turbo run build`.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: "string", default: "1280" },
    height: { type: "string", default: "900" },
    "full-page": { type: "boolean", default: false },
    html: { type: "string" },
    cwd: { type: "string" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
  },
});

const [input, output = "html-report.png"] = positionals;
if (!input) {
  console.error("usage: node scripts/screenshot.mjs INPUT [OUTPUT.png] [--full-page] [--html OUT.html]");
  process.exit(2);
}

const { reporters } = await import("../dist/index.js");
if (!reporters) {
  console.error("packages/reporters/dist is not built: run `pnpm exec turbo run build` first");
  process.exit(2);
}

async function lintResults(path) {
  const text = await readFile(path, "utf8");
  if (path.endsWith(".json")) {
    const data = JSON.parse(text);
    return { results: Array.isArray(data) ? data : [data], rules: [] };
  }
  const core = await import("@mlops-report/core");
  const rules = await import("@mlops-report/rules");
  if (typeof core.parse !== "function" || typeof rules.lintReport !== "function") {
    throw new Error("@mlops-report/core parse() or @mlops-report/rules lintReport() is not built yet");
  }
  const report = core.parse(text, { path });
  const result = await rules.lintReport(report, { filePath: path });
  return { results: [result], rules: typeof rules.listRules === "function" ? rules.listRules() : [] };
}

const inputPath = resolve(input);
const { results, rules } = await lintResults(inputPath);
// Paths in the page are shown relative to this directory, as the CLI shows them.
const cwd = resolve(values.cwd ?? process.cwd());
const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
const page = reporters.html(results, {
  rules,
  cwd,
  color: false,
  junitWarnings: false,
  toolVersion: version,
});
if (values.html) await writeFile(values.html, page);

const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const context = await browser.newContext({
    viewport: { width: Number(values.width), height: Number(values.height) },
    deviceScaleFactor: 1,
  });
  // The page needs nothing from the network; refuse anything it might ask for.
  await context.route("**/*", (route) => route.abort());
  const tab = await context.newPage();
  await tab.setContent(page, { waitUntil: "load" });
  await tab.screenshot({ path: output, fullPage: values["full-page"] });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
