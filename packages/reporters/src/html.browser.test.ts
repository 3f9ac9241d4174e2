import { launchChromium, type Watched, watchedPage } from "@mlops-report/testing/browser";
import { hasChromium, shouldRunWith } from "@mlops-report/testing/environment";
import { exampleResult } from "@mlops-report/testing/example";
import { makeContext } from "@mlops-report/testing/factory";
import { hostileReportResult, imgTag, injected, scriptTag } from "@mlops-report/testing/hostile-report";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlReporter } from "./html.js";

const context = makeContext();

describe.runIf(shouldRunWith("chromium", hasChromium))("html report in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Loads the page and records every request, dialog and console error it causes. */
  async function open(html: string): Promise<Watched> {
    const watched = await watchedPage(browser);
    await watched.page.setContent(html, { waitUntil: "load" });
    return watched;
  }

  it("renders the example with no request, bars and the checklist grid", async () => {
    const { page, requests, consoleErrors } = await open(htmlReporter([exampleResult()], context));
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.locator("article.card").count()).toBe(31);
    const bars = page.locator("svg.wordbar");
    expect(await bars.count()).toBe(27);
    const q14 = page.locator('article.card[data-question="14"]');
    expect(await q14.locator("svg.wordbar").getAttribute("aria-label")).toBe("152 words; 200 to 300 allowed");
    // The band and the count are drawn: both rectangles have a visible width.
    const widths = await q14
      .locator("svg.wordbar")
      .evaluate((svg) =>
        ["rect.band", "rect.count"].map(
          (selector) => svg.querySelector(selector)?.getBoundingClientRect().width ?? 0,
        ),
      );
    expect(widths.every((width) => width > 0)).toBe(true);
    expect(await q14.locator("rect.count").getAttribute("class")).toBe("count out");
    expect(
      await q14.locator("[data-image-status]").evaluateAll((items) => items.map((i) => i.textContent)),
    ).toEqual([
      "missingfigures/wandb_runs.png (letter case differs from reports/figures/WandB_runs.png)",
      "foundfigures/sweep.png",
    ]);
    expect(await page.locator(".checklist .week h4 span:first-child").allTextContents()).toEqual([
      "Week 1",
      "Week 2",
      "Week 3",
      "Extra",
    ]);
    expect(await page.locator(".checklist-item").count()).toBe(18);
    expect(
      await page
        .locator(".checklist-item.flagged")
        .evaluateAll((items) => items.map((i) => i.getAttribute("data-line"))),
    ).toEqual(["51", "67"]);
    // The stylesheet applied: CSP let it through (cards are laid out in a grid).
    expect(await page.evaluate("getComputedStyle(document.querySelector('.cards')).display")).toBe("grid");
    await page.close();
  });

  it("runs no script from report text and shows the text escaped", async () => {
    const { page, requests, dialogs } = await open(htmlReporter([hostileReportResult()], context));
    await page.locator("details summary").first().click();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator(".answer-text").first().textContent()).toBe(
      `Our answer ${injected} ends here.`,
    );
    expect(await page.locator(".answer-text").nth(1).textContent()).toBe(`</div></details>${scriptTag}`);
    expect(await page.locator("h2").textContent()).toBe(`reports/${scriptTag}.md`);
    expect(await page.locator(".card-section").first().textContent()).toBe(injected);
    expect(await page.locator(".checklist-item.flagged .flag").textContent()).toBe(`⚑ Flag ${injected}`);
    expect(await page.locator(".finding-meta code[title]").allTextContents()).toEqual([
      "checklist/consistency",
      `rule/${imgTag}`,
    ]);
    expect(await page.title()).toBe(`mlops-report: reports/${scriptTag}.md`);
    await page.close();
  });

  it("the dialog and request checks catch an unescaped page, so they are real", async () => {
    const { page, dialogs } = await open(`<!DOCTYPE html><body>${scriptTag}</body>`);
    expect(dialogs).toEqual(["1"]);
    await page.close();
  });

  it("renders the class overview for several reports", async () => {
    const { page, requests } = await open(
      htmlReporter([exampleResult("b/reports/README.md"), exampleResult("a/reports/README.md")], context),
    );
    expect(requests).toEqual([]);
    // A row of facts and a row of numbered question cells per group.
    expect(await page.locator("table.class-overview tbody tr").count()).toBe(4);
    expect(
      await page.locator("table.class-overview tbody tr.strip-row").first().locator(".strip a").count(),
    ).toBe(31);
    // At 1280 px nothing scrolls sideways.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBe(1280);
    expect(await page.locator("section.report h2").allTextContents()).toEqual([
      "a/reports/README.md",
      "b/reports/README.md",
    ]);
    await page.close();
  });
});
