// The author panel and outbox visibility of #9 in real Chromium, against the real browser-mode
// server and a demo workspace synced from the simulators: a reply shows its parent post; open the
// author panel, add labelled person notes (and remove one), see the author's other items (one
// added in another community, one on YouTube only while the accounts are linked; the link is
// undone with Unlink); work offline,
// decide, see "queued" and the banner's count; go online, sync, see "sent" and the action in the
// simulator's GET /__sim/state; a removal the platform refuses (fault injection: 403) shows its
// reason and Retry, and goes out after the retry.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertItems } from '../../../src/store/items.ts';
import { AppPage } from '../pages/AppPage.ts';
import { AuthorPanelPage } from '../pages/AuthorPanelPage.ts';
import { QueuePage } from '../pages/QueuePage.ts';
import { openWatchedPage } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demoServer.ts';

let browser: Browser;
let server: DemoServer;
let page: Page;
let consoleErrors: string[];
let app: AppPage;
let queue: QueuePage;
let author: AuthorPanelPage;

interface SimState {
  platforms: Record<string, { writes: { target: string; action: string; applied: boolean }[] }>;
}

const simState = async (): Promise<SimState> => (await fetch(`${server.demo.simulators.url}/__sim/state`)).json() as Promise<SimState>;
const db = () => server.demo.backend.context.db;
/** The item of the newest decision, as the platform knows it. */
const lastDecidedRemoteId = (): string =>
  db().prepare('SELECT i.remote_id FROM decisions d JOIN items i ON i.id = d.item_id ORDER BY d.created_at DESC, d.id DESC LIMIT 1').pluck().get() as string;

