import { parse } from "@mlops-report/core";
import {
  type Diagnostic,
  lintOptionsFor,
  lintReport,
  loadConfigFile,
  resolveConfig,
} from "@mlops-report/rules";
import { tempTree } from "@mlops-report/testing/cli";
import { lineOf } from "@mlops-report/testing/consistency";
import { syntheticReport } from "@mlops-report/testing/synthetic";
import { describe, expect, it } from "vitest";

/**
 * The shapes of denial real reports take, each on a synthetic report with rules of the presets' three shapes:
 * an error only where the group plainly denies the ticked item, nothing where the negation is about something
 * else. The rules are written here so that the expected messages do not depend on a preset's wording.
 */
const TERMS = {
  dvc: String.raw`/\bdvc\b/i`,
  deploy: String.raw`/cloud run|cloud functions?|deploy\w*[^.]{0,40}(cloud|gcp)/i`,
  ci: String.raw`/cach\w*|matrix|(linux|windows)[^.]{0,40}(macos|windows)|\bci\b/i`,
  drift: "/drift|evidently/i",
} as const;
const QUESTIONS = { dvc: [10], deploy: [24], ci: [11], drift: [26, 28] } as const;

function rulesOf(id: keyof typeof TERMS): string {
  const qs = QUESTIONS[id];
  const any = (fn: string) => qs.map((q) => `${fn}(q${q}, ${TERMS[id]})`).join(" or ");
  return `
    ${id}-described:
      when: 'checked(${id})'
      assert: '${any("mentions")} or ${any("negated")}'
      message: 'Checklist line {line} ticks {item}, but Question ${qs[0]} does not describe it'
      severity: warning
    ${id}-denied:
      when: 'checked(${id})'
      assert: '${any("mentions")} or not (${any("negated")})'
      message: 'Checklist line {line} ticks {item}, but Question {question} denies {term}: {denial}'
      severity: error`;
}

const CONFIG = `year: 2025
checklist:
  dvc: 'version control for your data'
  deploy: 'deploy your model'
  ci: 'continuous integration'
  drift: 'data drifting'
rules:
  consistency:${(Object.keys(TERMS) as (keyof typeof TERMS)[]).map(rulesOf).join("")}
`;

const configPromise = loadConfigFile(`${tempTree({ "shapes.yaml": CONFIG })}/shapes.yaml`, {
  allowPlugins: false,
}).then(resolveConfig);

async function consistency(
  text: string,
): Promise<Pick<Diagnostic, "severity" | "message" | "question" | "line" | "checklistItem">[]> {
  const config = await configPromise;
  const report = parse(text, { files: false });
  return lintReport(report, lintOptionsFor(config, report))
    .diagnostics.filter((d) => d.ruleId === "checklist/consistency")
    .map(({ severity, message, question, line, checklistItem }) => ({
      severity,
      message,
      question,
      line,
      checklistItem,
    }));
}

const DVC_ITEM = '"Setup version control for your data or part of your data (M8)"';
const DEPLOY_ITEM = '"Deploy your model in GCP using either Functions or Run as the backend (M23)"';
const DRIFT_ITEM = '"Check how robust your model is towards data drifting (M27)"';

describe("checklist/consistency on the shapes of denial", () => {
  it("a plain denial followed by counterfactuals about the same tool is an error", async () => {
    const denial = "We did not use DVC for our data.";
    const text = syntheticReport({
      year: 2025,
      checked: ["dvc"],
      answers: {
        10: `${denial} DVC would have given us versioned datasets. We could have used DVC to share the data. DVC would allow rolling back a bad download.`,
      },
    });
    const line = lineOf(text, denial);
    expect(await consistency(text)).toEqual([
      {
        severity: "error",
        message: `Checklist line ${lineOf(text, "Setup version control")} ticks ${DVC_ITEM}, but Question 10 denies "DVC": "${denial}" (line ${line})`,
        question: 10,
        line,
        checklistItem: "dvc",
      },
    ]);
  });

  it("a denial in the passive voice is a denial", async () => {
    const denial = "The classifier was not deployed to Cloud Run.";
    const text = syntheticReport({
      year: 2025,
      checked: ["deploy"],
      answers: { 24: `${denial} It runs on a laptop.` },
    });
    const line = lineOf(text, denial);
    expect(await consistency(text)).toEqual([
      {
        severity: "error",
        message: `Checklist line ${lineOf(text, "Deploy your model")} ticks ${DEPLOY_ITEM}, but Question 24 denies "deployed to Cloud": "${denial}" (line ${line})`,
        question: 24,
        line,
        checklistItem: "deploy",
      },
    ]);
  });

  it("a negation whose scope is another verb gives no finding", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["ci"],
      answers: { 11: "Our CI checks cannot be skipped, and the cache is never bypassed." },
    });
    expect(await consistency(text)).toEqual([]);
  });

  it("a missing extra named with the term, while another answer describes the work, gives no finding", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["drift"],
      answers: {
        26: "We lacked the time to build a dedicated drift detection service.",
        28: "A nightly job compares new inputs with the training data using Evidently.",
      },
    });
    expect(await consistency(text)).toEqual([]);
  });

  it("a missing extra alone is no error: at most the warning that the item is not described", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["drift"],
      answers: { 26: "We lacked the time to build a dedicated drift detection service." },
    });
    const checklistLine = lineOf(text, "towards data drifting");
    expect(await consistency(text)).toEqual([
      {
        severity: "warning",
        message: `Checklist line ${checklistLine} ticks ${DRIFT_ITEM}, but Question 26 does not describe it`,
        question: 26,
        line: lineOf(text, "We lacked the time"),
        checklistItem: "drift",
      },
    ]);
  });

  it("a negated property of one of several things, while the answer describes the others, gives no finding", async () => {
    const text = syntheticReport({
      year: 2025,
      checked: ["ci"],
      answers: {
        11: "One of our workflows does not use caching.\n\nThe test workflow runs on Linux, Windows and macOS.",
      },
    });
    expect(await consistency(text)).toEqual([]);
  });
});
