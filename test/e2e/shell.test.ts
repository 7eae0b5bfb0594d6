// The built UI in real Chromium against the real browser-mode server and a demo workspace.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spansByField } from '../../src/core/scoredText.ts';
import { titleRepeatsBody } from '../../src/core/textKey.ts';
import { AppPage } from './pages/AppPage.ts';
import { openWatchedPage } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1400, height: 900 }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Stoa shell in Chromium', () => {
  it('loads the queue and shows demo rows from the store', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    const rows = await app.queue.waitForRows();
    expect(rows).toBeGreaterThan(5);
    const { n } = server.demo.backend.context.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number };
    // Over a thousand, so the label below shows a thousands separator; the bundled seed sample a
    // clone without the datasets starts from gives 1,049 items, the full datasets more.
    expect(n).toBeGreaterThan(1000);
    const expected = `${n.toLocaleString('en-US')} items`;
    await expect.poll(() => app.queue.itemCountLabel().textContent()).toBe(expected);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Demo workspace');
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => app.statusBar().getByRole('status', { name: 'Online' }).count()).toBe(1);
  });

  it('searches and opens an item with its full record', async () => {
    const app = new AppPage(page);
    await app.queue.search('check my channel');
    await expect.poll(async () => (await app.queue.dataRows().first().textContent()) ?? '').toMatch(/check/i);
    await app.queue.openRow(0);
    await expect.poll(() => app.queue.selectedItem.textContent()).toMatch(/Raw payload/);
    expect(await app.queue.selectedItem.textContent()).toMatch(/check/i);
    // A note for the next moderator; typing it must not trigger the single-key verdicts.
    const stateBefore = await app.queue.selectedItem.locator('.state').first().textContent();
    const notes = app.queue.selectedItem.getByRole('form', { name: 'Add a note' });
    await notes.getByLabel('Note').fill('asked the creator to add #ad; recheck Friday');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => app.queue.selectedItem.locator('.note-list').textContent()).toContain('asked the creator to add #ad; recheck Friday');
    expect(await app.queue.selectedItem.locator('.state').first().textContent()).toBe(stateBefore);
  });

  it('highlights evidence on the words it came from in an item with a title', async () => {
    const app = new AppPage(page);
    const db = server.demo.backend.context.db;
    // Scores count offsets in title + newline + body; pick a titled item with evidence in its body,
    // whose title is shown (a title that only repeats the body is not).
    const titledWithBodyEvidence = () =>
      (
        db
          .prepare(
            `SELECT i.id, i.title, i.body, s.evidence FROM items i JOIN scores s ON s.item_id = i.id
             WHERE i.title IS NOT NULL AND i.title <> '' AND length(i.body) > 40 AND json_array_length(s.evidence) > 0 LIMIT 400`,
          )
          .all() as { id: string; title: string; body: string; evidence: string }[]
      ).find((r) => !titleRepeatsBody(r.title, r.body) && (JSON.parse(r.evidence) as { start: number }[]).some((e) => e.start > r.title.length + 1));
    await expect.poll(() => titledWithBodyEvidence() !== undefined, { timeout: 60_000 }).toBe(true);
    const item = titledWithBodyEvidence();
    if (!item) throw new Error('the demo has no titled item with evidence in its body');
    const detail = await server.demo.backend.handlers['items.get']({ id: item.id });
    const expected = spansByField(detail.title, detail.scoreDetails.flatMap((d) => d.evidence)).body.map((span) => detail.body.slice(span.start, span.end));

    await app.queue.search(item.body.replace(/[^\p{L}\p{N} ]+/gu, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 6).join(' '));
    const opened = await app.queue.openItemTitled(item.title);
    expect(opened, `the search finds "${item.title}"`).toBe(true);
    const marks = await app.queue.selectedItem.locator('p.item-text mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(expected).toContain(mark);
  });

  it('removes an item with the keyboard and moves to the next one', async () => {
    const app = new AppPage(page);
    await app.queue.search('');
    await app.queue.openRow(0);
    await expect.poll(() => app.queue.selectedItem.textContent()).toMatch(/Raw payload/);
    await app.queue.pressKey('r');
    await expect.poll(() => app.queue.rowState(0).textContent()).toBe('removed');
    await expect.poll(() => app.queue.notice.textContent()).toMatch(/remove: recorded, queued for the platform/);
    await expect.poll(() => app.queue.dataRows().nth(1).getAttribute('aria-selected')).toBe('true');
  });

  it('sends the queued decision to the platform with "Sync now"', async () => {
    const app = new AppPage(page);
    await expect.poll(() => app.outboxLabel().textContent()).toBe('1 waiting to send');
    await app.syncNow();
    await expect.poll(() => app.statusBar().getByRole('status').filter({ hasText: /sent/ }).textContent()).toMatch(/sent 1/);
    await expect.poll(() => app.outboxLabel().textContent()).toBe('Outbox empty');
    const writes = Object.values(server.demo.simulators.state().platforms).flatMap((p) => p.writes);
    expect(writes.filter((w) => w.applied)).toHaveLength(1);
  });

  it('navigates to Audit and verifies the log, and to Settings to see the data folder', async () => {
    const app = new AppPage(page);
    await app.goTo('Audit');
    await page.getByRole('button', { name: 'Verify audit log' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Audit log' }).textContent()).toMatch(/Audit log intact: \d+ entries verified/);
    await app.goTo('Settings');
    await expect.poll(() => page.getByText('Data folder').count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain(server.served.backend.context.dataDir);
  });

  it('offers each platform\u2019s documented addresses and settings when connecting an account', async () => {
    await page.getByRole('button', { name: 'Connect an account…' }).click();
    const form = page.getByRole('form', { name: 'Connect an account' });
    await form.getByLabel('Platform').selectOption('youtube');
    expect(await form.getByLabel('API address').inputValue()).toBe('https://www.googleapis.com');
    expect(await form.getByLabel('Token address (if different)').inputValue()).toBe('https://oauth2.googleapis.com');
    expect(await form.getByLabel('Channel id').getAttribute('required')).not.toBeNull();
    await form.getByLabel('Platform').selectOption('discourse');
    expect(await form.getByLabel('API address').inputValue()).toBe('');
    expect(await form.getByLabel('API key').count()).toBe(1);
    expect(await form.getByLabel('Channel id').count()).toBe(0);
  });

  it('refuses to work without the launch token', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(server.url.replace(/#.*$/, ''));
    await expect.poll(() => stranger.getByRole('alert').textContent()).toContain('stoa serve');
    await stranger.close();
  });

  it('ran without console errors (CSP violations included)', () => {
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
  });
});