beforeAll(async () => {
  server = await startDemoServer();
  ({ browser, page, consoleErrors } = await openWatchedPage({ width: 1280, height: 900 }));
  app = new AppPage(page);
  queue = new QueuePage(page);
  author = new AuthorPanelPage(page);
  await app.open(server.url);
  await queue.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('author panel and outbox status in Chromium', () => {
  it("shows a reply's parent, opens the author panel, adds and removes labelled person notes, and lists the author's other items", async () => {
    // Make a reply whose parent post is stored the newest Reddit item (which item is newest depends
    // on the seed: the full datasets or the bundled sample), so it opens first.
    const reply = db()
      .prepare("SELECT i.id FROM items i JOIN items p ON p.platform = i.platform AND p.remote_id = i.parent_remote_id WHERE i.platform = 'reddit' AND i.kind = 'comment' AND i.state = 'open' ORDER BY i.created_at DESC LIMIT 1")
      .pluck()
      .get() as string | undefined;
    if (!reply) throw new Error('the demo has no Reddit reply whose parent is stored');
    const newest = db().prepare("SELECT max(created_at) FROM items WHERE platform = 'reddit'").pluck().get() as string;
    db().prepare('UPDATE items SET created_at = ? WHERE id = ?').run(new Date(Date.parse(newest) + 1000).toISOString(), reply);
    const replyMeta = db()
      .prepare("SELECT a.name || ' · ' || coalesce(c.name, i.platform) || ' · reddit comment' FROM items i LEFT JOIN authors a ON a.id = i.author_id LEFT JOIN communities c ON c.id = i.community_id WHERE i.id = ?")
      .pluck()
      .get(reply) as string;
    await queue.filterPlatform('reddit');
    // Wait for the filtered list itself: the unfiltered first row may be a Reddit item too, and
    // opening it before the filtered page arrives opens the wrong item on a slow machine.
    await expect.poll(() => queue.rows().first().textContent()).toContain(replyMeta);
    await queue.openFirst();
    // The newest Reddit item is that reply: its parent post is shown from the stored items.
    const parent = queue.item.getByRole('region', { name: 'In reply to' });
    await parent.waitFor();
    expect(await parent.textContent()).toMatch(/^In reply to post by \S+/);
    const name = (await queue.item.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const authorRow = db().prepare("SELECT remote_id AS remoteId, name FROM authors WHERE platform = 'reddit' AND name = ?").get(name) as { remoteId: string; name: string };
    expect(authorRow).toBeDefined();
    // Another item by the same person, in a community the first item is not in.
    upsertItems(db(), [{
      platform: 'reddit', remoteId: 't1_authorpanel1', kind: 'comment', author: authorRow, community: { remoteId: 't5_elsewhere', name: 'elsewhere' },
      body: 'Posted in another community by the same person', createdAt: '2020-01-01T00:00:00.000Z', raw: {},
    }], server.demo.backend.context.clock);
    const stored = db().prepare("SELECT COUNT(*) FROM items i JOIN authors a ON a.id = i.author_id WHERE a.platform = 'reddit' AND a.remote_id = ?").pluck().get(authorRow.remoteId) as number;

    await author.open();
    await expect.poll(() => author.authorItems().count()).toBe(Math.min(stored, 50));
    await author.panel.getByText(`${stored} items`, { exact: true }).waitFor();
    expect(await author.authorItems().filter({ hasText: 'Posted in another community by the same person' }).textContent()).toMatch(/reddit · elsewhere/);

    // A namesake on YouTube is not the same person until a moderator links the accounts.
    upsertItems(db(), [{
      platform: 'youtube', remoteId: 'yt_authorpanel1', kind: 'comment', author: { remoteId: 'UC_namesake', name: authorRow.name }, community: { remoteId: 'vid1', name: 'a video' },
      body: 'A YouTube comment by an account of the same name', createdAt: '2019-01-01T00:00:00.000Z', raw: {},
    }], server.demo.backend.context.clock);
    expect(await author.authorItems().filter({ hasText: 'A YouTube comment by an account of the same name' }).count()).toBe(0);
    await author.linkAccount('youtube', authorRow.name);
    await expect.poll(() => author.linkedAccounts().allTextContents()).toEqual([`${authorRow.name} on youtube Unlink`]);
    await author.panel.getByText(`${stored + 1} items`, { exact: true }).waitFor();
    await expect.poll(() => author.authorItems().filter({ hasText: 'A YouTube comment by an account of the same name' }).count()).toBe(1);
    // The moderator was wrong: unlinking makes them two people again, audited like the link.
    await author.unlinkAccount('youtube', authorRow.name);
    await author.panel.getByText(`${stored} items`, { exact: true }).waitFor();
    await expect.poll(() => author.linkedAccounts().count()).toBe(0);
    await expect.poll(() => author.authorItems().filter({ hasText: 'A YouTube comment by an account of the same name' }).count()).toBe(0);
    expect(db().prepare("SELECT action FROM audit_log WHERE action LIKE 'author.%' ORDER BY seq").pluck().all()).toEqual(['author.link', 'author.unlink']);

    await author.addPersonNote('Spam warning', 'Warned about posting discount codes', 'In 30 days');
    await expect.poll(() => author.personNotes().first().textContent()).toMatch(/^Spam warning Warned about posting discount codes — .* · expires /);
    await author.addPersonNote('Helpful', '', 'Never');
    await expect.poll(() => author.personNotes().count()).toBe(2);
    await author.personNotes().first().getByRole('button', { name: 'Remove note: Helpful' }).click();
    await expect.poll(() => author.personNotes().count()).toBe(1);
  });

  it('shows "queued" and the waiting count while offline, then "sent" after Sync, with the action in the simulator', async () => {
    const offline = app.statusBar().getByLabel('Work offline');
    await offline.click();
    await expect.poll(() => offline.isChecked()).toBe(true);
    await expect.poll(() => author.offlineBanner.textContent()).toBe('Working offline: 0 actions waiting to send. Keep deciding; they are sent when you are back online and sync.');

    await queue.decisionButton('Remove').click();
    await queue.okNotice.waitFor();
    const removed = lastDecidedRemoteId();
    await queue.press('k'); // back to the decided item (a decision moves on to the next)
    await queue.waitForItem();
    await author.decisionStatus('remove: queued').waitFor();
    await expect.poll(() => author.offlineBanner.textContent()).toMatch(/^Working offline: 1 action waiting to send\./);

    await offline.click();
    await expect.poll(() => offline.isChecked()).toBe(false);
    await app.syncNow();
    await author.decisionStatus('remove: sent').waitFor();
    await expect.poll(() => author.offlineBanner.count()).toBe(0);
    const writes = (await simState()).platforms['reddit']?.writes ?? [];
    expect(writes.filter((w) => w.target === removed && w.applied).map((w) => w.action)).toEqual(['remove']);
  });

  it('shows a refused action with its reason and Retry, and sends it after the retry', async () => {
    const injected = await fetch(`${server.demo.simulators.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'reddit', method: 'POST', path: '/api/remove', kind: 'server_error', options: { status: 403 } }),
    });
    expect(injected.status).toBe(200);
    await queue.press('j'); // the next item, still open
    await queue.waitForItem();
    await queue.decisionButton('Remove').click();
    await queue.okNotice.waitFor();
    const refused = lastDecidedRemoteId();
    await queue.press('k');
    await queue.waitForItem();
    await app.syncNow();

    const failed = author.decisionStatus('remove: failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/not a moderator of r\/\S+ with the needed permission/);
    expect((await simState()).platforms['reddit']?.writes.filter((w) => w.target === refused && w.applied)).toEqual([]);

    await failed.getByRole('button', { name: 'Retry' }).click();
    await author.decisionStatus('remove: queued').waitFor();
    await app.syncNow();
    await author.decisionStatus('remove: sent').waitFor();
    const writes = (await simState()).platforms['reddit']?.writes ?? [];
    expect(writes.filter((w) => w.target === refused && w.applied).map((w) => w.action)).toEqual(['remove']);
    expect(consoleErrors).toEqual([]);
  });
});
