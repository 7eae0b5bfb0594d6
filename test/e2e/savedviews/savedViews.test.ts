// Saved views in Chromium against a demo workspace: a moderator saves the queue's filter and order
// as a named view, sees its live count (the API's) and queue age, gets it back with one click
// after changing the filter, and sees only their own views after switching profile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let client: StoaClient;

beforeAll(async () => {
  server = await startDemoServer();
  client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  // The demo starts with its own active profile (Demo moderator); Ana is added and chosen.
  const ana = await callOrThrow(client, 'profiles.create', { name: 'Ana' });
  await callOrThrow(client, 'profiles.setActive', { id: ana.id });
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  page.setDefaultTimeout(15_000);
  await new AppPage(page).open(server.url);
  await new QueuePage(page).rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('saved views in Chromium', () => {
  it('saves a view with its count and queue age, and applies it again with one click', async () => {
    const queue = new QueuePage(page);
    const views = page.getByRole('region', { name: 'Saved views' });
    await queue.filterPlatform('reddit');
    await page.getByRole('search').getByLabel('State').selectOption('open');
    const expected = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', limit: 1 })).total;
    await expect.poll(() => views.getByLabel('Queue age').textContent()).toMatch(new RegExp(`^${expected.toLocaleString('en-US')} in this view · oldest open \\d+ (min|h|d)$`));

    await views.getByLabel('View name').fill('Reddit open');
    await views.getByRole('button', { name: 'Save view' }).click();
    const saved = views.getByRole('button', { name: /^Reddit open: / });
    await expect.poll(() => saved.getAttribute('aria-label')).toMatch(new RegExp(`^Reddit open: ${expected} items, oldest open \\d+ (min|h|d)$`));
    expect(await saved.getAttribute('aria-pressed')).toBe('true');

    await queue.filterPlatform('youtube');
    await expect.poll(() => saved.getAttribute('aria-pressed')).toBe('false');
    await saved.click();
    await expect.poll(() => queue.platformFilter.inputValue()).toBe('reddit');
    expect(await page.getByRole('search').getByLabel('State').inputValue()).toBe('open');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
  });

  it('keeps views per moderator', async () => {
    const ben = await callOrThrow(client, 'profiles.create', { name: 'Ben' });
    await callOrThrow(client, 'profiles.setActive', { id: ben.id });
    await page.reload();
    const queue = new QueuePage(page);
    await queue.rows().first().waitFor();
    const views = page.getByRole('region', { name: 'Saved views' });
    await views.getByLabel('Queue age').waitFor();
    expect(await views.getByRole('button', { name: /^Reddit open: / }).count()).toBe(0);
    expect((await callOrThrow(client, 'views.list', {})).length).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
