// The queue fixes of #9 in real Chromium against the real browser-mode server and a demo workspace
// synced from the simulators: accessible names, only the actions each platform has (no stall after
// a refused key), a ban form that starts empty for every author and closes with Cancel or Esc,
// focus back on the list after a click, notices that go with their item, undo while queued, `/`
// and `?`, filters that survive leaving the page, the offline dot, and decoded text with copies.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertItems } from '../../../src/store/items.ts';
import { AppPage } from '../pages/AppPage.ts';
import { focused, QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let app: AppPage;
let queue: QueuePage;

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  app = new AppPage(page);
  queue = new QueuePage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('queue fixes in Chromium', () => {
  it('names the list, the item and the verdict buttons, and shows their keys', async () => {
    await queue.filterPlatform('reddit');
    await queue.openFirst();
    expect(await queue.decisionButtonNames()).toEqual(['Approve', 'Remove', 'Spam', 'Ignore reports', 'Ban', 'Undo']);
    expect(await queue.decisionButton('Approve').getAttribute('aria-keyshortcuts')).toBe('a');
    expect(await queue.decisionButton('Approve').textContent()).toBe('Approve a');
    expect(await queue.decisionButton('Undo').isDisabled()).toBe(true);
  });

  it('offers Instagram and YouTube only their actions, and a refused key leaves the queue working', async () => {
    await queue.filterPlatform('instagram');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/instagram/);
    await queue.openFirst();
    expect(await queue.decisionButtonNames()).toEqual(['Approve', 'Remove', 'Spam', 'Undo']);
    const first = await queue.selectedRow().getAttribute('aria-rowindex');
    await queue.press('b');
    await expect.poll(() => queue.errorNotice.textContent()).toBe('instagram has no ban action.');
    expect(await queue.banForm.count()).toBe(0);
    // j still moves, and the old notice goes with the item it was about.
    await queue.press('j');
    await expect.poll(() => queue.selectedRow().getAttribute('aria-rowindex')).toBe(String(Number(first) + 1));
    expect(await queue.errorNotice.count()).toBe(0);

    await queue.filterPlatform('youtube');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/youtube/);
    await queue.openFirst();
    expect(await queue.decisionButtonNames()).toEqual(['Approve', 'Remove', 'Ban', 'Undo']);
    await queue.press('s');
    await expect.poll(() => queue.errorNotice.textContent()).toBe('youtube has no spam action.');
    // YouTube bans are permanent only: the form asks for no days.
    await queue.press('b');
    await queue.banForm.waitFor();
    expect(await queue.banForm.getByLabel(/Days/).count()).toBe(0);
    await queue.press('Escape');
    await expect.poll(() => queue.banForm.count()).toBe(0);
  });

  it('starts the ban form empty for every author; Cancel and Esc close it; focus returns to the list', async () => {
    await queue.filterPlatform('reddit');
    await expect.poll(() => queue.rows().first().textContent()).toMatch(/reddit/);
    await queue.openFirst();
    await queue.press('b');
    await queue.banForm.getByLabel(/Days/).fill('7');
    await queue.banForm.getByLabel(/Reason/).fill('spam ring');
    await queue.banForm.getByLabel('Message to the user').fill('You were banned for spam.');
    await queue.press('Escape');
    await expect.poll(() => queue.banForm.count()).toBe(0);
    expect(await queue.listHasFocus()).toBe(true);
    await queue.press('j');
    await queue.waitForItem();
    await queue.press('b');
    await queue.banForm.waitFor();
    expect(await queue.banForm.getByLabel(/Days/).inputValue()).toBe('');
    expect(await queue.banForm.getByLabel(/Reason/).inputValue()).toBe('');
    expect(await queue.banForm.getByLabel('Message to the user').inputValue()).toBe('');
    await queue.banForm.getByRole('button', { name: /Cancel/ }).click();
    await expect.poll(() => queue.banForm.count()).toBe(0);

    // After a click on a verdict button, j/k keep working from the list.
    const before = Number(await queue.selectedRow().getAttribute('aria-rowindex'));
    await queue.decisionButton('Approve').click();
    await expect.poll(() => queue.okNotice.textContent()).toMatch(/approve: recorded/);
    await expect.poll(() => queue.listHasFocus()).toBe(true);
    await expect.poll(async () => Number(await queue.selectedRow().getAttribute('aria-rowindex'))).toBe(before + 1);
    await queue.press('k');
    await expect.poll(async () => Number(await queue.selectedRow().getAttribute('aria-rowindex'))).toBe(before);
    expect(await queue.okNotice.count()).toBe(0);
  });

  it('says Offline while working offline, and undoes a decision still waiting in the outbox', async () => {
    const offline = app.statusBar().getByLabel('Work offline');
    // A controlled checkbox: it turns checked once the backend has the setting.
    await offline.click();
    await expect.poll(() => offline.isChecked()).toBe(true);
    await expect.poll(() => app.statusBar().getByRole('status', { name: /^Offline/ }).textContent()).toBe('Offline (working offline)');
    const row = queue.selectedRow();
    const index = await row.getAttribute('aria-rowindex');
    const decided = queue.grid.locator(`[aria-rowindex="${index}"]`);
    const stateBefore = await queue.rowState(decided).textContent();
    await queue.press('r');
    await expect.poll(() => queue.rowState(decided).textContent()).toBe('removed');
    await queue.press('u');
    await expect.poll(() => queue.okNotice.textContent()).toMatch(/^Undone: remove/);
    await expect.poll(() => queue.rowState(decided).textContent()).toBe(stateBefore);
    await expect.poll(() => queue.selectedRow().getAttribute('aria-rowindex')).toBe(index);
    const undone = server.demo.backend.context.db.prepare("SELECT COUNT(*) FROM outbox WHERE error_class = 'undone'").pluck().get();
    expect(undone).toBe(1);
    await offline.click();
    await expect.poll(() => offline.isChecked()).toBe(false);
    await expect.poll(() => app.statusBar().getByRole('status', { name: 'Online' }).count()).toBe(1);
  });

  it('opens search with /, the note field with n and the shortcut sheet with ?, each left by Esc', async () => {
    await queue.press('/');
    await expect.poll(() => queue.searchBox.evaluate(focused)).toBe(true);
    await queue.press('Escape');
    await expect.poll(() => queue.listHasFocus()).toBe(true);
    await queue.press('j');
    await queue.waitForItem();
    await queue.press('n');
    const noteField = queue.item.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => noteField.evaluate(focused)).toBe(true);
    await queue.press('Escape');
    await expect.poll(() => queue.listHasFocus()).toBe(true);
    await queue.press('?');
    await queue.shortcutSheet.waitFor();
    expect(await queue.shortcutSheet.textContent()).toMatch(/Undo the last decision/);
    expect(await queue.shortcutSheet.textContent()).toMatch(/Write a note on the item/);
    await queue.press('Escape');
    await expect.poll(() => queue.shortcutSheet.count()).toBe(0);
  });

  it('keeps the filters after leaving the page', async () => {
    await queue.filterPlatform('youtube');
    await app.goTo('Studio');
    await app.goTo('Queue');
    await queue.grid.waitFor();
    expect(await queue.platformFilter.inputValue()).toBe('youtube');
    await queue.filterPlatform('');
  });

  it('shows decoded text, one title for a title that repeats the body, and marks copies', async () => {
    const db = server.demo.backend.context.db;
    const body = 'Zorblat &#8220;giveaway&#8221; &amp; free followers at my page';
    upsertItems(db, [1, 2, 3].map((n) => ({
      platform: 'reddit' as const,
      remoteId: `e2e-copy-${n}`,
      kind: 'post' as const,
      title: n === 1 ? 'ZORBLAT “GIVEAWAY” & FREE FOLLOWERS AT MY PAGE' : null,
      body,
      createdAt: '2026-11-30T10:00:00.000Z',
      raw: { n },
    })), server.demo.backend.context.clock);
    await queue.searchBox.fill('zorblat');
    await expect.poll(() => queue.rows().count()).toBe(3);
    const texts = await queue.rows().allTextContents();
    expect(texts.filter((t) => t.includes('Zorblat “giveaway” & free followers'))).toHaveLength(2);
    for (const text of texts) {
      expect(text).not.toContain('&#8220;');
      expect(text).toContain('3 copies');
    }
    for (let i = 0; i < 3; i += 1) {
      await queue.rows().nth(i).click();
      await queue.waitForItem();
      if ((await queue.item.textContent())?.includes('e2e-copy-1')) break;
    }
    expect(await queue.item.getByRole('note').textContent()).toMatch(/^3 copies/);
    // The capitalised title only repeats the body: it is not shown as a heading.
    expect(await queue.item.getByRole('heading', { level: 3, name: /ZORBLAT/ }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
