// Search under the queue's filters in Chromium, against a demo workspace synced from the
// simulators: a word found on several platforms, searched with Platform = reddit, lists only
// Reddit rows and shows the count items.search gives for that filter; the State filter narrows
// the search too; an order picked before searching (Most reported) orders the matches.
import type { Browser, Locator, Page } from 'playwright-core';
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
let app: AppPage;
let queue: QueuePage;

/** The platform a row names at the end of its content cell ("ana · r/x · reddit comment"). */
const rowPlatform = async (row: Locator): Promise<string | null> => {
  const text = (await row.getByRole('gridcell').nth(1).textContent()) ?? '';
  return / · (reddit|discourse|youtube|instagram) (post|comment|caption)$/.exec(text)?.[1] ?? null;
};

const countLabel = (total: number): string => `${total.toLocaleString('en-US')} items`;

/** Rows loaded into the grid (it renders only those on screen; aria-rowcount counts them all). */
const loadedRows = async (): Promise<number> => Number(await queue.grid.getAttribute('aria-rowcount'));

beforeAll(async () => {
  server = await startDemoServer();
  client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  page.setDefaultTimeout(15_000);
  app = new AppPage(page);
  queue = new QueuePage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A word the demo has on Reddit and elsewhere, with few enough Reddit matches to load at once. */
async function wordOnSeveralPlatforms(): Promise<{ word: string; reddit: number; all: number }> {
  for (const word of ['check', 'love', 'video', 'free', 'please', 'this', 'the']) {
    const reddit = (await callOrThrow(client, 'items.search', { query: word, platform: 'reddit', limit: 1 })).total;
    const all = (await callOrThrow(client, 'items.search', { query: word, limit: 1 })).total;
    if (reddit > 1 && reddit <= 200 && all > reddit) return { word, reddit, all };
  }
  throw new Error('the demo has no word found both on Reddit and elsewhere');
}

describe('search under the queue filters in Chromium', () => {
  it('searches a word with Platform = reddit: only Reddit rows, and the count items.search gives', async () => {
    const { word, reddit, all } = await wordOnSeveralPlatforms();
    await app.queue.search(word);
    await expect.poll(() => app.queue.itemCountLabel().textContent()).toBe(countLabel(all));
    await queue.filterPlatform('reddit');
    await expect.poll(() => app.queue.itemCountLabel().textContent()).toBe(countLabel(reddit));
    await expect.poll(loadedRows).toBe(reddit);
    const shown = await queue.rows().count();
    expect(shown).toBeGreaterThan(0);
    const platforms = new Set<string | null>();
    for (let i = 0; i < shown; i += 1) platforms.add(await rowPlatform(queue.rows().nth(i)));
    expect([...platforms]).toEqual(['reddit']);

    // The State filter holds in a search too: one of them removed, then State = removed.
    const first = (await callOrThrow(client, 'items.search', { query: word, platform: 'reddit', limit: 1 })).items[0];
    await callOrThrow(client, 'queue.decide', { itemId: first?.id ?? '', action: 'remove' });
    await page.getByRole('search').getByLabel('State').selectOption('removed');
    const removed = (await callOrThrow(client, 'items.search', { query: word, platform: 'reddit', state: 'removed', limit: 10 })).total;
    expect(removed).toBeGreaterThanOrEqual(1);
    await expect.poll(() => app.queue.itemCountLabel().textContent()).toBe(countLabel(removed));
    await expect.poll(loadedRows).toBe(removed);
    expect(await queue.rowState(queue.rows().first()).textContent()).toBe('removed');
    await page.getByRole('search').getByLabel('State').selectOption('');
    await app.queue.search('');
  });

  it('orders the matches by an order picked before searching (Most reported)', async () => {
    const { word } = await wordOnSeveralPlatforms();
    await page.getByRole('search').getByLabel('Order').selectOption('most_reported');
    await app.queue.search(word);
    const expected = await callOrThrow(client, 'items.search', { query: word, platform: 'reddit', sort: 'most_reported', limit: 200 });
    await expect.poll(() => app.queue.itemCountLabel().textContent()).toBe(countLabel(expected.total));
    await expect.poll(loadedRows).toBe(expected.items.length);
    const shown = await queue.rows().count();
    const reports: number[] = [];
    for (let i = 0; i < shown; i += 1) reports.push(Number(await queue.rows().nth(i).getByRole('gridcell').nth(2).textContent()));
    expect(reports).toEqual(expected.items.slice(0, shown).map((item) => item.reportCount));
    expect(reports).toEqual([...reports].sort((a, b) => b - a));
    expect(consoleErrors).toEqual([]);
  });
});
