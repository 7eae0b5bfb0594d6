// Debian's Chromium driven by playwright-core: no browser download, flags that keep it off the network.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.STOA_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's "chromium" package (.ci/run does) or set STOA_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface WatchedPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Every console error the page logged (CSP violations included); tests end by expecting none. */
  readonly consoleErrors: string[];
}

/** Chromium with one page of the given size, its console errors collected. */
export async function openWatchedPage(viewport: { width: number; height: number }): Promise<WatchedPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { browser, page, consoleErrors };
}
