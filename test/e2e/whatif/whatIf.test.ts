// The what-if tester in Chromium against a demo workspace synced from the simulators and scored by
// the shipped models: moderators decide some items through the API, the test counts by hand —
// from the API's own items and decisions — what a "spam ≥ t" rule would flag and its precision and
// recall, and the page must show exactly those numbers. A rule saved there shows as
// "suggested: hold" on a matching item in the queue, and the item stays open.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import type { OutputOf } from '../../../src/api/endpoints.ts';
import type { ItemSummary } from '../../../src/api/schemas.ts';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';
import { WhatIfPageObject } from './WhatIfPageObject.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let client: StoaClient;

const THRESHOLD = 0.6;

async function allItems(): Promise<ItemSummary[]> {
  const items: ItemSummary[] = [];
  let cursor: string | null = null;
  do {
    const pageOf: OutputOf<'items.list'> = await callOrThrow(client, 'items.list', { limit: 500, cursor });
    items.push(...pageOf.items);
    cursor = pageOf.nextCursor;
  } while (cursor !== null);
  return items;
}

beforeAll(async () => {
  server = await startDemoServer();
  const backend = server.demo.backend;
  client = createClient(inProcessTransport(backend.handlers, backend.events));
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  page.setDefaultTimeout(15_000);
  await new AppPage(page).open(server.url);
  await new QueuePage(page).rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('what-if tester in Chromium', () => {
  it('shows the flagged count, precision and recall a hand count gives for the same threshold', async () => {
    // Moderators' decisions: the highest spam scores removed or approved, a few low ones marked spam.
    const ranked = (await callOrThrow(client, 'items.list', { platform: 'reddit', sort: 'score:spam', limit: 500 })).items.filter((i) => i.scores.spam !== undefined);
    expect(ranked.length).toBeGreaterThan(20);
    const decide = (item: ItemSummary | undefined, action: 'remove' | 'approve' | 'spam') => callOrThrow(client, 'queue.decide', { itemId: item?.id ?? '', action });
    for (const item of ranked.slice(0, 4)) await decide(item, 'remove');
    for (const item of ranked.slice(4, 7)) await decide(item, 'approve');
    for (const item of ranked.slice(-3)) await decide(item, 'spam');
    for (const item of ranked.slice(-6, -3)) await decide(item, 'approve');

    // The hand count, from the API: every scored item; the latest approve/remove/spam decision of each decided one.
    const scored = (await allItems()).filter((i) => i.scores.spam !== undefined);
    let flagged = 0;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let decided = 0;
    for (const item of scored) {
      const hit = (item.scores.spam ?? 0) >= THRESHOLD;
      if (hit) flagged += 1;
      if (item.state === 'open') continue;
      const verdicts = (await callOrThrow(client, 'items.get', { id: item.id })).decisions.filter((d) => d.action === 'approve' || d.action === 'remove' || d.action === 'spam');
      const last = verdicts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)).at(-1);
      if (!last) continue;
      decided += 1;
      if (last.action === 'approve') fp += hit ? 1 : 0;
      else if (hit) tp += 1;
      else fn += 1;
    }
    expect(decided).toBeGreaterThanOrEqual(13);
    const pct = (hits: number, of: number) => (of === 0 ? '—' : `${((hits / of) * 100).toFixed(1)}% (${hits} of ${of})`);

    const whatIf = new WhatIfPageObject(page);
    await whatIf.open();
    await whatIf.choose('spam', THRESHOLD);
    await expect.poll(() => whatIf.shown('Flagged').textContent()).toBe(String(flagged));
    expect(await whatIf.shown('Precision').textContent()).toBe(pct(tp, tp + fp));
    expect(await whatIf.shown('Recall').textContent()).toBe(pct(tp, tp + fn));
    expect(await whatIf.shown('Decided').textContent()).toBe(String(decided));
    // One row per community, plus the header.
    expect(await whatIf.communityRows().count()).toBeGreaterThan(2);

    // A stricter threshold flags no more.
    await whatIf.choose('spam', 0.95);
    await expect.poll(async () => Number(await whatIf.shown('Flagged').textContent())).toBe(scored.filter((i) => (i.scores.spam ?? 0) >= 0.95).length);
  });

  it('saves a rule as a suggestion that the queue shows on a matching item, without acting on it', async () => {
    const whatIf = new WhatIfPageObject(page);
    await whatIf.choose('spam', THRESHOLD);
    await whatIf.saveSuggestion('hold');

    const open = (await callOrThrow(client, 'items.list', { platform: 'reddit', state: 'open', sort: 'score:spam', limit: 1 })).items[0];
    expect(open?.scores.spam ?? 0).toBeGreaterThanOrEqual(THRESHOLD);
    const queue = new QueuePage(page);
    await queue.open();
    await queue.filterPlatform('reddit');
    await page.getByRole('search').getByLabel('State').selectOption('open');
    await page.getByRole('search').getByLabel('Order').selectOption('score:spam');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
    await queue.openFirst();
    await expect.poll(() => page.getByRole('note', { name: 'Suggestion' }).textContent()).toMatch(/^suggested: hold \(spam ≥ 0\.60\)/);
    expect((await callOrThrow(client, 'items.get', { id: open?.id ?? '' })).state).toBe('open');
    expect(consoleErrors).toEqual([]);
  });
});
