import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, which scripts/system-deps.sh installs. */
export const CHROMIUM = "/usr/bin/chromium";

/** Browser tests run where Chromium is installed, and always in CI, where its absence must fail them. */
export const runsInChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * What a page did while a test used it: every request, dialog (an alert is a script that ran), navigation and
 * console error.
 */
export interface Watched {
  page: Page;
  requests: string[];
  dialogs: string[];
  navigations: string[];
  consoleErrors: string[];
}

export async function watchedPage(browser: Browser, width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const watched: Watched = { page, requests: [], dialogs: [], navigations: [], consoleErrors: [] };
  page.on("request", (request) => watched.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") watched.consoleErrors.push(message.text());
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) watched.navigations.push(frame.url());
  });
  return watched;
}
