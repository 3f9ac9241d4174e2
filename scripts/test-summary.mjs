// Adds up the vitest results every workspace package wrote and prints one closing line for all of them.
import { existsSync, readFileSync } from "node:fs";

const folders = ["packages/core", "packages/rules", "packages/reporters", "packages/cli", "tests"];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const folder of folders) {
  const file = `${folder}/.vitest-results.json`;
  if (!existsSync(file)) {
    missing.push(folder);
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
if (missing.length) console.log(`(no test results from ${missing.join(", ")})`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
