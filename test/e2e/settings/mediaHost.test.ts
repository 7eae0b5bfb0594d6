// Settings → Publishing in Chromium against the browser-mode demo server: the demo workspace comes
// with the simulator's own media host, a public base that is not https is refused with its sentence
// (and the setting kept), and a real host with a token is saved with the token stored encrypted and
// never shown again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from '../pages/AppPage.ts';
import { MediaHostSettingsPage } from '../pages/MediaHostSettingsPage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1300, height: 1000 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Settings → Publishing media host', () => {
  it('shows the demo host, refuses a non-https public base, and saves a host with a write-only token', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    await app.goTo('Settings');
    const settings = new MediaHostSettingsPage(page);
    await expect.poll(() => settings.status().textContent()).toContain(`${server.demo.simulators.url}/__sim/media-host`);

    await settings.save({ uploadUrl: 'https://uploads.example.com/stoa', publicBase: 'http://cdn.example.com/stoa' });
    await expect.poll(() => settings.alert().textContent()).toMatch(/public base URL must be https:\/\//);
    expect(await settings.status().textContent()).toContain('/__sim/media-host');

    await settings.save({ uploadUrl: 'https://uploads.example.com/stoa', publicBase: 'https://cdn.example.com/stoa', token: 'e2e-s3cret-token' });
    await expect.poll(() => settings.status().textContent()).toMatch(/uploaded to https:\/\/uploads\.example\.com\/stoa and fetched from https:\/\/cdn\.example\.com\/stoa — with a token \(stored encrypted\)/);
    expect(await settings.form().getByLabel('Token (optional)').inputValue()).toBe('');
    expect(await page.content()).not.toContain('e2e-s3cret-token');
    const rows = server.served.backend.context.db.prepare('SELECT value FROM settings').all() as { value: string }[];
    expect(rows.some((r) => r.value.includes('e2e-s3cret-token'))).toBe(false);
    // The refused save is the API's 400 (invalid_input); nothing else went wrong.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
