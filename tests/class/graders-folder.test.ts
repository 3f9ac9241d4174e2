import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, runsInChromium, watchedPage } from "@mlops-report/testing/browser";
import { runCli, tempTree } from "@mlops-report/testing/cli";
import { gradersClassFiles, hostileClassFiles } from "@mlops-report/testing/graders";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** Runs in the page, which has the DOM that the tests' own types leave out. */
interface PageGlobal {
  getComputedStyle(element: unknown): { backgroundColor: string };
}
const background = (element: unknown) =>
  (globalThis as unknown as PageGlobal).getComputedStyle(element).backgroundColor;

const figures = (group: string, names: string[]) =>
  names.map((name) => `${group}/reports/figures/${name}.png`);

describe("lint CLASS --format html=out/", () => {
  let root: string;
  let out: string;
  let stderr: string;
  let code: number | null;

  beforeAll(() => {
    root = tempTree({ ...gradersClassFiles(), ...hostileClassFiles() });
    out = join(root, "out");
    ({ code, stderr } = runCli(["lint", "class", "--format", "html=out/"], root));
  });

  it("writes the class page, one page per group and the figures each page shows", () => {
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(filesUnder(out)).toEqual([
      "alpha.html",
      ...figures("alpha", ["a", "b", "c", "r", "w"]),
      "beta.html",
      // Question 19's figure is missing, Question 21's differs in letter case: neither is copied.
      ...figures("beta", ["a", "r", "w"]),
      "gamma.html",
      ...figures("gamma", ["a", "b", "c", "r", "w"]),
      "index.html",
      "zeta.html",
      ...figures("zeta", ["a", "b", "c", "r", "w"]),
    ]);
    expect(readFileSync(join(out, "alpha/reports/figures/w.png"))).toEqual(
      readFileSync(join(root, "class/alpha/reports/figures/w.png")),
    );
  });

  describe.runIf(runsInChromium)("in headless Chromium", () => {
    let browser: Browser;
    const url = (file: string) => pathToFileURL(join(out, file)).href;

    beforeAll(async () => {
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it("sorts by errors, filters to one checklist id, and opens a group's rendered report", async () => {
      const { page, dialogs } = await watchedPage(browser);
      await page.goto(url("index.html"));
      const shownGroups = () => page.locator("tbody.group:visible .group-link").allTextContents();
      expect(await shownGroups()).toEqual(["alpha", "beta", "gamma", "zeta"]);
      await page.locator('th button[data-sort="errors"]').click();
      expect(await shownGroups()).toEqual(["beta", "alpha", "gamma", "zeta"]);
      expect(await page.locator("th[aria-sort]").textContent()).toBe("Errors");
      await page.locator("#filter-item").selectOption("dvc");
      expect(await shownGroups()).toEqual(["alpha"]);
      expect(await page.locator("#shown-count").textContent()).toBe("1");
      await page.locator("#filter-item").selectOption("");
      await page.locator("#filter-errors").check();
      expect(await shownGroups()).toEqual(["beta", "alpha"]);
      // Beta left Question 3 unanswered: grey, the legend's "not answered", not red like an error.
      const q3 = page.locator('tbody[data-group="beta"] .strip a[data-q="3"]');
      expect(await q3.getAttribute("class")).toBe("unanswered");
      expect(await q3.evaluate(background)).toBe("rgb(209, 217, 224)");
      expect(await page.locator(".legend .key.unanswered").evaluate(background)).toBe("rgb(209, 217, 224)");

      await page.locator('tbody[data-group="alpha"] .group-link').click();
      await page.waitForURL(url("alpha.html"));
      const body = page.locator(".markdown-body");
      expect(await body.locator("table th").allTextContents()).toEqual(["Tool", "What we used it for"]);
      expect(await body.locator("table tbody tr").count()).toBe(3);
      expect(await body.locator("pre code.language-bash").textContent()).toBe(
        "docker build -f dockerfiles/train.dockerfile . -t train:latest\ndocker run --rm train:latest --epochs 5\n",
      );
      const figure = body.locator('img[alt="Validation accuracy per epoch"]');
      expect(
        await figure.evaluate((img) => {
          const loaded = img as unknown as { complete: boolean; naturalWidth: number };
          return [loaded.complete, loaded.naturalWidth];
        }),
      ).toEqual([true, 360]);
      // The finding about Question 5 stands beside its answer, to the right, at the same height.
      const row = page.locator(".row.has-findings", { hasText: "Question 5 is too short" });
      const text = await row.locator(".md").boundingBox();
      const note = await row.locator(".notes .finding").boundingBox();
      expect(text && note && note.x > text.x + text.width && note.y < text.y + text.height).toBe(true);
      expect(await page.locator("#q5 .question-chip .pill").textContent()).toBe("1 warning");
      // The DVC item carries its verdict: the answer that denies it, and what the repository shows.
      const dvc = page.locator("li.task-list-item", { hasText: "Setup version control for your data" });
      const flags = await dvc.locator(".item-note .flag").allTextContents();
      expect(flags.map((flag) => flag.slice(flag.lastIndexOf("(")))).toEqual([
        "(line 178, checklist/consistency)",
      ]);
      expect(flags[0]).toContain('but Question 10 denies "DVC": "No, we did not use DVC for our data.');
      expect(await dvc.locator(".item-note .evidence").textContent()).toBe("dvc · repository: no trace");
      const docker = page.locator("li.task-list-item", { hasText: "Construct one or multiple docker files" });
      expect(await docker.locator(".item-note .evidence").textContent()).toBe(
        "dockerfiles · repository: a trace: Dockerfile",
      );
      // The sticky bar keeps the counts in view.
      await page.mouse.wheel(0, 4000);
      expect(await page.locator(".bar .counts").textContent()).toBe("1 error1 warning1 infoanswered 31/31");
      expect(await page.locator(".bar").evaluate((bar) => bar.getBoundingClientRect().top)).toBe(0);
      expect(dialogs).toEqual([]);
      if (process.env.MLOPS_REPORT_SCREENSHOTS) {
        const folder = process.env.MLOPS_REPORT_SCREENSHOTS;
        await page.goto(`${url("alpha.html")}#q4`);
        await page.screenshot({ path: join(folder, "graders-report.png") });
        await page.goto(url("index.html"));
        await page.screenshot({ path: join(folder, "graders-class.png") });
      }
      await page.close();
    });

    it("runs no script of a hostile report and navigates nowhere", async () => {
      const { page, dialogs, requests, navigations } = await watchedPage(browser);
      await page.goto(url("zeta.html"));
      await page.locator("text=a javascript link").click();
      await page.locator("text=a tag").click();
      await page.locator("text=click anywhere").click();
      await page.locator("text=hover me").hover();
      // A refresh would show as a navigation; the sanitizer dropped the tag, so none can come later either.
      expect(dialogs).toEqual([]);
      expect(navigations).toEqual([url("zeta.html")]);
      expect(page.url()).toBe(url("zeta.html"));
      expect(
        await page
          .locator("script, iframe, object, embed, form, base, svg.circle, meta[http-equiv='refresh']")
          .count(),
      ).toBe(0);
      expect(await page.locator("[onerror], [onload], [onclick], [onmouseover], [style]").count()).toBe(0);
      // The page loaded its own figures and nothing else.
      expect(requests.filter((request) => !request.startsWith(pathToFileURL(out).href))).toEqual([]);
      await page.close();
    });
  });
});
