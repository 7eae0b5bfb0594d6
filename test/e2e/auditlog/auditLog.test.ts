// The audit log view in Chromium against a demo workspace synced from the simulators: a moderator
// profile made and chosen in Settings (the demo's own "Demo moderator" is active until then) signs
// the decisions taken by keyboard in the queue and the notes added;
// the view shows the chain verified, pages through a log longer than a page, filters by moderator,
// action and community to the counts the API gives, and exports the filtered entries as CSV.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow, createClient, type StoaClient } from '../../../src/api/client.ts';
import { inProcessTransport } from '../../../src/api/inProcess.ts';
import { AppPage } from '../pages/AppPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';
import { AuditLogPageObject } from './AuditLogPageObject.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let client: StoaClient;
let app: AppPage;

beforeAll(async () => {
  server = await startDemoServer();
  client = createClient(inProcessTransport(server.demo.backend.handlers, server.demo.backend.events));
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  page.setDefaultTimeout(15_000);
  app = new AppPage(page);
  await app.open(server.url);
  await new QueuePage(page).rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('audit log view in Chromium', () => {
  it('signs decisions with the moderator profile chosen in Settings', async () => {
    await app.goTo('Settings');
    const form = page.getByRole('form', { name: 'Add moderator' });
    await form.getByLabel('Name').fill('Ana');
    await form.getByLabel('Handle (optional)').fill('@ana_mod');
    // The demo's own profile stays active until Ana is chosen.
    await expect.poll(() => page.getByLabel('Deciding as').textContent()).toMatch(/signed Demo moderator/);
    await form.getByRole('button', { name: 'Add moderator' }).click();
    const profiles = page.getByRole('list', { name: 'Moderator profiles' });
    await profiles.getByRole('button', { name: 'Use Ana' }).click();
    await expect.poll(() => page.getByLabel('Deciding as').textContent()).toMatch(/signed Ana/);

    const queue = new QueuePage(page);
    await queue.open();
    await queue.filterPlatform('reddit');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
    await queue.openFirst();
    await queue.decisionButton('Approve').click();
    await expect.poll(async () => (await callOrThrow(client, 'auditLog.list', { action: 'decision' })).total, { timeout: 10_000 }).toBe(1);
    await queue.waitForItem();
    await queue.decisionButton('Remove').click();
    await expect.poll(async () => (await callOrThrow(client, 'auditLog.list', { action: 'decision' })).total, { timeout: 10_000 }).toBe(2);
    const decisions = await callOrThrow(client, 'auditLog.list', { action: 'decision' });
    expect(decisions.entries.map((e) => [e.action, e.actor])).toEqual([
      ['decision.remove', 'Ana'],
      ['decision.approve', 'Ana'],
    ]);
    expect(decisions.entries.every((e) => e.deviceId === server.demo.backend.context.who.deviceId)).toBe(true);
  });

  it('pages, filters by moderator, action and community, shows the chain, and exports CSV', async () => {
    const item = (await callOrThrow(client, 'items.list', { platform: 'youtube', limit: 1 })).items[0];
    for (let n = 0; n < 110; n += 1) await callOrThrow(client, 'items.addNote', { itemId: item?.id ?? '', body: `checked ${n}` });
    const all = await callOrThrow(client, 'auditLog.list', {});
    expect(all.total).toBeGreaterThan(112);

    const log = new AuditLogPageObject(page);
    await log.open();
    await expect.poll(() => log.chain.textContent()).toMatch(/^Chain verified: \d+ entries intact/);
    // The page shows what the log holds when it loads (entries written meanwhile come with a reload).
    await expect.poll(async () => (await log.matching.textContent()) === `${(await callOrThrow(client, 'auditLog.list', {})).total} entries`).toBe(true);
    expect(await log.rows().count()).toBe(100);
    const seqs = (await log.column(0)).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs[0]).toBeGreaterThanOrEqual(all.entries[0]?.seq ?? Infinity);
    const shown = Number((await log.matching.textContent())?.split(' ')[0]);
    await log.loadMore();
    await expect.poll(() => log.rows().count()).toBe(Math.min(200, shown));

    await log.filterBy('Moderator', 'Ana');
    const ana = await callOrThrow(client, 'auditLog.list', { actor: 'Ana', limit: 500 });
    // Two decisions and 110 notes at least; nothing by anyone else.
    expect(ana.entries.filter((e) => e.action === 'note.add' || e.action.startsWith('decision.')).length).toBe(112);
    await expect.poll(() => log.matching.textContent()).toBe(`${ana.total} entries`);
    expect(new Set(await log.column(2))).toEqual(new Set(['Ana']));
    await log.filterBy('Action', 'decision');
    await expect.poll(() => log.rows().count()).toBe(2);
    expect(await log.column(3)).toEqual(['decision.remove', 'decision.approve']);
    expect(await log.column(2)).toEqual(['Ana', 'Ana']);

    const community = (await callOrThrow(client, 'auditLog.list', { action: 'decision' })).entries[0]?.community ?? '';
    expect(community).not.toBe('');
    await log.filterBy('Community', community);
    const inCommunity = await callOrThrow(client, 'auditLog.list', { actor: 'Ana', action: 'decision', community });
    await expect.poll(() => log.matching.textContent()).toBe(`${inCommunity.total} entries`);

    const download = await log.exportCsv();
    const rows = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.seq, r.actor, r.community])).toEqual([...inCommunity.entries].reverse().map((e) => [String(e.seq), 'Ana', community]));

    await log.filterBy('Community', '');
    await log.filterBy('Action', '');
    // The text search reaches subjects too: the item the 110 notes are about.
    await log.search(item?.id ?? '');
    await expect.poll(() => log.matching.textContent()).toBe('110 entries');
    expect(consoleErrors).toEqual([]);
  });
});
